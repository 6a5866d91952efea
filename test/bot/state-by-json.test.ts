import {
  type Activity,
  MemoryStorage,
  PrivateConversationState,
  type StoreItems,
  TestAdapter,
  TurnContext,
} from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { PrivateStateByJson } from '../../src/bot/sql-storage.js';

/** MemoryStorage that counts its writes. */
class CountingStorage extends MemoryStorage {
  writes = 0;
  override async write(changes: StoreItems): Promise<void> {
    this.writes++;
    await super.write(changes);
  }
}

const activity = {
  type: 'message',
  channelId: 'msteams',
  conversation: { id: 'a:conversation' },
  from: { id: '29:person' },
  recipient: { id: '28:bot' },
  text: 'hi',
} as Activity;

const newTurn = () => new TurnContext(new TestAdapter(), { ...activity });

/**
 * One sequence of turns through a state class: what each turn does to the state, and whether it
 * was written. Run through botbuilder's own class and ours, the two must agree.
 */
async function writesOf(make: (storage: CountingStorage) => PrivateConversationState) {
  const storage = new CountingStorage();
  const state = make(storage);
  const dialog = state.createProperty<Record<string, unknown>>('dialogState');
  const seen: number[] = [];
  const turn = async (step: (context: TurnContext) => Promise<void>, force = false) => {
    const context = newTurn();
    await step(context);
    await state.saveChanges(context, force);
    seen.push(storage.writes);
  };
  await turn(async () => {}); // nothing loaded: nothing written
  await turn(async (c) => void (await dialog.get(c, { stack: [] }))); // a default: written
  await turn(async (c) => void (await dialog.get(c))); // read only
  await turn(async (c) => {
    const value = await dialog.get(c, {});
    value.stack = [{ id: 'open-card', state: { values: { date: '2027-01-15' } } }];
  });
  await turn(async (c) => {
    // The same value set again: unchanged.
    const value = await dialog.get(c, {});
    value.stack = [{ id: 'open-card', state: { values: { date: '2027-01-15' } } }];
  });
  await turn(async (c) => {
    const value = await dialog.get(c, {});
    const [open] = value.stack as { state: { values: { date: string } } }[];
    if (open) open.state.values.date = '2027-01-16';
  });
  await turn(async (c) => void (await dialog.get(c)), true); // forced
  await turn(async (c) => {
    await state.load(c);
    await state.clear(c); // cleared: written even though loaded
  });
  await turn(async (c) => {
    await dialog.delete(c);
  });
  await turn(async (c) => {
    // Changed and written within the turn, then unchanged: written once.
    await dialog.set(c, { stack: ['x'] });
    await state.saveChanges(c);
  });
  const last = newTurn();
  return { seen, stored: await dialog.get(last) };
}

describe('private conversation state told changed by its JSON text', () => {
  it('writes exactly when botbuilder’s own state class writes, and stores the same', async () => {
    const ours = await writesOf((storage) => new PrivateStateByJson(storage));
    const theirs = await writesOf((storage) => new PrivateConversationState(storage));
    expect(ours).toEqual(theirs);
    expect(ours.seen).toEqual([0, 1, 1, 2, 2, 3, 4, 5, 5, 6]);
    expect(ours.stored).toEqual({ stack: ['x'] });
  });
});

/** MemoryStorage that counts its reads. */
class ReadCountingStorage extends CountingStorage {
  reads = 0;
  override async read(keys: string[]): Promise<StoreItems> {
    this.reads++;
    return super.read(keys);
  }
}

describe('a turn’s first load served from the turn’s own read (the session reads it with the actor)', () => {
  const key = 'msteams/conversations/a:conversation/users/29:person/';

  /** State over `storage`, its first load answered by `early` once, as the session does. */
  function served(storage: ReadCountingStorage, early: Record<string, unknown> | undefined) {
    const asked: string[] = [];
    const taken = new WeakSet<TurnContext>();
    const state = new PrivateStateByJson(storage, (context, asking) => {
      asked.push(asking);
      if (taken.has(context)) return undefined;
      taken.add(context);
      return Promise.resolve(early);
    });
    return { state, asked };
  }

  it('names the key botbuilder stores under, and none where the turn has no sender', () => {
    const state = new PrivateStateByJson(new MemoryStorage());
    expect(state.keyOf(newTurn())).toBe(key);
    expect(key).toBe(new PrivateConversationState(new MemoryStorage()).getStorageKey(newTurn()));
    const anonymous = new TurnContext(new TestAdapter(), { ...activity, from: undefined } as never);
    expect(state.keyOf(anonymous)).toBeUndefined();
  });

  it('loads what the turn read, without reading the storage; saves as usual', async () => {
    const storage = new ReadCountingStorage();
    const { state, asked } = served(storage, { dialogState: { n: 1 }, eTag: 'e1' });
    const dialog = state.createProperty<{ n: number }>('dialogState');
    const context = newTurn();
    expect(await dialog.get(context)).toEqual({ n: 1 });
    expect(storage.reads).toBe(0);
    expect(asked).toEqual([key]);
    // Unchanged: nothing written. Changed: written.
    await state.saveChanges(context);
    expect(storage.writes).toBe(0);
    const value = await dialog.get(context, { n: 0 });
    value.n = 2;
    await state.saveChanges(context);
    expect(storage.writes).toBe(1);
    expect((await storage.read([key]))[key]).toMatchObject({ dialogState: { n: 2 } });
  });

  it('loads an empty state when the turn found none stored', async () => {
    const storage = new ReadCountingStorage();
    await storage.write({ [key]: { dialogState: { stale: true } } });
    const { state } = served(storage, undefined);
    expect(await state.load(newTurn())).toEqual({});
    expect(storage.reads).toBe(0);
  });

  it('reads the storage when forced, after a delete, and for a load the turn did not read', async () => {
    const storage = new ReadCountingStorage();
    await storage.write({ [key]: { dialogState: { stored: true } } });
    const forced = served(storage, { dialogState: { early: true } });
    const context = newTurn();
    expect(await forced.state.load(context, true)).toMatchObject({ dialogState: { stored: true } });
    // The turn's read is not served after the storage was read.
    expect(await forced.state.load(context, true)).toMatchObject({ dialogState: { stored: true } });
    expect(forced.asked).toEqual([]);
    expect(storage.reads).toBe(2);

    const deleting = served(storage, { dialogState: { early: true } });
    const other = newTurn();
    await deleting.state.delete(other);
    expect(await deleting.state.load(other)).toEqual({});
    expect(deleting.asked).toEqual([]);

    // The hook answers undefined (no session, another key): the storage is read.
    await storage.write({ [key]: { dialogState: { stored: 2 } } });
    const unserved = new PrivateStateByJson(storage, () => undefined);
    expect(await unserved.load(newTurn())).toMatchObject({ dialogState: { stored: 2 } });
  });

  it('is asked at most once a turn, and each turn asks again (nothing kept across turns)', async () => {
    const storage = new ReadCountingStorage();
    const { state, asked } = served(storage, { dialogState: { n: 1 } });
    for (let turn = 0; turn < 3; turn++) {
      const context = newTurn();
      await state.load(context);
      await state.load(context);
      await state.load(context, true);
    }
    expect(asked).toEqual([key, key, key]);
    expect(storage.reads).toBe(3);
  });
});
