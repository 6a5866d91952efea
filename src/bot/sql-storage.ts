import type { Storage, StoreItems } from 'botbuilder';
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
