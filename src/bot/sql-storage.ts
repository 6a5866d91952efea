import {
  PrivateConversationState,
  type Storage,
  type StoreItem,
  type StoreItems,
  type TurnContext,
} from 'botbuilder';
import type { StateItem, Store } from '../store/index.js';
import { SESSION, type Session } from './session.js';

/**
 * botbuilder's Storage over the store's eTag table: dialog state survives restarts and is shared
 * by every instance. A write with a stale eTag fails instead of overwriting another turn's state.
 */
export class SqlStorage implements Storage {
  constructor(private readonly store: Store) {}

  async read(keys: string[]): Promise<StoreItems> {
    const found = await this.store.readState(keys);
    const items: StoreItems = {};
    for (const [key, item] of found) items[key] = storeItemOf(item);
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
  /**
   * `readWithTurn` may serve a turn's first load of its key from a read the turn already made
   * (stateReadWithTurn, with SqlStorage); when it answers undefined, the storage is read.
   */
  constructor(
    storage: Storage,
    private readonly readWithTurn: (
      context: TurnContext,
      key: string,
    ) => Promise<StoreItem | undefined> | undefined = () => undefined,
  ) {
    super(storage);
  }

  /** The key this turn's state is stored under, or undefined where it has none (no sender, …). */
  keyOf(context: TurnContext): string | undefined {
    try {
      return this.getStorageKey(context);
    } catch {
      return undefined;
    }
  }

  /** Turn-state key: this turn has read or deleted the state in storage. */
  private readonly touchedKey = Symbol('esd-bot.state-touched');

  override async delete(context: TurnContext): Promise<void> {
    context.turnState.set(this.touchedKey, true);
    await super.delete(context);
  }

  private get cacheKey(): symbol {
    // botbuilder's private turn-state key for this state's cache (BotState.stateKey).
    return (this as unknown as { stateKey: symbol }).stateKey;
  }

  override async load(context: TurnContext, force = false): Promise<Record<string, unknown>> {
    const cached = context.turnState.get(this.cacheKey) as Cached | undefined;
    if (!force && cached?.state) return cached.state;
    const key = await this.storageKey(context);
    // Only the turn's first storage access may be served from the turn's read: a forced load,
    // or a load after a delete, reads the storage as it is now.
    const early =
      force || context.turnState.get(this.touchedKey) ? undefined : this.readWithTurn(context, key);
    context.turnState.set(this.touchedKey, true);
    const item = early ? await early : (await this.storage.read([key]))[key];
    const state = (item ?? {}) as Record<string, unknown>;
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

/** A stored state item as botbuilder's Storage hands it out: the data, its eTag beside. */
function storeItemOf(item: StateItem): StoreItem {
  return { ...(item.data as object), eTag: item.etag };
}

/**
 * The dialog state item the session read with the turn's actor (one statement, loadSession),
 * when the turn loads `key` for the first time; undefined otherwise (no session: a proactive
 * turn; another key; already served), and then the storage reads it. Only for state over the
 * store's own table (SqlStorage): what the session read is that table's row.
 */
export function stateReadWithTurn(
  context: TurnContext,
  key: string,
): Promise<StoreItem | undefined> | undefined {
  const session = context.turnState.get(SESSION) as Session | undefined;
  return session?.takeState(key)?.then((item) => (item ? storeItemOf(item) : undefined));
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
