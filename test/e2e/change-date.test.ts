import { describe, expect, it } from 'vitest';
import { type CalendarDate, workloadName } from '../../src/domain/index.js';
import { formatDate } from '../../src/i18n/format.js';
import {
  ENGLISH,
  GERMAN,
  JAPANESE,
  type Person,
  PORTUGUESE,
  SPANISH,
  useWorld,
} from './support/world.js';

/** What a person types and writes, in their own language. */
const RUNS: { person: Person; command: string; reason: string }[] = [
  {
    person: ENGLISH,
    command: 'change date contoso',
    reason: 'Customer asked by email to hold the Teams kickoff on this day instead.',
  },
  {
    person: PORTUGUESE,
    command: 'alterar data contoso',
    reason: 'O cliente pediu por email para fazer a reunião de abertura do Teams neste dia.',
  },
  {
    person: SPANISH,
    command: 'cambiar fecha contoso',
    reason: 'El cliente pidió por correo hacer la reunión de inicio de Teams ese día.',
  },
  // German has the longest labels (the half-width fields): the screenshots show they fit.
  {
    person: GERMAN,
    command: 'datum ändern contoso',
    reason:
      'Der Kunde hat per E-Mail gebeten, das Kick-off-Meeting für Teams an diesem Tag abzuhalten.',
  },
  {
    person: JAPANESE,
    command: '日付変更 contoso',
    reason:
      'お客様からメールで、Teams のキックオフ ミーティングをこの日に行いたいとの依頼がありました。',
  },
];

/** The 15th of next month: always in the window, never a date the demo data already holds. */
function fifteenthOfNextMonth(today: CalendarDate): CalendarDate {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const next = new Date(Date.UTC(y, m, 15)); // month m (0-based) is next month
  return next.toISOString().slice(0, 10) as CalendarDate;
}

describe.each(RUNS)(
  'changing a date in the emulator ($person.locale)',
  ({ person, command, reason }) => {
    const world = useWorld(person);

    it('types the command, fills the card (workload, calendar, basis, reason), saves, and sees the confirmation', async () => {
      const { page } = world;
      const card = await page.newCard(() => page.say(command));
      expect(await page.text(card)).toContain(world.t('change.title'));
      expect(await page.text(card)).toContain('Contoso Ltd');

      const teams = workloadName('TEAMS', world.lang);
      const date = fifteenthOfNextMonth(world.today());
      await page.choose(card, world.t('change.workloadPlaceholder'), teams);
      await page.pickDate(card, date);
      await page.choose(card, world.t('change.basisPlaceholder'), world.t('basis.kickoff_meeting'));
      await page.fill(card, world.t('change.reasonPlaceholder'), reason);
      await page.screenshot('change-card', card);

      const done = await page.press(card, world.t('change.submit'), world.t('done.title'));
      expect(await page.text(done)).toContain(teams);
      expect(await page.text(done)).toContain(formatDate(date, world.lang));
      expect(await page.text(done)).toContain(reason);
      await page.screenshot('change-confirmation', done);

      // Written once, with its reason, as the card says.
      expect(await world.esdOf('Contoso', 'TEAMS')).toBe(date);
    });
  },
);
