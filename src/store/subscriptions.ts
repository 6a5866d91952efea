import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import { isoNow, type StoreContext } from './context.js';
import { positionCommittedEvents } from './event-positioner.js';
import { cursorOf, toCloudEvent } from './events.js';
import { sql } from './kysely.js';
import {
  EVENT_PUSH_KIND,
  type EventPushPayload,
  eventPushKey,
  eventPushKeyPrefix,
} from './messages/event-push.js';
import { enqueue } from './outbox.js';
import type { SubscriptionsTable } from './schema.js';
import { writeTransaction } from './write-transaction.js';

/**
 * Webhook subscriptions to the event feed (issue 17, "Push"). A subscription keeps a cursor into
 * the feed; pumpSubscription queues the events after it (those its type filter lets through) as
 * outbox rows of kind event_push and moves the cursor, in one transaction, so an event is queued
 * once per subscription whatever crashes in between. Delivery is the outbox's (src/notify).
 */

export interface Subscription {
  id: string;
  url: string;
  /** Empty: every event type. */
  types: string[];
  cursor: string;
  epoch: number;
  state: 'active' | 'suspended';
  consecutiveFailures: number;
  lastError: string | null;
  suspendedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

function toSubscription(row: Selectable<SubscriptionsTable>): Subscription {
  return {
    id: row.id,
    url: row.url,
    types: JSON.parse(row.types) as string[],
    cursor: cursorOf(Number(row.cursor_position)),
    epoch: Number(row.epoch),
    state: row.state,
    consecutiveFailures: Number(row.consecutive_failures),
    lastError: row.last_error,
    suspendedAt: row.suspended_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

async function feedBounds(ctx: StoreContext): Promise<{ last: number; purgedThrough: number }> {
  // PostgreSQL: the feed's end includes what committed before (event-positioner.ts).
  await positionCommittedEvents(ctx);
  const log = await ctx.db
    .selectFrom('event_log')
    .select(['last_position', 'purged_through'])
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  return { last: Number(log.last_position), purgedThrough: Number(log.purged_through) };
}

/** A new subscription receives the events written from now on (replay reaches back). */
export async function addSubscription(
  ctx: StoreContext,
  input: { url: string; types: readonly string[]; secret: string },
): Promise<Subscription> {
  const now = isoNow(ctx);
  const { last } = await feedBounds(ctx);
  const row = await ctx.db
    .insertInto('subscriptions')
    .values({
      id: randomUUID(),
      url: input.url,
      types: JSON.stringify([...new Set(input.types)]),
      secret: input.secret,
      cursor_position: last,
      epoch: 0,
      state: 'active',
      consecutive_failures: 0,
      last_error: null,
      suspended_at: null,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toSubscription(row);
}

export async function listSubscriptions(ctx: StoreContext): Promise<Subscription[]> {
  const rows = await ctx.db
    .selectFrom('subscriptions')
    .selectAll()
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toSubscription);
}

export async function getSubscription(
  ctx: StoreContext,
  id: string,
): Promise<(Subscription & { secret: string }) | null> {
  const row = await ctx.db
    .selectFrom('subscriptions')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? { ...toSubscription(row), secret: row.secret } : null;
}

/** Deletes the subscription and cancels what it had queued: nothing more is pushed to it. */
export async function removeSubscription(ctx: StoreContext, id: string): Promise<boolean> {
  const now = isoNow(ctx);
  return writeTransaction(ctx, async (trx) => {
    const deleted = await trx.deleteFrom('subscriptions').where('id', '=', id).executeTakeFirst();
    if (Number(deleted.numDeletedRows) === 0) return false;
    await trx
      .updateTable('outbox')
      .set({ status: 'cancelled', last_error: `cancelled at ${now}: subscription removed` })
      .where('kind', '=', EVENT_PUSH_KIND)
      .where('dedupe_key', 'like', `${eventPushKeyPrefix(id)}%`)
      .where('status', 'in', ['pending', 'waiting'])
      .execute();
    return true;
  });
}

export type ReactivateResult =
  | { status: 'ok'; subscription: Subscription; woken: number }
  | { status: 'not_found' }
  | { status: 'expired'; oldest: string }
  | { status: 'beyond_end'; last: string };

/**
 * Makes a subscription active again with no failures counted, and sends again what was held
 * while it was suspended. With `from`, a replay: the cursor moves back (or forward) to it and a
 * new epoch lets the events after it be queued again; `from` must still be within retention.
 */
export async function reactivateSubscription(
  ctx: StoreContext,
  id: string,
  from?: number,
): Promise<ReactivateResult> {
  const now = isoNow(ctx);
  // A replay's bounds are checked against the feed's end, what committed before included.
  if (from !== undefined) await positionCommittedEvents(ctx);
  return writeTransaction(ctx, async (trx) => {
    const found = await trx
      .selectFrom('subscriptions')
      .select('id')
      .where('id', '=', id)
      .executeTakeFirst();
    if (!found) return { status: 'not_found' } as const;
    if (from !== undefined) {
      const log = await trx
        .selectFrom('event_log')
        .select(['last_position', 'purged_through'])
        .where('id', '=', 1)
        .executeTakeFirstOrThrow();
      if (from < Number(log.purged_through))
        return { status: 'expired', oldest: cursorOf(Number(log.purged_through)) } as const;
      if (from > Number(log.last_position))
        return { status: 'beyond_end', last: cursorOf(Number(log.last_position)) } as const;
    }
    const row = await trx
      .updateTable('subscriptions')
      .set({
        state: 'active',
        consecutive_failures: 0,
        suspended_at: null,
        updated_at: now,
        ...(from !== undefined ? { cursor_position: from, epoch: sql<number>`epoch + 1` } : {}),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const woken = await trx
      .updateTable('outbox')
      .set({ status: 'pending', due_at: now, lease_owner: null, lease_until: null })
      .where('kind', '=', EVENT_PUSH_KIND)
      .where('dedupe_key', 'like', `${eventPushKeyPrefix(id)}%`)
      .where('status', '=', 'waiting')
      .executeTakeFirst();
    return {
      status: 'ok',
      subscription: toSubscription(row),
      woken: Number(woken.numUpdatedRows),
    } as const;
  });
}

export async function activeSubscriptionIds(ctx: StoreContext): Promise<string[]> {
  const rows = await ctx.db
    .selectFrom('subscriptions')
    .select('id')
    .where('state', '=', 'active')
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Queues the events after the subscription's cursor that its filter lets through (at most
 * `batch` events looked at) and moves the cursor past them, in one transaction: on PostgreSQL
 * the subscription's row is locked, so two instances pumping at once queue each event once.
 * A position is never visible before a lower one (src/store/events.ts, event-positioner.ts), so
 * nothing can appear behind the cursor.
 */
export async function pumpSubscription(
  ctx: StoreContext,
  id: string,
  batch = 500,
): Promise<{ queued: number; more: boolean }> {
  // The loop asks every second: with nothing new, two reads and no write transaction (on
  // SQLite, no writer's lock taken from the bot and the CLI for nothing).
  const seen = await ctx.db
    .selectFrom('subscriptions')
    .select('cursor_position')
    .where('id', '=', id)
    .where('state', '=', 'active')
    .executeTakeFirst();
  if (!seen) return { queued: 0, more: false };
  // PostgreSQL: number what committed since the last pump (event-positioner.ts).
  await positionCommittedEvents(ctx);
  const newer = await ctx.db
    .selectFrom('events')
    .select('id')
    .where('position', '>', Number(seen.cursor_position))
    .limit(1)
    .executeTakeFirst();
  if (!newer) return { queued: 0, more: false };
  const now = isoNow(ctx);
  return writeTransaction(ctx, async (trx) => {
    let select = trx
      .selectFrom('subscriptions')
      .selectAll()
      .where('id', '=', id)
      .where('state', '=', 'active');
    if (ctx.engine === 'postgres') select = select.forUpdate();
    const sub = await select.executeTakeFirst();
    if (!sub) return { queued: 0, more: false };
    const log = await trx
      .selectFrom('event_log')
      .select('purged_through')
      .where('id', '=', 1)
      .executeTakeFirstOrThrow();
    // Suspended (or idle) past retention: what was purged is gone; go on from what is left.
    const after = Math.max(Number(sub.cursor_position), Number(log.purged_through));
    const rows = await trx
      .selectFrom('events')
      .selectAll()
      .where('position', '>', after)
      .orderBy('position')
      .limit(batch)
      .execute();
    const last = rows.at(-1);
    if (!last) return { queued: 0, more: false };
    const types = new Set(JSON.parse(sub.types) as string[]);
    let queued = 0;
    for (const row of rows) {
      if (types.size > 0 && !types.has(row.type)) continue;
      const payload: EventPushPayload = {
        subscriptionId: sub.id,
        event: { ...toCloudEvent(row) },
      };
      const added = await enqueue(trx, {
        kind: EVENT_PUSH_KIND,
        dedupeKey: eventPushKey(sub.id, Number(sub.epoch), row.event_id),
        workloadId: null,
        recipient: { aadObjectId: null, upn: null },
        payload,
        dueAt: now,
        now,
      });
      if (added) queued++;
    }
    await trx
      .updateTable('subscriptions')
      .set({ cursor_position: Number(last.position), updated_at: now })
      .where('id', '=', sub.id)
      .execute();
    return { queued, more: rows.length === batch };
  });
}

/**
 * Counts a push's result: a success clears the failures; a failure adds one, and the
 * `suspendAfter`-th in a row suspends the subscription. `justSuspended` is true for the one
 * failure that suspended it (the metric counts suspensions, not failures).
 */
export async function recordPushResult(
  ctx: StoreContext,
  id: string,
  result: { ok: true } | { ok: false; error: string; suspendAfter: number },
): Promise<{ suspended: boolean; justSuspended: boolean }> {
  const now = isoNow(ctx);
  if (result.ok) {
    await ctx.db
      .updateTable('subscriptions')
      .set({ consecutive_failures: 0, updated_at: now })
      .where('id', '=', id)
      .where('consecutive_failures', '>', 0)
      .execute();
    return { suspended: false, justSuspended: false };
  }
  const counted = await ctx.db
    .updateTable('subscriptions')
    .set((eb) => ({
      consecutive_failures: eb('consecutive_failures', '+', 1),
      last_error: result.error.slice(0, 1000),
      updated_at: now,
    }))
    .where('id', '=', id)
    .returning(['consecutive_failures', 'state'])
    .executeTakeFirst();
  if (!counted) return { suspended: false, justSuspended: false };
  if (counted.state === 'suspended') return { suspended: true, justSuspended: false };
  if (Number(counted.consecutive_failures) < result.suspendAfter)
    return { suspended: false, justSuspended: false };
  // Guarded by the state: of two failures that reach the limit at once, one suspends.
  const suspended = await ctx.db
    .updateTable('subscriptions')
    .set({ state: 'suspended', suspended_at: now, updated_at: now })
    .where('id', '=', id)
    .where('state', '=', 'active')
    .executeTakeFirst();
  return { suspended: true, justSuspended: Number(suspended.numUpdatedRows) === 1 };
}

export async function subscriptionCounts(ctx: StoreContext): Promise<Record<string, number>> {
  const rows = await ctx.db
    .selectFrom('subscriptions')
    .select(['state', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('state')
    .execute();
  return {
    active: 0,
    suspended: 0,
    ...Object.fromEntries(rows.map((r) => [r.state, Number(r.n)])),
  };
}
