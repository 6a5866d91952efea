import type { StoreContext } from './context.js';
import { CompiledQuery } from './kysely.js';
import { prepared } from './prepared.js';

/**
 * PostgreSQL: event positions are given after commit (issue 20). A change inserts its event
 * unpositioned and never touches event_log, so concurrent changes no longer wait for each other's
 * COMMIT on event_log's row. Whoever reads the feed first numbers what has committed since
 * (positionCommittedEvents), in a transaction of its own that holds event_log's row: positions
 * then follow the positioners' commit order, so a reader never sees n+1 before n, and a change
 * that committed but was not yet numbered (a crash in between included) is numbered by the next
 * read. SQLite numbers events inside the change's transaction (events.ts, positionEvents).
 */

/** Up to this many events per transaction, oldest first. */
export const POSITION_BATCH = 5000;

/**
 * Batches per call at most: a backlog left by a long time without readers is caught up in one
 * call, yet a call under a steady stream of new changes still ends.
 */
const MAX_BATCHES = 20;

/** Is any committed event unpositioned? An index probe (events_unpositioned) when none is. */
const PENDING = prepared('select 1 as pending from events where position is null limit 1');

/**
 * One simple query, so one round trip and one implicit transaction. The lock is taken by the first
 * statement; READ COMMITTED gives each statement of a simple query its own snapshot, so the second
 * sees every event committed before the lock was granted (test/events/positioner.test.ts proves
 * it). No parameters: the simple query protocol takes none.
 */
export const POSITION_COMMITTED = `
    select last_position from event_log where id = 1 for update;
    with pending as (
      select id, row_number() over (order by id) as n
      from (select id from events where position is null order by id limit ${POSITION_BATCH}) p
    ), log as (
      update event_log set last_position = last_position + (select count(*) from pending)
      where id = 1 and exists (select 1 from pending)
      returning last_position
    )
    update events set position = log.last_position - (select count(*) from pending) + pending.n
    from pending, log
    where events.id = pending.id`;

/**
 * Numbers the events committed and not yet positioned (PostgreSQL; nothing to do on SQLite).
 * Every reader of the feed by position calls it first, so what committed before the read is in it.
 */
export async function positionCommittedEvents(ctx: StoreContext): Promise<void> {
  if (ctx.engine !== 'postgres') return;
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const pending = await ctx.db.executeQuery(CompiledQuery.raw(PENDING, []));
    if (pending.rows.length === 0) return;
    await ctx.db.executeQuery(CompiledQuery.raw(POSITION_COMMITTED));
  }
}
