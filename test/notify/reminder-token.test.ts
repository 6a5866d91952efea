import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TENANTS } from '../../src/store/demo-data.js';
import { contextOf } from '../../src/store/store.js';
import { engines } from '../support/databases.js';
import { alex, cardText, megan, NOW, TeamsHarness } from '../support/teams.js';

/** Issue 13, item 3, on both engines: the token (migration 004) names the reminder, and only it. */
const FABRIKAM = DEMO_TENANTS[1]?.id as string;

describe.each(engines)('reminder tokens on %s', (engine) => {
  let teams: TeamsHarness;
  beforeAll(async () => {
    teams = await TeamsHarness.start({ engine });
  });
  afterAll(async () => teams?.close());

  it('one random token per reminder, stored; it answers for its recipient only', async () => {
    await teams.install(alex);
    await teams.app.delivery.sweepNow(NOW);
    await teams.app.delivery.dispatcher.runOnce(new Date('2026-12-22T12:00:00.000Z'));
    const card = teams.connector.cards().find((c) => cardText(c).includes('Fabrikam Inc'));
    const actions = (card as { actions: { verb: string; data: Record<string, unknown> }[] })
      .actions;
    const tokens = new Set(actions.map((a) => a.data.reminder));
    expect(tokens.size).toBe(1);
    const stored = await contextOf(teams.app.store)
      .db.selectFrom('reminder_tokens')
      .selectAll()
      .execute();
    expect(stored.map((r) => r.token)).toEqual([...tokens]);

    const data = actions.find((a) => a.verb === 'esd.reminder.inactive')?.data ?? {};
    const notes = (await teams.app.store.statusNotes(FABRIKAM)).length;
    teams.connector.clear();
    await teams.execute(megan, 'esd.reminder.inactive', data);
    expect(teams.connector.texts().join(' ')).toContain('Ask alexw@example.com');
    expect((await teams.app.store.statusNotes(FABRIKAM)).length).toBe(notes);
    const answer = await teams.execute(alex, 'esd.reminder.inactive', data);
    expect(cardText(answer.body?.value)).toContain('will not remind you');
  });
});
