import { randomFillSync } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { StoreContext } from './context.js';
import { positionCommittedEvents } from './event-positioner.js';
import { PostgresAdapter } from './kysely.js';
import type { Database } from './schema.js';
import { writeTransaction } from './write-transaction.js';

/**
 * The event catalogue (issue 17; docs/api.md, "Event feed"). Every change that matters is one of
 * these, written in the transaction of the change (never one without the other). The type names
 * are a contract with other systems: add new ones, never rename.
 */
export const EVENT_TYPES = {
  esdChanged: 'esdbot.esd.changed',
  noResponseRecorded: 'esdbot.no_response.recorded',
  reminderAnswered: 'esdbot.reminder.answered',
  handoffReceived: 'esdbot.handoff.received',
  handoffAcknowledged: 'esdbot.handoff.acknowledged',
  /** Entitlement lines or Target Date changed (written by the entitlements work, migration 007). */
  entitlementsChanged: 'esdbot.entitlements.changed',
} as const;

export type EventType = (typeof EVENT_TYPES)[keyof typeof EVENT_TYPES];

export const EVENT_TYPE_NAMES: readonly EventType[] = Object.values(EVENT_TYPES);

/** A CloudEvents 1.0 event in JSON structured mode, as the feed and the push deliver it. */
export interface CloudEvent {
  specversion: '1.0';
  id: string;
  source: string;
  type: EventType;
  /** The workload the event is about, or the handoff for handoff events. */
  subject?: string;
  time: string;
  datacontenttype: 'application/json';
  /** The feed position (CloudEvents "sequence" extension): the cursor that follows this event. */
  sequence: string;
  data: Record<string, unknown>;
}

export interface NewEvent {
  type: EventType;
  tenantId: string | null;
  subject: string | null;
  data: Record<string, unknown>;
  time: string;
}

/**
 * An event about one workload's date (changed, no response, reminder answered): the envelope and
 * the three fields every consumer keys on, then `data`; who acted, with the UPN lower-cased.
 */
export function workloadEvent(
  type: EventType,
  workload: { id: string; tenantId: string; code: string },
  time: string,
  data: Record<string, unknown>,
): NewEvent {
  return {
    type,
    tenantId: workload.tenantId,
    subject: workload.id,
    time,
    data: {
      workloadId: workload.id,
      tenantId: workload.tenantId,
      workload: workload.code,
      ...data,
    },
  };
}

/** Who acted, as events carry it. */
export function eventActor(actor: { name: string; upn?: string | null }) {
  return { name: actor.name, upn: actor.upn?.toLowerCase() ?? null };
}

const idBytes = Buffer.alloc(16);

/**
 * A new event id: a UUID (version 7, RFC 9562) whose first 48 bits are the time in milliseconds
 * and the other 74 random. Never derived from the position, so ids stay unique across restores
 * and engines; time-ordered, so the events.event_id index takes new ids on its last page (a
 * group commit's events share it) instead of a random page per change (issue 20).
 */
