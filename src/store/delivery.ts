import type { Kysely, Selectable } from 'kysely';
import { withRelaxedDurability } from './connect.js';
import { isoNow, type StoreContext } from './context.js';
import { sql } from './kysely.js';
import type { Database, OutboxTable } from './schema.js';
import { writeTransaction } from './write-transaction.js';

export type OutboxRow = Selectable<OutboxTable>;

export interface Reachability {
  /** A 1:1 conversation reference (JSON-serializable), from an install or a personal message. */
  conversationRef?: unknown;
  teamsUserId?: string | null;
  serviceUrl?: string | null;
}

/**
 * Rows that waited because their recipient could not be reached go out again. Matched by the
 * person's AAD object id or UPN, since a handoff may name the FM by UPN alone.
 */
async function wakeWaitingRows(
  ctx: StoreContext,
  aadObjectId: string,
  now: string,
): Promise<number> {
  const person = await ctx.db
    .selectFrom('people')
    .select(['upn'])
    .where('aad_object_id', '=', aadObjectId)
    .executeTakeFirst();
  const result = await ctx.db
    .updateTable('outbox')
    .set({ status: 'pending', due_at: now, lease_owner: null, lease_until: null })
    .where('status', '=', 'waiting')
    .where((eb) =>
      eb.or([
        eb('recipient_aad_object_id', '=', aadObjectId),
        ...(person?.upn ? [eb('recipient_upn', '=', person.upn)] : []),
      ]),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Saves how to reach a person (and that they can be reached), then wakes their waiting rows. */
export async function saveReachability(
  ctx: StoreContext,
  aadObjectId: string,
  reach: Reachability,
): Promise<{ woken: number }> {
  const aad = aadObjectId.toLowerCase();
  const now = isoNow(ctx);
  await ctx.db
    .updateTable('people')
    .set({
      ...(reach.conversationRef !== undefined
        ? { conversation_ref: JSON.stringify(reach.conversationRef) }
        : {}),
      ...(reach.teamsUserId ? { teams_user_id: reach.teamsUserId } : {}),
      ...(reach.serviceUrl ? { service_url: reach.serviceUrl } : {}),
      reachable: 1,
      updated_at: now,
    })
    .where('aad_object_id', '=', aad)
    .execute();
  return { woken: await wakeWaitingRows(ctx, aad, now) };
}

/** On uninstall: the personal conversation is gone; messages wait until the person is back. */
export async function forgetConversation(ctx: StoreContext, aadObjectId: string): Promise<void> {
  await ctx.db
    .updateTable('people')
    .set({ conversation_ref: null, reachable: 0, updated_at: isoNow(ctx) })
    .where('aad_object_id', '=', aadObjectId.toLowerCase())
    .execute();
}

export async function markUnreachable(ctx: StoreContext, aadObjectId: string): Promise<void> {
  await ctx.db
    .updateTable('people')
    .set({ reachable: 0, updated_at: isoNow(ctx) })
    .where('aad_object_id', '=', aadObjectId.toLowerCase())
    .execute();
}

export interface ClaimOptions {
  owner: string;
  /** Rows due at or before this instant are claimed (the CLI's --as-of may be in the future). */
  dueBy: Date;
  leaseMs: number;
  limit: number;
  /** Only rows of these kinds, or all but these: Teams messages and webhook pushes are claimed apart. */
  kinds?: { only: readonly string[] } | { except: readonly string[] };
}

/**
 * Claims due rows with a lease: pending, due, and not leased by a live owner. On PostgreSQL
 * `FOR UPDATE SKIP LOCKED` lets any number of dispatchers share the queue without taking a row
 * twice; SQLite has one writer at a time, so the same statement is already exclusive there.
 */
export async function claimDue(ctx: StoreContext, options: ClaimOptions): Promise<OutboxRow[]> {
  const now = ctx.now();
  const nowIso = now.toISOString();
  const until = new Date(now.getTime() + options.leaseMs).toISOString();
  const dueBy = options.dueBy.toISOString();
  let candidates = ctx.db
    .selectFrom('outbox')
    .select('id')
    .where('status', '=', 'pending')
    .where('due_at', '<=', dueBy)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', nowIso)]))
    .orderBy('due_at')
    .orderBy('id')
    .limit(options.limit);
  const kinds = options.kinds;
  if (kinds && 'only' in kinds) candidates = candidates.where('kind', 'in', kinds.only);
  if (kinds && 'except' in kinds) candidates = candidates.where('kind', 'not in', kinds.except);
  if (ctx.engine === 'postgres') candidates = candidates.forUpdate().skipLocked();
  return ctx.db
    .updateTable('outbox')
    .set({ lease_owner: options.owner, lease_until: until })
    .where('id', 'in', candidates)
    .returningAll()
    .execute();
}

/**
 * Leases on SQLite are written without their own flush to disk (withRelaxedDurability): a power
 * cut that lost a lease's extension stops every process that shares the file too, and a crashed
 * process loses nothing in WAL mode. That saves one flush per message sent (the fence); what a
 * send leaves behind (settle) is flushed as before.
 *
 * The fence before a send: extends the row's lease to now + `leaseMs` only if `owner` still holds a
 * live lease on a pending row, in one statement, and returns the new lease end (null when the lease
 * was lost or ran out). A row whose fence fails is never sent by this owner: another instance may
 * have claimed it already. Comparing `lease_until > now` in the statement (not in JS after a read)
 * means a lease that lapsed, even by a millisecond, is not revived.
 */
export async function fenceLease(
  ctx: StoreContext,
  id: number,
  owner: string,
  leaseMs: number,
): Promise<Date | null> {
  const now = ctx.now();
  const until = new Date(now.getTime() + leaseMs).toISOString();
  const row = await withRelaxedDurability(ctx.db, ctx.engine, (db) =>
    db
      .updateTable('outbox')
      .set({ lease_until: until })
      .where('id', '=', id)
      .where('lease_owner', '=', owner)
      .where('status', '=', 'pending')
      .where('lease_until', '>', now.toISOString())
      .returning('lease_until')
      .executeTakeFirst(),
  );
  return row?.lease_until ? new Date(row.lease_until) : null;
}

/**
 * The heartbeat of a batch in flight: extends the live leases `owner` holds on `ids` (rows whose
 * lease already lapsed stay lapsed, see fenceLease). Returns the ids still held.
 */
export async function extendLeases(
  ctx: StoreContext,
  ids: readonly number[],
  owner: string,
  leaseMs: number,
): Promise<number[]> {
  if (ids.length === 0) return [];
  const now = ctx.now();
  const until = new Date(now.getTime() + leaseMs).toISOString();
  const held: number[] = [];
  // Bounded IN lists: SQLite allows 32,766 parameters, but a batch is at most 500 rows anyway.
  for (let i = 0; i < ids.length; i += 500) {
    // Not flushed on its own on SQLite, like the fence (see fenceLease).
    const rows = await withRelaxedDurability(ctx.db, ctx.engine, (db) =>
      db
        .updateTable('outbox')
        .set({ lease_until: until })
        .where('id', 'in', ids.slice(i, i + 500))
        .where('lease_owner', '=', owner)
        .where('status', '=', 'pending')
        .where('lease_until', '>', now.toISOString())
        .returning('id')
        .execute(),
    );
    for (const row of rows) held.push(Number(row.id));
  }
  return held;
}

export type Outcome =
  | { status: 'sent' }
  | { status: 'retry'; dueAt: Date; error: string }
  | { status: 'waiting'; error: string }
  | { status: 'dead'; error: string }
  | { status: 'cancelled'; error: string };

interface QueuedSettle {
  id: number;
  owner: string;
  outcome: Outcome;
  now: string;
  resolve: (settled: boolean) => void;
  reject: (error: unknown) => void;
}

/** SQLite: settles asked for in the current turn of the event loop, not yet committed. */
const settleQueues = new WeakMap<Kysely<Database>, QueuedSettle[]>();

/**
 * Records what happened to a claimed row; false (a no-op) if the lease was lost to another owner.
 * Resolves once it is on disk. On SQLite, where each commit waits for its flush and holds the one
 * connection meanwhile, the settles asked for in one turn of the event loop (the answers read
 * together) commit as one transaction with one flush: all or none, each caller hearing the
 * outcome. On PostgreSQL a statement each, as the pool runs them side by side.
 */
export function settle(
  ctx: StoreContext,
  id: number,
  owner: string,
  outcome: Outcome,
): Promise<boolean> {
  const now = isoNow(ctx);
  if (ctx.engine !== 'sqlite') return settleRow(ctx.db, id, owner, outcome, now);
  let queue = settleQueues.get(ctx.db);
  if (!queue) {
    const queued: QueuedSettle[] = [];
    queue = queued;
    settleQueues.set(ctx.db, queued);
    setImmediate(() => {
      settleQueues.delete(ctx.db);
      writeTransaction(ctx, async (trx) => {
        const settled: boolean[] = [];
        for (const one of queued)
          settled.push(await settleRow(trx, one.id, one.owner, one.outcome, one.now));
        return settled;
      }).then(
        (settled) => {
          for (const [i, one] of queued.entries()) one.resolve(settled[i] ?? false);
        },
        (error: unknown) => {
          for (const one of queued) one.reject(error);
        },
      );
    });
  }
  const joined = queue;
  return new Promise<boolean>((resolve, reject) => {
    joined.push({ id, owner, outcome, now, resolve, reject });
  });
}

async function settleRow(
  db: Kysely<Database>,
  id: number,
  owner: string,
  outcome: Outcome,
  now: string,
): Promise<boolean> {
  const base = { lease_owner: null, lease_until: null };
  const set =
    outcome.status === 'sent'
      ? { ...base, status: 'sent' as const, sent_at: now, attempts: sql<number>`attempts + 1` }
      : outcome.status === 'retry'
        ? {
            ...base,
            status: 'pending' as const,
            due_at: outcome.dueAt.toISOString(),
            last_error: outcome.error.slice(0, 1000),
            attempts: sql<number>`attempts + 1`,
          }
        : {
            ...base,
            status: outcome.status,
            last_error: outcome.error.slice(0, 1000),
            attempts: sql<number>`attempts + 1`,
          };
  const result = await db
    .updateTable('outbox')
    .set(set)
    .where('id', '=', id)
    .where('lease_owner', '=', owner)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * A claimed row put back unsent until `dueAt`, its attempts not counted: a webhook whose
 * destination must wait (its pace, a Retry-After) does not hold a batch of Teams messages.
 */
export async function deferRow(
  ctx: StoreContext,
  id: number,
  owner: string,
  dueAt: Date,
): Promise<boolean> {
  const result = await ctx.db
    .updateTable('outbox')
    .set({ due_at: dueAt.toISOString(), lease_owner: null, lease_until: null })
    .where('id', '=', id)
    .where('lease_owner', '=', owner)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** On shutdown: rows this instance had claimed but not sent are free for others at once. */
export async function releaseLeases(ctx: StoreContext, owner: string): Promise<number> {
  const result = await ctx.db
    .updateTable('outbox')
    .set({ lease_owner: null, lease_until: null })
    .where('lease_owner', '=', owner)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export interface Recipient {
  aadObjectId: string;
  upn: string | null;
  name: string;
  locale: string | null;
  timeZone: string | null;
  conversationRef: unknown | null;
  teamsUserId: string | null;
  serviceUrl: string | null;
  aadTenantId: string | null;
  reachable: boolean;
}

/** The person an outbox row is for, by AAD object id, else by UPN; null if never seen. */
export async function findRecipient(ctx: StoreContext, row: OutboxRow): Promise<Recipient | null> {
  let query = ctx.db.selectFrom('people').selectAll();
  if (row.recipient_aad_object_id)
    query = query.where('aad_object_id', '=', row.recipient_aad_object_id);
  else if (row.recipient_upn) query = query.where('upn', '=', row.recipient_upn);
  else return null;
  const person = await query.executeTakeFirst();
  if (!person && row.recipient_aad_object_id && row.recipient_upn) {
    const byUpn = await ctx.db
      .selectFrom('people')
      .selectAll()
      .where('upn', '=', row.recipient_upn)
      .executeTakeFirst();
    if (byUpn) return toRecipient(byUpn);
  }
  return person ? toRecipient(person) : null;
}

function toRecipient(p: Selectable<import('./schema.js').PeopleTable>): Recipient {
  return {
    aadObjectId: p.aad_object_id,
    upn: p.upn,
    name: p.name,
    locale: p.locale,
    timeZone: p.time_zone,
    conversationRef: p.conversation_ref ? JSON.parse(p.conversation_ref) : null,
    teamsUserId: p.teams_user_id,
    serviceUrl: p.service_url,
    aadTenantId: p.aad_tenant_id,
    reachable: p.reachable === 1,
  };
}

export async function outboxCounts(ctx: StoreContext): Promise<Record<string, number>> {
  const rows = await ctx.db
    .selectFrom('outbox')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('status')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

/** Whether a person is currently marked reachable (a primary-key read, cheap on every turn). */
export async function isReachable(ctx: StoreContext, aadObjectId: string): Promise<boolean> {
  const row = await ctx.db
    .selectFrom('people')
    .select('reachable')
    .where('aad_object_id', '=', aadObjectId.toLowerCase())
    .executeTakeFirst();
  return row?.reachable === 1;
}
