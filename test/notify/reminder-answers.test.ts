/**
 * Issue 15, points 1 and 2, over HTTP with the fake connector, on both engines:
 * - "Communication started" asks on which day the two-way exchange began (R4, R5, R7); when that
 *   is not the ESD, the ESD moves to it through the one write path with a basis and the FM's
 *   reason (R8), and the note tells the truth. On time, late, on a follow-up, on an estimate (R9).
 * - A month-only estimate's reminder says it is the estimated month and offers the real date (R9).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { CalendarDate } from '../../src/domain/index.js';
import { t } from '../../src/i18n/translate.js';
import { DEMO_TENANTS } from '../../src/store/demo-data.js';
import { contextOf } from '../../src/store/store.js';
import { engines } from '../support/databases.js';
import { alex, as, cardText, choices, megan, NOW, TeamsHarness } from '../support/teams.js';

const FABRIKAM = DEMO_TENANTS[1]?.id as string;
const env = {
  PROACTIVE_CONVERSATION_INTERVAL_MS: '0',
  PROACTIVE_MAX_RPS: '50',
  PROACTIVE_SEND_TIMEOUT_MS: '300',
};

type Card = Record<string, unknown>;
type Actions = Record<string, Record<string, unknown>>;

/** The value an input of the card holds, by id. */
function inputValue(card: unknown, id: string): unknown {
  let found: unknown;
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (typeof record.type === 'string' && record.type.startsWith('Input.') && record.id === id)
        found = record.value;
      else for (const value of Object.values(record)) if (typeof value === 'object') walk(value);
    }
  };
  walk(card);
  return found;
}

