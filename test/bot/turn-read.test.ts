import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { engines } from '../support/databases.js';
import { alex, megan, TeamsHarness, type TeamsUser } from '../support/teams.js';
import { scaled } from '../support/time.js';

/** Where botbuilder's private conversation state keeps a personal chat's dialog. */
const stateKey = (user: TeamsUser) =>
  `msteams/conversations/a:personal-${user.id}/users/${user.id}/`;

/**
 * Issue 20: a turn reads its dialog state in the same statement as its actor and reachability
 * (load-session.ts, sql-storage.ts). The state is still read once every turn, within the turn
 * (after concurrent turns of the conversation are serialized), so what the turn sees is what
 * is stored: as when the dialog state was a read of its own.
 */
describe.each(engines)('the dialog state read with the actor on %s', (engine) => {
  let teams: TeamsHarness;
  beforeAll(async () => {
    teams = await TeamsHarness.start({ engine });
  });
  afterAll(async () => teams?.close());
  beforeEach(() => teams.connector.clear());
  afterEach(() => vi.restoreAllMocks());

  const typedDateCard = () => JSON.stringify(teams.lastCard());

  it('a typed date: one read of the actor and the state, none of the state alone', async () => {
    expect(await teams.say(alex, 'change date contoso')).toBe(200);
    const store = teams.app.store;
    const combined = vi.spyOn(store, 'loadActorAndReachability');
    const alone = vi.spyOn(store, 'readState');
    teams.connector.clear();
    expect(await teams.say(alex, '15 January')).toBe(200);
    expect(typedDateCard()).toContain('"value":"2027-01-15"');
    expect(alone).not.toHaveBeenCalled();
    expect(combined).toHaveBeenCalledTimes(1);
    expect(combined.mock.calls[0]?.[1]).toBe(stateKey(alex));
    // Unchanged the second time: the card as before, nothing else read.
    teams.connector.clear();
    expect(await teams.say(alex, '15 January')).toBe(200);
    expect(typedDateCard()).toContain('"value":"2027-01-15"');
    expect(alone).not.toHaveBeenCalled();
    expect(combined).toHaveBeenCalledTimes(2);
  });

  it('each turn reads the state as stored: a change made elsewhere between turns is seen', async () => {
    expect(await teams.say(megan, 'change date woodgrove')).toBe(200);
    const store = teams.app.store;
    // Another instance ended the dialog (the state is shared through the store): no card open.
    await store.deleteState([stateKey(megan)]);
    teams.connector.clear();
    expect(await teams.say(megan, '15 January')).toBe(200);
    expect(teams.connector.cards()).toEqual([]);
    expect(teams.connector.texts().at(-1)).toMatch(/didn’t catch that/);
    // And back: the state written elsewhere is the one the next turn continues.
    expect(await teams.say(megan, 'change date woodgrove')).toBe(200);
    const open = (await store.readState([stateKey(megan)])).get(stateKey(megan));
    expect(open).toBeDefined();
    await store.deleteState([stateKey(megan)]);
    await store.writeState([{ key: stateKey(megan), data: open?.data }]);
    teams.connector.clear();
    expect(await teams.say(megan, '16 January')).toBe(200);
    expect(typedDateCard()).toContain('"value":"2027-01-16"');
  });

  it('a turn that waits behind another of its conversation reads the state that one left', async () => {
    const release = teams.connector.hold();
    let first: Promise<number> | undefined;
    let second: Promise<number> | undefined;
    try {
      const arrived = teams.connector.arrived;
      first = teams.say(alex, 'change date contoso');
      // The first turn is sending its card; its dialog state is not saved yet.
      await vi.waitUntil(() => teams.connector.arrived > arrived, {
        timeout: scaled(30_000),
        interval: 10,
      });
      second = teams.say(alex, '17 January');
      // Give the second turn time to reach the server and queue behind the first.
      await new Promise((resolve) => setTimeout(resolve, 200));
    } finally {
      release();
    }
    expect(await first).toBe(200);
    expect(await second).toBe(200);
    expect(typedDateCard()).toContain('"value":"2027-01-17"');
  });

  it('a card refresh reads no dialog state', async () => {
    const combined = vi.spyOn(teams.app.store, 'loadActorAndReachability');
    const alone = vi.spyOn(teams.app.store, 'readState');
    const answer = await teams.execute(alex, 'esd.refresh.change', {}, '19:chat@thread.v2', {
      trigger: 'automatic',
    });
    expect(answer.status).toBe(200);
    expect(alone).not.toHaveBeenCalled();
    for (const call of combined.mock.calls) expect(call[1]).toBeUndefined();
  });
});
