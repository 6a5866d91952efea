import type { ControlledTransaction, Kysely, Transaction } from 'kysely';
import { type SqliteDirect, withRelaxedDurability } from './connect.js';
import type { StoreContext } from './context.js';
import type { Database } from './schema.js';

/**
 * The one module of the store that opens transactions (issue 14): every write of more than one
 * statement goes through writeTransaction, the export's consistent read through readSnapshot.
 * test/store/write-transaction.test.ts checks that no other module opens one.
 */

type Work<T> = (trx: Transaction<Database>) => Promise<T>;

export interface WriteOptions {
  /**
   * Data cheap to lose on a power cut and rewritten constantly (the bot's dialog state): on
   * SQLite, a commit holding only such writes is not flushed on its own (withRelaxedDurability);
   * in a group with any other write it is flushed with it.
   */
  relaxed?: boolean;
}

interface Waiting {
  work: Work<unknown>;
  /** The same work as synchronous statements on SQLite's connection (writeTransactionDirect). */
  direct?: { on: SqliteDirect; work: () => unknown };
  relaxed: boolean;
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
export function writeTransaction<T>(
  ctx: StoreContext,
  work: Work<T>,
  options: WriteOptions = {},
): Promise<T> {
  if (ctx.engine !== 'sqlite') return ctx.db.transaction().execute(work);
  return enqueue(ctx.db, { work, relaxed: options.relaxed ?? false });
}

/**
 * writeTransaction for work that is synchronous statements on SQLite's one connection (`on`, from
 * sqliteDirect(ctx.db)): the same queue, groups and guarantees, but a group of such work runs
 * BEGIN, each piece in its savepoint, and COMMIT without an await in between, outside kysely's
 * query chain (issue 20: that chain and the awaits were ~40 µs of JavaScript per change). In a
 * group with other work it runs inside kysely's transaction, on the same connection.
 */
export function writeTransactionDirect<T>(
  ctx: StoreContext,
  on: SqliteDirect,
  work: () => T,
): Promise<T> {
  return enqueue(ctx.db, { work: async () => work(), direct: { on, work }, relaxed: false });
}

function enqueue<T>(db: Kysely<Database>, piece: Omit<Waiting, 'resolve' | 'reject'>): Promise<T> {
  let queue = queues.get(db);
  if (!queue) {
    queue = { waiting: [], running: false };
    queues.set(db, queue);
  }
  const joined = queue;
  return new Promise<T>((resolve, reject) => {
    joined.waiting.push({ ...piece, resolve: resolve as (value: unknown) => void, reject });
    if (!joined.running) void drain(db, joined);
  });
}

/** Writes waiting for their turn on SQLite (0 on PostgreSQL): what a test watches to form a group. */
export function waitingWrites(ctx: StoreContext): number {
  return queues.get(ctx.db)?.waiting.length ?? 0;
}

/**
 * A consistent read of several tables (the export): one transaction, repeatable read on
 * PostgreSQL; on SQLite a read transaction on the one connection sees one state of the file.
 */
export function readSnapshot<T>(ctx: StoreContext, work: Work<T>): Promise<T> {
  let begin = ctx.db.transaction();
  if (ctx.engine === 'postgres') begin = begin.setIsolationLevel('repeatable read');
  return begin.execute(work);
}

async function drain(db: Kysely<Database>, queue: Queue): Promise<void> {
  queue.running = true;
  try {
    while (queue.waiting.length > 0) {
      if (queue.waiting[0]?.direct) {
        await runDirect(db, queue);
        continue;
      }
      const group = queue.waiting.splice(0, MAX_GROUP);
      const run = (on: Kysely<Database>) =>
        group.length === 1 ? runAlone(on, group[0] as Waiting) : runGroup(on, group);
      try {
        if (group.every((one) => one.relaxed)) await withRelaxedDurability(db, 'sqlite', run);
        else await run(db);
      } catch (error) {
        // Setting the durability failed (the connection is gone): the pieces not yet settled
        // hear why (a settled promise ignores this), and the queue goes on.
        for (const one of group) one.reject(error);
      }
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
    settle(group, outcomes, { error });
    return;
  }
  settle(group, outcomes);
}

/**
 * The queue's leading synchronous pieces (writeTransactionDirect) as one transaction: BEGIN
 * IMMEDIATE, a savepoint around each piece when there are several, COMMIT, with no await in
 * between, so nothing else runs on the connection meanwhile. kysely's driver is asked for the
 * connection first: a transaction of its own (readSnapshot, a relaxed write) ends before this
 * begins. The group is taken once the connection is ours, so pieces queued meanwhile join it.
 * Same outcomes as runAlone and runGroup.
 */
async function runDirect(db: Kysely<Database>, queue: Queue): Promise<void> {
  const take = () => {
    let count = 0;
    while (count < queue.waiting.length && count < MAX_GROUP && queue.waiting[count]?.direct)
      count++;
    return queue.waiting.splice(0, count);
  };
  let taken = false;
  try {
    await db.connection().execute(async () => {
      taken = true;
      commitDirect(take());
    });
  } catch (error) {
    // The connection could not be had (it is gone, the store closed): the pieces it would have
    // run hear why, and leave the queue (else the queue would ask again for ever).
    if (!taken) for (const one of take()) one.reject(error);
  }
}

function commitDirect(group: readonly Waiting[]): void {
  const on = group[0]?.direct?.on;
  if (!on) return;
  const alone = group.length === 1;
  const outcomes: Outcome[] = [];
  try {
    on.run('begin immediate');
  } catch (error) {
    for (const one of group) one.reject(error);
    return;
  }
  try {
    for (const one of group) {
      const work = (one.direct as NonNullable<Waiting['direct']>).work;
      if (alone) {
        outcomes.push({ ok: true, value: work() });
        continue;
      }
      on.run('savepoint work');
      try {
        const value = work();
        on.run('release work');
        outcomes.push({ ok: true, value });
      } catch (error) {
        on.run('rollback to work');
        on.run('release work');
        outcomes.push({ ok: false, error });
      }
    }
    on.run('commit');
  } catch (error) {
    try {
      on.run('rollback');
    } catch {
      // Already rolled back by SQLite (some errors end the transaction themselves).
    }
    settle(group, outcomes, { error });
    return;
  }
  settle(group, outcomes);
}

/**
 * Each piece of a group hears its outcome. `failed`: the commit failed, so nothing of the group
 * was written, and each piece hears why (its own error if it had one).
 */
function settle(
  group: readonly Waiting[],
  outcomes: readonly Outcome[],
  failed?: { error: unknown },
): void {
  group.forEach((one, i) => {
    const outcome = outcomes[i];
    if (failed) one.reject(outcome && !outcome.ok ? outcome.error : failed.error);
    else if (outcome?.ok) one.resolve(outcome.value);
    else one.reject(outcome?.error);
  });
}
