import type { ControlledTransaction, Kysely, Transaction } from 'kysely';
import type { StoreContext } from './context.js';
import type { Database } from './schema.js';

type Work<T> = (trx: Transaction<Database>) => Promise<T>;

interface Waiting {
  work: Work<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

interface Queue {
  waiting: Waiting[];
  running: boolean;
}

/** A group is what queued while the previous one committed; this caps one commit's size. */
const MAX_GROUP = 64;

const queues = new WeakMap<Kysely<Database>, Queue>();

/**
 * Runs `work` as one transaction of its own: it commits whole or not at all, and its promise
 * settles only once that is on disk.
 *
 * On SQLite, writes take turns on the one connection and each commit waits for the disk
 * (synchronous=FULL). Work that queues while a commit is under way is committed as a group
 * (group commit): one transaction with a savepoint around each piece of work, one flush for all.
 * A piece that fails is rolled back to its savepoint and rejected alone; the others commit. If
 * the commit itself fails, every piece of the group is rejected, none having been written.
 * On PostgreSQL, a transaction per call, as the pool runs them side by side.
 */
export function writeTransaction<T>(ctx: StoreContext, work: Work<T>): Promise<T> {
  if (ctx.engine !== 'sqlite') return ctx.db.transaction().execute(work);
  let queue = queues.get(ctx.db);
  if (!queue) {
    queue = { waiting: [], running: false };
    queues.set(ctx.db, queue);
  }
  const joined = queue;
  return new Promise<T>((resolve, reject) => {
    joined.waiting.push({ work, resolve: resolve as (value: unknown) => void, reject });
    if (!joined.running) void drain(ctx.db, joined);
  });
}

async function drain(db: Kysely<Database>, queue: Queue): Promise<void> {
  queue.running = true;
  try {
    while (queue.waiting.length > 0) {
      const group = queue.waiting.splice(0, MAX_GROUP);
      if (group.length === 1) await runAlone(db, group[0] as Waiting);
      else await runGroup(db, group);
    }
  } finally {
    queue.running = false;
  }
}

/** The usual case when writes are few: a plain transaction, no savepoints. */
async function runAlone(db: Kysely<Database>, one: Waiting): Promise<void> {
  try {
    one.resolve(await db.transaction().execute(one.work));
  } catch (error) {
    one.reject(error);
  }
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

async function runGroup(db: Kysely<Database>, group: readonly Waiting[]): Promise<void> {
  let trx: ControlledTransaction<Database>;
  try {
    trx = await db.startTransaction().execute();
  } catch (error) {
    for (const one of group) one.reject(error);
    return;
  }
  const outcomes: Outcome[] = [];
  try {
    for (const one of group) {
      const savepoint = await trx.savepoint('work').execute();
      try {
        const value = await one.work(savepoint);
        await savepoint.releaseSavepoint('work').execute();
        outcomes.push({ ok: true, value });
      } catch (error) {
        await savepoint.rollbackToSavepoint('work').execute();
        await savepoint.releaseSavepoint('work').execute();
        outcomes.push({ ok: false, error });
      }
    }
    await trx.commit().execute();
  } catch (error) {
    await trx
      .rollback()
      .execute()
      .catch(() => {});
    // Nothing of the group was written: each piece hears why (its own error if it had one).
    group.forEach((one, i) => {
      const own = outcomes[i];
      one.reject(own && !own.ok ? own.error : error);
    });
    return;
  }
  group.forEach((one, i) => {
    const outcome = outcomes[i] as Outcome;
    if (outcome.ok) one.resolve(outcome.value);
    else one.reject(outcome.error);
  });
}
