import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { withRelaxedDurability } from './connect.js';
import { isoNow, type StoreContext } from './context.js';
import { ReusedQuery } from './reused-query.js';
import type { Database } from './schema.js';
import { writeTransaction } from './write-transaction.js';

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

/** A turn reads its one dialog state item: the query compiled once (reused-query.ts). */
const readOneQuery = new ReusedQuery(1, (db, key) =>
  db
    .selectFrom('bot_state')
    .selectAll()
    .where('key', '=', key as string),
);

export async function readState(
  ctx: StoreContext,
  keys: readonly string[],
): Promise<Map<string, StateItem>> {
  const found = new Map<string, StateItem>();
  if (keys.length === 0) return found;
  const rows =
    keys.length === 1
      ? await readOneQuery.execute(ctx.db, ctx.engine, keys[0] as string)
      : await ctx.db
          .selectFrom('bot_state')
          .selectAll()
          .where('key', 'in', [...keys])
          .execute();
  for (const row of rows) found.set(row.key, stateItemOf(row.etag, row.data));
  return found;
}

/** A stored row's item: its eTag and its data parsed. */
export function stateItemOf(etag: string, data: string): StateItem {
  return { etag, data: JSON.parse(data) };
}

/** One item: an upsert, or with an eTag an update that must find that eTag (or create it if absent). */
async function writeOne(db: Kysely<Database>, write: StateWrite, now: string): Promise<string> {
  const etag = randomUUID();
  const data = JSON.stringify(write.data ?? null);
  if (!write.etag || write.etag === '*') {
    await db
      .insertInto('bot_state')
      .values({ key: write.key, etag, data, updated_at: now })
      .onConflict((oc) => oc.column('key').doUpdateSet({ etag, data, updated_at: now }))
      .execute();
    return etag;
  }
  const updated = await db
    .updateTable('bot_state')
    .set({ etag, data, updated_at: now })
    .where('key', '=', write.key)
    .where('etag', '=', write.etag)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) {
    // Gone or never stored: the item may be created, but only if nobody else created it first.
    const inserted = await db
      .insertInto('bot_state')
      .values({ key: write.key, etag, data, updated_at: now })
      .onConflict((oc) => oc.column('key').doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0)
      throw new StateConflictError(write.key);
  }
  return etag;
}

/**
 * Writes all items or none; returns the new eTag of each key. Dialog state is a conversation's
 * scratch, rewritten on every turn: on SQLite its commit is not flushed to disk on its own
 * (see withRelaxedDurability) — the next change of a date flushes it with that change.
 */
export async function writeState(
  ctx: StoreContext,
  writes: readonly StateWrite[],
): Promise<Map<string, string>> {
  const etags = new Map<string, string>();
  if (writes.length === 0) return etags;
  const now = isoNow(ctx);
  // A turn saves one item: each statement of writeOne is atomic on its own, and the eTag check
  // holds between them, so one item needs no transaction (a turn's commonest write).
  if (writes.length === 1) {
    const write = writes[0] as StateWrite;
    const etag = await withRelaxedDurability(ctx.db, ctx.engine, (db) => writeOne(db, write, now));
    etags.set(write.key, etag);
    return etags;
  }
  // Several items: all or none, through the store's one transaction discipline.
  await writeTransaction(
    ctx,
    async (trx) => {
      for (const write of writes) etags.set(write.key, await writeOne(trx, write, now));
    },
    { relaxed: true },
  );
  return etags;
}

export async function deleteState(ctx: StoreContext, keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return;
  await ctx.db
    .deleteFrom('bot_state')
    .where('key', 'in', [...keys])
    .execute();
}