describe.each(engines)('answering a reminder on %s', (engine) => {
  let teams: TeamsHarness;
  let clock = NOW;
  afterEach(async () => {
    await teams?.close();
    clock = NOW;
  });

  async function start() {
    teams = await TeamsHarness.start({ engine, env, now: () => clock });
    await teams.install(alex);
  }

  const workload = async (code: string) =>
    (await teams.app.store.tenantWorkloads(FABRIKAM)).find((w) => w.code === code)?.id as string;

  /** Sweeps and sends as of `at` (the clock too), and returns the buttons of the last reminder. */
  async function reminderAt(at: Date): Promise<{ card: Card; actions: Actions }> {
    clock = at;
    teams.connector.clear();
    await teams.app.delivery.sweepNow(at);
    await teams.app.delivery.dispatcher.runOnce(new Date(at.getTime() + 60_000));
    const card = teams.connector
      .cards()
      .filter((c) => cardText(c).includes('Fabrikam'))
      .at(-1);
    if (!card) throw new Error(`no reminder sent; texts ${teams.connector.texts().join(' ')}`);
    const list = (card as { actions: { verb: string; data: Record<string, unknown> }[] }).actions;
    return { card, actions: Object.fromEntries(list.map((a) => [a.verb, a.data])) };
  }

  async function pressStarted(actions: Actions, user = alex) {
    const asked = await teams.execute(
      user,
      'esd.reminder.started',
      actions['esd.reminder.started'] ?? {},
    );
    return asked.body?.value as Card;
  }

  async function answer(card: Card, inputs: Record<string, string>, user = alex) {
    const data = (card.actions as { data: Record<string, unknown> }[])[0]?.data ?? {};
    const reply = await teams.execute(user, 'esd.reminder.startedOn', { ...data, ...inputs });
    return reply.body?.value as Card;
  }

  const notes = async () => (await teams.app.store.statusNotes(FABRIKAM)).map((n) => n.text);
  const history = async (id: string) => teams.app.store.workloadHistory(id);
  const responses = () =>
    contextOf(teams.app.store).db.selectFrom('reminder_responses').selectAll().execute();

  it('R7 on time: pressing asks for the day; "today" is the ESD, one choice, and the note says so; the date stays', async () => {
    await start();
    const exo = await workload('EXO');
    const { actions } = await reminderAt(new Date('2026-11-22T10:00:00Z'));
    const before = await notes();
    const asked = await pressStarted(actions);
    // Nothing is written by the press itself: it asks.
    expect(await notes()).toEqual(before);
    expect(await responses()).toHaveLength(0);
    expect(cardText(asked)).toContain(
      'When did the two-way exchange about Exchange Online at Fabrikam Inc begin?',
    );
    expect(choices(asked, 'when').map((c) => c.value)).toEqual(['today', 'other']);
    expect(choices(asked, 'when')[0]?.title).toBe(
      'Today (Nov 22, 2026), the Engagement Start Date',
    );
    // R5: only real exchanges may be the basis of a moved date.
    expect(choices(asked, 'basis').map((c) => c.value)).toEqual([
      'kickoff_meeting',
      'two_way_email',
      'phone_call',
    ]);
    expect(inputValue(asked, 'reason')).toBe(t('en', 'started.reasonDefault'));

    const done = await answer(asked, { when: 'today' });
    expect(cardText(done)).toContain('communication started');
    expect(await notes()).toContain(
      'Communication with the customer started for Exchange Online (EXO) on the Engagement Start Date 2026-11-22.',
    );
    expect((await teams.app.store.getWorkload(exo))?.workload.esd).toEqual({
      date: '2026-11-22',
      estimate: false,
    });
    expect(await history(exo)).toHaveLength(1); // the demo's first setting only
    expect((await responses()).map((r) => [r.action, r.esd_date])).toEqual([
      ['started', '2026-11-22'],
    ]);
    // Answered once: a second submit writes nothing.
    const again = await answer(asked, { when: 'today' });
    expect(cardText(again)).toContain('already answered');
    expect((await notes()).filter((n) => n.startsWith('Communication with'))).toHaveLength(1);
  });

  it('R7 on a follow-up after "no answer": started two days later moves the ESD to that day, with basis and the FM’s reason; never "on the ESD"', async () => {
    await start();
    const exo = await workload('EXO');
    const first = await reminderAt(new Date('2026-11-22T10:00:00Z'));
    await teams.execute(
      alex,
      'esd.reminder.noAnswer',
      first.actions['esd.reminder.noAnswer'] ?? {},
    );
    const followUp = await reminderAt(new Date('2026-11-24T09:00:00Z'));
    expect(cardText(followUp.card)).toContain('Follow-up');
    const asked = await pressStarted(followUp.actions);
    expect(choices(asked, 'when')).toEqual([
      { title: 'Today (Nov 24, 2026)', value: 'today' },
      { title: 'On the Engagement Start Date (Nov 22, 2026)', value: 'esd' },
      { title: 'On another day (choose it below)', value: 'other' },
    ]);
    // A moved date needs a real exchange as its basis (R5): refused, nothing written, values kept.
    const refused = await answer(asked, { when: 'today', reason: 'Customer replied to my email.' });
    expect(cardText(refused)).toContain('Choose what the exchange was');
    expect(inputValue(refused, 'when')).toBe('today');
    expect(inputValue(refused, 'reason')).toBe('Customer replied to my email.');
    expect(await history(exo)).toHaveLength(1);

    const done = await answer(refused, {
      when: 'today',
      basis: 'two_way_email',
      reason: 'Customer replied to my email on the 24th.',
    });
    expect(cardText(done)).toContain('moved from Nov 22, 2026 to Nov 24, 2026');
    const workloadNow = (await teams.app.store.getWorkload(exo))?.workload;
    expect(workloadNow?.esd).toEqual({ date: '2026-11-24', estimate: false });
    expect(workloadNow?.basis).toBe('two_way_email');
    const [change] = await history(exo); // newest first
    expect(change).toMatchObject({
      old: { date: '2026-11-22', estimate: false },
      new: { date: '2026-11-24', estimate: false },
      basis: 'two_way_email',
      reason: 'Customer replied to my email on the 24th.',
    });
    const note = (await notes()).find((n) => n.includes('2026-11-24'));
    expect(note).toBe(
      'Engagement Start Date for Exchange Online (EXO) changed from 2026-11-22 to 2026-11-24; basis: two-way email exchange. Reason: Customer replied to my email on the 24th.',
    );
    expect(
      (await notes()).some((n) => n.includes('on the Engagement Start Date 2026-11-22.')),
    ).toBe(false);
    // The answer is kept under the day communication began: the workload is not overdue later.
    expect((await responses()).find((r) => r.action === 'started')?.esd_date).toBe('2026-11-24');
    expect(
      await teams.app.store.startedKeys('2026-11-01' as CalendarDate, '2026-11-30' as CalendarDate),
    ).toContain(`${exo}|2026-11-24`);
    // Issue 17: the moved date and the answer are events, written in the same transaction.
    const feed = await teams.app.store.readEvents(0, 100);
    if (feed.status !== 'ok') throw new Error(feed.status);
    const mine = feed.events.filter((e) => e.subject === exo).map((e) => [e.type, e.data.action]);
    expect(mine.slice(-3)).toEqual([
      ['esdbot.reminder.answered', 'no_answer'],
      ['esdbot.esd.changed', undefined],
      ['esdbot.reminder.answered', 'started'],
    ]);
  });

  it('R7 late: "another day" in the past moves the date; a day still ahead and a date out of the window are refused with the reason', async () => {
    await start();
    const exo = await workload('EXO');
    // Missed while no bot ran: it goes out two days late and says so.
    const late = await reminderAt(new Date('2026-11-24T08:00:00Z'));
    expect(cardText(late.card)).toContain('This reminder is late');
    const asked = await pressStarted(late.actions);
    expect(inputValue(asked, 'date')).toBe('');
    expect((asked.body as Card[]).find((b) => b.id === 'date')).toMatchObject({
      max: '2026-11-24',
      min: '2025-11-24',
    });

    for (const [inputs, said] of [
      [{ date: '2026-11-30' }, 'That day has not come yet'],
      [{}, 'Choose the day the exchange began.'],
      [{ date: '2026-02-31' }, 'That day does not exist.'],
      [{ date: '2024-01-10' }, 'Choose a date between'],
      [{ date: '2026-11-23', reason: ' !! ' }, 'Write the reason in words'],
      // R8: counted as the rules count; a pasted novel is "too long", never "card expired".
      [{ date: '2026-11-23', reason: 'x'.repeat(30_000) }, 'at most 1000 characters'],
    ] as const) {
      const refused = await answer(asked, { when: 'other', basis: 'phone_call', ...inputs });
      expect(cardText(refused)).toContain(said);
    }
    expect(await history(exo)).toHaveLength(1);
    expect(await responses()).toHaveLength(0);

    const done = await answer(asked, {
      when: 'other',
      date: '2026-11-23',
      basis: 'phone_call',
      reason: t('en', 'started.reasonDefault'),
    });
    expect(cardText(done)).toContain('to Nov 23, 2026');
    expect((await teams.app.store.getWorkload(exo))?.workload.esd?.date).toBe('2026-11-23');
    expect(
      (await notes()).some((n) =>
        n.includes('changed from 2026-11-22 to 2026-11-23; basis: phone call.'),
      ),
    ).toBe(true);
  });

  it('R7: two submits racing move the date once, write one history row and one answer', async () => {
    await start();
    const exo = await workload('EXO');
    const { actions } = await reminderAt(new Date('2026-11-23T10:00:00Z'));
    const asked = await pressStarted(actions);
    const inputs = { when: 'today', basis: 'phone_call', reason: 'Customer called back today.' };
    const answers = await Promise.all([answer(asked, inputs), answer(asked, inputs)]);
    const texts = answers.map((a) => cardText(a));
    expect(texts.filter((x) => x.includes('moved from Nov 22, 2026 to Nov 23, 2026'))).toHaveLength(
      1,
    );
    expect(texts.filter((x) => x.includes('already answered'))).toHaveLength(1);
    expect(await history(exo)).toHaveLength(2);
    expect(await responses()).toHaveLength(1);
  });

  it('R7: someone else’s press is refused and records nothing; the FM still answers', async () => {
    await start();
    const { actions } = await reminderAt(new Date('2026-11-22T10:00:00Z'));
    const asked = await pressStarted(actions);
    teams.connector.clear();
    await answer(asked, { when: 'today' }, megan);
    expect(teams.connector.texts().join(' ')).toContain('not one of your customers');
    expect(await responses()).toHaveLength(0);
    expect(cardText(await answer(asked, { when: 'today' }))).toContain('communication started');
  });

  it('R9: on the 1st of an estimated month the reminder says it is the estimated month and offers the real date; "started" sets an exact day', async () => {
    await start();
    const teamsWorkload = await workload('TEAMS');
    const esd = (await teams.app.store.getWorkload(teamsWorkload))?.workload.esd;
    expect(esd).toEqual({ date: '2027-01-01', estimate: true });
    const { card, actions } = await reminderAt(new Date('2027-01-01T10:00:00Z'));
    const text = cardText(card);
    expect(text).toContain(
      'January 2027 is the estimated month for Microsoft Teams at Fabrikam Inc',
    );
    expect(text).not.toContain('Today is the Engagement Start Date');
    expect(text).toContain('Set the real date');
    expect(text).toContain('the 1st stands for the month');

    const asked = await pressStarted(actions);
    // "On the ESD" would be untrue for an estimate.
    expect(choices(asked, 'when').map((c) => c.value)).toEqual(['today', 'other']);
    const forged = await answer(asked, { when: 'esd', basis: 'kickoff_meeting' });
    expect(cardText(forged)).toContain('only an estimated month');
    const done = await answer(asked, {
      when: 'today',
      basis: 'kickoff_meeting',
      reason: 'Kickoff held today.',
    });
    expect(cardText(done)).toContain('moved from January 2027 (estimate) to Jan 1, 2027');
    expect((await teams.app.store.getWorkload(teamsWorkload))?.workload.esd).toEqual({
      date: '2027-01-01',
      estimate: false,
    });
  });

  it('R9 in Portuguese and Spanish: the estimated month, the real date, and the question in the reader’s words', async () => {
    teams = await TeamsHarness.start({ engine, env, now: () => clock });
    await teams.install(as(alex, 'pt-BR', 'America/Sao_Paulo'));
    const pt = await reminderAt(new Date('2027-01-01T13:00:00Z'));
    expect(cardText(pt.card)).toContain('janeiro de 2027 é o mês estimado para');
    expect(cardText(pt.card)).toContain('Definir a data real');
    const ptAsked = await pressStarted(pt.actions, as(alex, 'pt-BR', 'America/Sao_Paulo'));
    expect(cardText(ptAsked)).toContain('Quando começou a troca nos dois sentidos');
    expect(inputValue(ptAsked, 'reason')).toBe(t('pt-BR', 'started.reasonDefault'));

    const es = as(alex, 'es-ES', 'Europe/Madrid');
    const esAsked = await pressStarted(pt.actions, es);
    expect(cardText(esAsked)).toContain('¿Cuándo empezó el intercambio en ambos sentidos');
    expect(choices(esAsked, 'when')[0]?.title).toBe('Hoy (1 ene 2027)');
    const refused = await answer(
      esAsked,
      { when: 'other', date: '2027-01-09', basis: 'phone_call' },
      es,
    );
    expect(cardText(refused)).toContain('Ese día aún no llegó');
  });
});