export function newEventId(now = Date.now()): string {
  randomFillSync(idBytes, 6, 10);
  idBytes.writeUIntBE(now, 0, 6);
  idBytes[6] = 0x70 | ((idBytes[6] as number) & 0x0f);
  idBytes[8] = 0x80 | ((idBytes[8] as number) & 0x3f);
  const hex = idBytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Adds an event to the change's transaction, without a position yet: the transaction's owner
 * calls positionEvents as its last statement (SQLite), or a reader numbers it after commit
 * (PostgreSQL, event-positioner.ts).
 */
export async function appendEvent(trx: Transaction<Database>, event: NewEvent): Promise<void> {
  await trx
    .insertInto('events')
    .values({
      position: null,
      event_id: newEventId(),
      type: event.type,
      tenant_id: event.tenantId,
      subject: event.subject,
      time: event.time,
      data: JSON.stringify(event.data),
    })
    .execute();
}

/**
 * SQLite: gives this transaction's events their positions, in the order they were appended. Call
 * it last, just before commit: the update of event_log's row locks it until commit, so the next
 * writer takes its positions only after this one's are visible (commit order = position order).
 * Uncommitted rows of other transactions are invisible here, so the unpositioned rows found are
 * this transaction's own. PostgreSQL: nothing here; events are numbered after commit by the
 * feed's readers (event-positioner.ts), so changes do not queue for event_log's row.
 */
export async function positionEvents(trx: Transaction<Database>): Promise<void> {
  if (trx.getExecutor().adapter instanceof PostgresAdapter) return;
  const pending = await trx
    .selectFrom('events')
    .select('id')
    .where('position', 'is', null)
    .orderBy('id')
    .execute();
  if (pending.length === 0) return;
  const log = await trx
    .updateTable('event_log')
    .set((eb) => ({ last_position: eb('last_position', '+', pending.length) }))
    .where('id', '=', 1)
    .returning('last_position')
    .executeTakeFirstOrThrow();
  let position = Number(log.last_position) - pending.length;
  for (const row of pending) {
    position += 1;
    await trx.updateTable('events').set({ position }).where('id', '=', row.id).execute();
  }
}

export const MAX_EVENTS_PAGE = 1000;

export type EventPage =
  | { status: 'ok'; events: CloudEvent[]; next: string; more: boolean }
  | { status: 'expired'; oldest: string };

/** A cursor is a position, written as its decimal digits; "0" (or none) is the start. */
export function cursorOf(position: number): string {
  return String(position);
}

export function sequenceOf(position: number): string {
  // Zero-padded, so that the CloudEvents "sequence" strings also sort as text.
  return String(position).padStart(16, '0');
}

/**
 * Events after `after` in feed order, at most `limit`, with the cursor to ask from next time (the
 * last position returned, or `after` when there is nothing new; with a `types` filter and no more
 * matching events, the newest position read, skipped events included). A cursor from before what
 * retention deleted is expired: the caller must start again from `oldest`.
 */
export async function readEvents(
  ctx: StoreContext,
  after: number,
  limit: number,
  types?: readonly string[],
): Promise<EventPage> {
  // PostgreSQL: what committed before this read is numbered first, so the read includes it.
  await positionCommittedEvents(ctx);
  const log = await ctx.db
    .selectFrom('event_log')
    .select(['purged_through'])
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  const purgedThrough = Number(log.purged_through);
  if (after < purgedThrough) return { status: 'expired', oldest: cursorOf(purgedThrough) };
  const filtered = !!types && types.length > 0;
  // A filtered read's cursor must also move past the events it skipped, else a consumer of a
  // rare type keeps asking from an old cursor (rescanning, and answered 410 once retention deletes
  // what it skipped). The head is read first: every position up to it is committed (positions
  // are numbered in commit order), so nothing matching at or below it can appear later.
  const head = filtered
    ? await ctx.db
        .selectFrom('events')
        .select((eb) => eb.fn.max('position').as('p'))
        .where('position', '>', after)
        .executeTakeFirst()
    : undefined;
  const headPosition = head?.p === null || head?.p === undefined ? after : Number(head.p);
  let query = ctx.db
    .selectFrom('events')
    .selectAll()
    .where('position', '>', after)
    .orderBy('position')
    .limit(limit + 1);
  if (filtered) query = query.where('position', '<=', headPosition).where('type', 'in', types);
  const rows = await query.execute();
  const more = rows.length > limit;
  const page = rows.slice(0, limit);
  const events = page.map(toCloudEvent);
  const last = page.at(-1);
  // A full page: ask again from its last event. Else, filtered, everything matching up to the
  // head was returned: the next read starts after the head.
  const next = more
    ? Number(last?.position)
    : filtered
      ? headPosition
      : last
        ? Number(last.position)
        : after;
  return { status: 'ok', events, next: cursorOf(next), more };
}

export function toCloudEvent(row: {
  position: number | string | null;
  event_id: string;
  type: string;
  tenant_id: string | null;
  subject: string | null;
  time: string;
  data: string;
}): CloudEvent {
  return {
    specversion: '1.0',
    id: row.event_id,
    source: row.tenant_id ? `/esd-bot/tenants/${row.tenant_id}` : '/esd-bot',
    type: row.type as EventType,
    ...(row.subject ? { subject: row.subject } : {}),
    time: row.time,
    datacontenttype: 'application/json',
    sequence: sequenceOf(Number(row.position)),
    data: JSON.parse(row.data) as Record<string, unknown>,
  };
}

const DAY_MS = 86_400_000;

/**
 * Deletes events older than `days`, oldest first, and remembers the last position deleted so that
 * a cursor before it is answered "expired" instead of silently skipping what was purged. It
 * deletes a prefix of the feed (every position up to the newest old one), so the feed never has
 * holes a cursor could fall into.
 */
export async function purgeEvents(ctx: StoreContext, days: number, batch = 500): Promise<number> {
  const cutoff = new Date(ctx.now().getTime() - days * DAY_MS).toISOString();
  // PostgreSQL: old events nobody has read yet are numbered, so they are purged like the rest.
  await positionCommittedEvents(ctx);
  const newestOld = await ctx.db
    .selectFrom('events')
    .select((eb) => eb.fn.max('position').as('p'))
    .where('position', 'is not', null)
    .where('time', '<', cutoff)
    .executeTakeFirst();
  const through = newestOld?.p === null || newestOld?.p === undefined ? 0 : Number(newestOld.p);
  if (through === 0) return 0;
  let purged = 0;
  for (;;) {
    const n = await writeTransaction(ctx, async (trx) => {
      const rows = await trx
        .selectFrom('events')
        .select(['id', 'position'])
        .where('position', '<=', through)
        .orderBy('position')
        .limit(batch)
        .execute();
      if (rows.length === 0) return 0;
      const last = Number(rows.at(-1)?.position);
      await trx
        .deleteFrom('events')
        .where(
          'id',
          'in',
          rows.map((r) => r.id),
        )
        .execute();
      await trx
        .updateTable('event_log')
        .set({ purged_through: last })
        .where('id', '=', 1)
        .where('purged_through', '<', last)
        .execute();
      return rows.length;
    });
    purged += n;
    if (n < batch) return purged;
  }
}
