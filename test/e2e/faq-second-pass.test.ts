import { describe, expect, it } from 'vitest';
import {
  addDays,
  type CalendarDate,
  type EntitlementLine,
  windowBounds,
  workloadName,
} from '../../src/domain/index.js';
import { formatDate } from '../../src/i18n/format.js';
import { seatLinesLabel } from '../../src/i18n/labels.js';
import { DEMO_FM } from '../../src/store/demo-data.js';
import { signedHeaders } from '../support/signing.js';
import { GATEWAY_SECRET } from './support/bot.js';
import { ENGLISH, useWorld } from './support/world.js';

/** A new customer whose workloads are split across L1 statuses, as the portal's Services tab. */
const ADVENTURE = {
  id: '7a3c9e10-0000-4000-8000-0000000015a1',
  name: 'adventureworks.onmicrosoft.com',
  customerName: 'Adventure Works',
};

/**
 * Issue 15's second pass in the emulator (en-US, America/New_York): a workload whose entitlements
 * are split across L1 statuses (R1: a date only where seats are In Progress, the split shown
 * with a refusal), and a date outside the allowed window, typed in chat and picked on the card,
 * each answered with the allowed range instead of a Save that does nothing.
 */
describe.sequential('issue 15 in the emulator (en-US, America/New_York)', () => {
  const world = useWorld(ENGLISH);

  it('R1, split entitlements: my engagements shows the split; a date is refused for a workload with no In Progress seats (the split shown) and accepted for one with some', async () => {
    const { page } = world;
    const today = world.today();
    const exoLines: EntitlementLine[] = [
      { l1Status: 'in_progress', seats: 600, targetDate: addDays(today, 90), l2Reason: null },
      { l1Status: 'blocked', seats: 400, targetDate: null, l2Reason: 'Second geography' },
    ];
    const spoLines: EntitlementLine[] = [
      { l1Status: 'blocked', seats: 150, targetDate: null, l2Reason: 'Waiting for a tenant merge' },
      { l1Status: 'no_intent', seats: 50, targetDate: null, l2Reason: null },
    ];
    const esd = addDays(today, 14);
    // Seeded as the Gateway Team hands a new customer over: the signed webhook (docs/api.md).
    const body = JSON.stringify({
      handoffId: 'gw-e2e-split-0001',
      tenant: ADVENTURE,
      deliveryChannel: { type: 'FM', fm: { upn: DEMO_FM.upn } },
      workloads: [
        { code: 'EXO', entitlements: exoLines, engagementStartDate: esd },
        { code: 'SPO', entitlements: spoLines },
      ],
      enteredBy: { upn: 'adelev@example.com', name: 'Adele Vance' },
    });
    const posted = await fetch(`${world.bot.url}/api/gateway/handoffs`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...signedHeaders({
          secret: GATEWAY_SECRET,
          timestamp: Math.floor(Date.now() / 1000),
          method: 'POST',
          url: '/api/gateway/handoffs',
          body,
        }),
      },
      body,
    });
    expect(posted.status, await posted.clone().text()).toBe(201);

    const exoSplit = seatLinesLabel(exoLines, 'en');
    const spoSplit = seatLinesLabel(spoLines, 'en');
    const list = await page.newCard(() => page.say('my engagements'));
    const listed = await page.text(list);
    expect(listed).toContain('Adventure Works');
    expect(listed).toContain(world.t('entitlements.split', { lines: exoSplit }));
    expect(listed).toContain(world.t('entitlements.split', { lines: spoSplit }));

    const card = await page.newCard(() => page.say('change date adventure'));
    const spo = workloadName('SPO', 'en');
    const exo = workloadName('EXO', 'en');
    const date = addDays(today, 21);
    await page.choose(card, world.t('change.workloadPlaceholder'), spo);
    await page.pickDate(card, date);
    await page.choose(card, world.t('change.basisPlaceholder'), world.t('basis.planned'));
    await page.fill(
      card,
      world.t('change.reasonPlaceholder'),
      'Customer plans SharePoint three weeks from now.',
    );
    const refused = await page.press(
      card,
      world.t('change.submit'),
      world.t('change.errorSummary'),
    );
    const text = await page.text(refused);
    // The refusal shows the split, line by line, with the seats (R1).
    expect(text).toContain(
      world.t('violation.status_ineligible_split', { workload: spo, split: spoSplit }),
    );
    await page.screenshot('split-entitlements', refused);
    expect(
      (await world.bot.store.tenantWorkloads(ADVENTURE.id)).find((w) => w.code === 'SPO')?.esd,
    ).toBeNull();

    // Exchange Online has In Progress seats (600 of 1,000): the date applies.
    await page.choose(refused, world.t('change.workloadPlaceholder'), exo);
    const done = await page.press(refused, world.t('change.submit'), world.t('done.title'));
    expect(await page.text(done)).toContain(formatDate(date, 'en'));
    const workloads = await world.bot.store.tenantWorkloads(ADVENTURE.id);
    expect(workloads.find((w) => w.code === 'EXO')?.esd?.date).toBe(date);
    expect(workloads.find((w) => w.code === 'SPO')?.esd).toBeNull();
  });

  it('a date outside the allowed window, typed in chat ("2 June 2025") and picked on the card: each gets the allowed range, nothing is written', async () => {
    const { page } = world;
    const { earliest, latest } = windowBounds(world.today());
    const range = { earliest: formatDate(earliest, 'en'), latest: formatDate(latest, 'en') };
    const before = await world.esdOf('Contoso', 'TEAMS');
    const card = await page.newCard(() => page.say('change date contoso'));

    // Typed in chat: answered in the chat with the range; the open card is left as it was.
    const cardsBefore = await page.cards().count();
    await page.say('2 June 2025');
    const answer = page.page.getByRole('paragraph').filter({
      hasText: world.t('change.typedOutOfWindow', {
        text: '2 June 2025',
        date: formatDate('2025-06-02' as CalendarDate, 'en'),
        ...range,
      }),
    });
    await answer.waitFor({ timeout: 20_000 });
    await page.settle(answer);
    await page.screenshot('out-of-window-typed', answer);
    expect(await page.cards().count()).toBe(cardsBefore);
    expect(await card.locator('input[aria-label="Select a date..."]').inputValue()).toBe('');

    // Picked on the card: the calendar offers the day, and Save shows the range beside the field
    // (the card's errorMessage for its min/max) instead of doing nothing; nothing reaches the bot.
    await page.choose(card, world.t('change.workloadPlaceholder'), workloadName('TEAMS', 'en'));
    await page.pickDate(card, addDays(earliest, -16));
    await page.choose(card, world.t('change.basisPlaceholder'), world.t('basis.kickoff_meeting'));
    await page.fill(card, world.t('change.reasonPlaceholder'), 'Kickoff was held back then.');
    await card.getByRole('button', { name: world.t('change.submit'), exact: true }).click();
    const message = card.getByText(world.t('violation.date_out_of_window', range));
    await message.waitFor({ timeout: 20_000 });
    await page.screenshot('out-of-window-picked', card);
    expect(await page.text(card)).not.toContain(world.t('change.errorSummary'));
    expect(await world.esdOf('Contoso', 'TEAMS')).toBe(before);
  });
});
