import { randomUUID } from 'node:crypto';
import { isoNow, type StoreContext } from './context.js';

/**
 * A key-value table with eTags: conversation and dialog state that survives restarts and is
 * shared by several instances. The bot wraps it in botbuilder's `Storage` interface.
 */

export interface StateItem {
  etag: string;
  data: unknown;
}

export interface StateWrite {
  key: string;
  data: unknown;
  /** Write only if the stored eTag still matches; absent or '*' overwrites. */
  etag?: string | undefined;
}

export class StateConflictError extends Error {
  constructor(readonly key: string) {
    super(`state "${key}" was changed by another turn (eTag conflict)`);
    this.name = 'StateConflictError';
  }
}

export async function readState(
  ctx: StoreContext,
  keys: readonly string[],
): Promise<Map<string, StateItem>> {
  const found = new Map<string, StateItem>();
  if (keys.length === 0) return found;
  const rows = await ctx.db
    .selectFrom('bot_state')
    .selectAll()
    .where('key', 'in', [...keys])
    .execute();
  for (const row of rows) found.set(row.key, { etag: row.etag, data: JSON.parse(row.data) });
  return found;
}

/** Writes all items or none; returns the new eTag of each key. */
export async function writeState(
  ctx: StoreContext,
  writes: readonly StateWrite[],
): Promise<Map<string, string>> {
  const etags = new Map<string, string>();
  if (writes.length === 0) return etags;
  const now = isoNow(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    for (const write of writes) {
      const etag = randomUUID();
      const data = JSON.stringify(write.data ?? null);
      if (!write.etag || write.etag === '*') {
        await trx
          .insertInto('bot_state')
          .values({ key: write.key, etag, data, updated_at: now })
          .onConflict((oc) => oc.column('key').doUpdateSet({ etag, data, updated_at: now }))
          .execute();
      } else {
        const updated = await trx
          .updateTable('bot_state')
          .set({ etag, data, updated_at: now })
          .where('key', '=', write.key)
          .where('etag', '=', write.etag)
          .executeTakeFirst();
        if (Number(updated.numUpdatedRows) === 0) {
          // Gone or never stored: the item may be created, but only if nobody else created it first.
          const inserted = await trx
            .insertInto('bot_state')
            .values({ key: write.key, etag, data, updated_at: now })
            .onConflict((oc) => oc.column('key').doNothing())
            .executeTakeFirst();
          if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0)
            throw new StateConflictError(write.key);
        }
      }
      etags.set(write.key, etag);
    }
  });
  return etags;
}

export async function deleteState(ctx: StoreContext, keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return;
  await ctx.db
    .deleteFrom('bot_state')
    .where('key', 'in', [...keys])
    .execute();
}
