import {
  PrivateConversationState,
  type Storage,
  type StoreItems,
  type TurnContext,
} from 'botbuilder';
import type { Store } from '../store/index.js';

/**
 * botbuilder's Storage over the store's eTag table: dialog state survives restarts and is shared
 * by every instance. A write with a stale eTag fails instead of overwriting another turn's state.
 */
export class SqlStorage implements Storage {
  constructor(private readonly store: Store) {}

  async read(keys: string[]): Promise<StoreItems> {
    const found = await this.store.readState(keys);
    const items: StoreItems = {};
    for (const [key, item] of found) items[key] = { ...(item.data as object), eTag: item.etag };
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    await this.store.writeState(
      Object.entries(changes).map(([key, value]) => {
        const { eTag, ...data } = (value ?? {}) as { eTag?: string };
        return { key, data, etag: eTag };
      }),
    );
  }

  async delete(keys: string[]): Promise<void> {
    await this.store.deleteState(keys);
  }
}

/**
 * botbuilder's private conversation state, telling a changed state from an unchanged one by its
 * JSON text rather than botbuilder's hash (its own stringify with a replacer on every value, then
 * SHA-256, once when loaded and again when saved: ~0.02 ms a turn). The text is what SqlStorage
 * stores, so "same text" is exactly "nothing to write". Everything else is botbuilder's: the
 * cached `{ state, hash }` under its turn-state key, so clear() (hash '') still forces a write;
 * test/bot/state-by-json.test.ts holds the writes to botbuilder's own class (and so its key).
 */
export class PrivateStateByJson extends PrivateConversationState {
  private get cacheKey(): symbol {
    // botbuilder's private turn-state key for this state's cache (BotState.stateKey).
    return (this as unknown as { stateKey: symbol }).stateKey;
  }

  override async load(context: TurnContext, force = false): Promise<Record<string, unknown>> {
    const cached = context.turnState.get(this.cacheKey) as Cached | undefined;
    if (!force && cached?.state) return cached.state;
    const key = await this.storageKey(context);
    const items = await this.storage.read([key]);
    const state = (items[key] ?? {}) as Record<string, unknown>;
    context.turnState.set(this.cacheKey, { state, hash: jsonOf(state) } satisfies Cached);
    return state;
  }

  override async saveChanges(context: TurnContext, force = false): Promise<void> {
    let cached = context.turnState.get(this.cacheKey) as Cached | undefined;
    if (!force && (!cached || cached.hash === jsonOf(cached.state))) return;
    const key = await this.storageKey(context);
    cached ??= { state: {}, hash: '' };
    cached.state.eTag = '*';
    await this.storage.write({ [key]: cached.state });
    cached.hash = jsonOf(cached.state);
    context.turnState.set(this.cacheKey, cached);
  }
}

interface Cached {
  state: Record<string, unknown>;
  hash: string;
}

/** The state as stored, its eTag aside (botbuilder's calculateChangeHash leaves it out too). */
function jsonOf(state: Record<string, unknown>): string {
  const { eTag: _eTag, ...data } = state;
  return JSON.stringify(data);
}
