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
