import type { Transaction } from 'kysely';
import {
  type Actor,
  type CalendarDate,
  calendarDateIn,
  type EntitlementLine,
  entitlementsOf,
  hasInProgressSeats,
  type L1Status,
  normalizeReason,
  REASON_MAX_LENGTH,
  type Tenant,
  type Violation,
  type Workload,
  type WorkloadCode,
} from '../domain/index.js';
import { applyEsdChange } from './change-esd.js';
import { isoNow, type StoreContext } from './context.js';
import { appendEvent, EVENT_TYPES, positionEvents } from './events.js';
import { toTenant, toWorkload } from './mappers.js';
import { GATEWAY_HANDOFF_KIND, type HandoffPayload, handoffOutboxKey } from './messages/index.js';
import { enqueue } from './outbox.js';
import type { Database } from './schema.js';
import { upsertTenant, upsertWorkload } from './tenants.js';
import { writeTransaction } from './write-transaction.js';

/**
 * The Gateway Team's handoff of a new customer (R6): the tenant, its workloads with their L1
 * status and delivery channel, and the Engagement Start Date the customer gave in the Gateway
 * conversation. Recorded in one transaction; a handoff id is recorded once, ever.
 */

/** A validated handoff, as the HTTP layer hands it over (wire names already mapped). */
export interface HandoffInput {
  handoffId: string;
  tenant: Tenant;
  /** The Gateway Team assigns an FM or a partner; "unassigned" never comes from the wire. */
  channel:
    | { type: 'fm'; fm: { upn: string; aadObjectId: string | null } }
    | { type: 'frp'; partnerName: string };
  workloads: {
    code: WorkloadCode;
    /** The effective status (of `entitlements` when given: In Progress when any seats are). */
    l1Status: L1Status;
    /** The split across L1 statuses; null: one line at `l1Status`. */
    entitlements?: EntitlementLine[] | null;
    /**
     * R3: null is normal for an existing customer's past or ongoing engagement; a new customer's
     * workload with In Progress seats needs it (R6, see write()).
     */
    engagementStartDate: CalendarDate | null;
  }[];
  enteredBy: { upn: string; name: string };
  notes: string | null;
}

export type HandoffNotification = 'pending' | 'sent' | 'not_applicable' | 'failed';

/** The answer to the POST, stored so that a replay gets exactly the same. */
export interface HandoffResponse {
  handoffId: string;
  status: 'accepted';
  notification: Exclude<HandoffNotification, 'failed'>;
}

export interface WorkloadRejection {
  code: WorkloadCode;
  workload: Workload;
  violations: Violation[];
}

export type RecordHandoffResult =
  | { status: 'created'; response: HandoffResponse }
  /** The same id with the same body: nothing written, the first answer again. */
  | { status: 'replay'; response: HandoffResponse }
  /** The same id with another body: nothing written. */
  | { status: 'conflict' }
  /** A rule refused a date (R1, the window, ...) or a new customer's missing one (R6): nothing written. */
  | { status: 'rejected'; tenant: Tenant; workloads: WorkloadRejection[] };

/** What the `result` column holds: the answer, and the handoff itself for the FM's card. */
interface StoredResult {
  response: HandoffResponse;
  handoff: HandoffInput;
}

const REASON_PREFIX = 'Date the customer gave in the Gateway conversation';

/** R8: the reason recorded with the date; the Gateway Team's notes go with it, within the limit. */
export function handoffReason(handoffId: string, notes: string | null): string {
  const head = `${REASON_PREFIX} (handoff ${handoffId}).`;
  const full = normalizeReason(notes ? `${head} Notes: ${notes}` : head);
  const chars = [...full];
  return chars.length <= REASON_MAX_LENGTH
    ? full
    : `${chars
        .slice(0, REASON_MAX_LENGTH - 1)
        .join('')
        .trimEnd()}…`;
}

/** Ends the transaction with a rollback and carries the answer out of it. */
class Rollback extends Error {
  constructor(readonly result: RecordHandoffResult) {
    super('rolled back');
  }
}

/** A concurrent writer got in between: running the whole transaction again settles it. */
class Retry extends Error {}

function isTransient(error: unknown): boolean {
  if (error instanceof Retry) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return (
    // PostgreSQL: unique violation (a concurrent insert of the same key), serialization failure, deadlock.
    code === '23505' ||
    code === '40001' ||
    code === '40P01' ||
    // SQLite: the same unique or primary key (transactions are serialized there, but be safe).
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE'
  );
}

const ATTEMPTS = 3;

/**
 * Records a handoff, in one transaction: the tenant and its workloads (status, channel), each
 * date through the one ESD write path (history row, Overall Status Note; source and role
 * 'gateway', R6), the FM's notification in the outbox (none for a partner, R11), and the
 * gateway_handoffs row.
 *
 * The gateway_handoffs row is inserted first: its primary key is the lock that makes exactly one
 * of several concurrent requests with the same id do the work. On PostgreSQL the others wait on
 * that key, fail with a unique violation when the first commits, and are run again, which then
 * finds the row and answers as a replay (same body) or a conflict (another body). On SQLite the
 * transactions are serialized already and the first read finds the row.
 */
/** How long a request's signature is remembered: longer than the five minutes it is accepted. */
const REPLAY_MEMORY_MS = 15 * 60_000;

/**
 * `signature` identifies the signed request (a hash of its signature header). The request that
 * creates the handoff records it in the same transaction; the byte-identical request again (a
 * retry policy resending after a lost answer, within the five minutes the signature is accepted)
 * then gets the first answer again: 201 and the same body, nothing written (issue 13, "Retries
 * from real callers"). Any other request for the same id is a replay (200, same body) or a
 * conflict (409), as before.
 */
export async function recordHandoff(
  ctx: StoreContext,
  handoff: HandoffInput,
  bodyHash: string,
  signature: string,
): Promise<RecordHandoffResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await writeTransaction(ctx, async (trx) => {
        const now = ctx.now();
        await trx
          .deleteFrom('webhook_replays')
          .where('seen_at', '<', new Date(now.getTime() - REPLAY_MEMORY_MS).toISOString())
          .execute();
        const retried = await trx
          .selectFrom('webhook_replays')
          .select('signature')
          .where('signature', '=', signature)
          .executeTakeFirst();
        if (retried) {
          const first = await trx
            .selectFrom('gateway_handoffs')
            .select(['body_hash', 'result'])
            .where('handoff_id', '=', handoff.handoffId)
            .executeTakeFirst();
          // The same signature over the same bytes: the body is the one that created the row.
          if (first && first.body_hash === bodyHash)
            return {
              status: 'created' as const,
              response: (JSON.parse(first.result) as StoredResult).response,
            };
        }
        const result = await write(trx, ctx, handoff, bodyHash);
        if (result.status === 'created')
          await trx
            .insertInto('webhook_replays')
            .values({ signature, seen_at: now.toISOString() })
            .onConflict((oc) => oc.column('signature').doNothing())
            .execute();
        // Last, so the event log's lock is held for the commit alone (src/store/events.ts).
        await positionEvents(trx);
        return result;
      });
    } catch (error) {
      if (error instanceof Rollback) return error.result;
      if (attempt < ATTEMPTS && isTransient(error)) continue;
      throw error;
    }
  }
}

async function write(
  trx: Transaction<Database>,
  ctx: StoreContext,
  handoff: HandoffInput,
  bodyHash: string,
): Promise<RecordHandoffResult> {
  const existing = await trx
    .selectFrom('gateway_handoffs')
    .select(['body_hash', 'result'])
    .where('handoff_id', '=', handoff.handoffId)
    .executeTakeFirst();
  if (existing) {
    if (existing.body_hash !== bodyHash) return { status: 'conflict' };
    return { status: 'replay', response: (JSON.parse(existing.result) as StoredResult).response };
  }

  const now = isoNow(ctx);
  const today = calendarDateIn(ctx.now(), 'UTC');
  const response: HandoffResponse = {
    handoffId: handoff.handoffId,
    status: 'accepted',
    notification: handoff.channel.type === 'fm' ? 'pending' : 'not_applicable',
  };
  const stored: StoredResult = { response, handoff };
  // R3/R6: a customer esd-bot has never seen is a new customer, whose In Progress workloads get
  // their date from the Gateway Team. A tenant already known (imported, or handed off before) is
  // an existing engagement, exempt from backfill.
  const newCustomer = !(await trx
    .selectFrom('tenants')
    .select('id')
    .where('id', '=', handoff.tenant.id)
    .executeTakeFirst());
  await trx
    .insertInto('gateway_handoffs')
    .values({
      handoff_id: handoff.handoffId,
      body_hash: bodyHash,
      result: JSON.stringify(stored),
      tenant_id: handoff.tenant.id,
      created_at: now,
      notified_at: null,
      acknowledged_at: null,
    })
    .execute();

  await upsertTenant(trx, ctx, handoff.tenant);
  // R6: the Gateway Team enters the date; the Gateway member is the actor of record.
  const actor: Actor = {
    name: handoff.enteredBy.name,
    upn: handoff.enteredBy.upn,
    roles: ['gateway'],
  };
  const reason = handoffReason(handoff.handoffId, handoff.notes);
  const rejections: WorkloadRejection[] = [];
  for (const spec of handoff.workloads) {
    const workload = await upsertWorkload(trx, ctx, {
      tenantId: handoff.tenant.id,
      code: spec.code,
      l1Status: spec.l1Status,
      entitlements: spec.entitlements ?? null,
      channel: handoff.channel,
    });
    if (!spec.engagementStartDate) {
      if (newCustomer && hasInProgressSeats(entitlementsOf(workload)))
        rejections.push({
          code: spec.code,
          workload,
          violations: [{ code: 'esd_required', field: 'date', params: { newCustomer: true } }],
        });
      continue;
    }
    const result = await applyEsdChange(trx, ctx, {
      workloadId: workload.id,
      expectedVersion: workload.version,
      actor,
      // The date the customer gave: a planned start, agreed with the customer.
      proposal: { kind: 'date', date: spec.engagementStartDate, basis: 'planned' },
      reason,
      source: 'gateway',
      today,
      // The handoff card tells the FM about every date at once.
      quiet: true,
    });
    if (result.status === 'changed') continue;
    if (result.status !== 'rejected') throw new Retry(`workload ${workload.id}: ${result.status}`);
    // The same date again is a no-op, not an error.
    const violations = result.violations.filter((v) => v.code !== 'unchanged');
    if (violations.length > 0)
      rejections.push({ code: spec.code, workload: result.workload, violations });
  }
  if (rejections.length > 0) {
    throw new Rollback({ status: 'rejected', tenant: handoff.tenant, workloads: rejections });
  }

  if (handoff.channel.type === 'fm') {
    const payload: HandoffPayload = {
      handoffId: handoff.handoffId,
      tenantId: handoff.tenant.id,
    };
    await enqueue(trx, {
      kind: GATEWAY_HANDOFF_KIND,
      dedupeKey: handoffOutboxKey(handoff.handoffId),
      workloadId: null,
      recipient: { aadObjectId: handoff.channel.fm.aadObjectId, upn: handoff.channel.fm.upn },
      payload,
      dueAt: now,
      now,
    });
  }
  await appendEvent(trx, {
    type: EVENT_TYPES.handoffReceived,
    tenantId: handoff.tenant.id,
    subject: handoff.handoffId,
    time: now,
    data: {
      handoffId: handoff.handoffId,
      tenantId: handoff.tenant.id,
      customerName: handoff.tenant.customerName,
      workloads: handoff.workloads.map((w) => ({
        code: w.code,
        l1Status: w.l1Status,
        engagementStartDate: w.engagementStartDate ?? null,
      })),
      channel:
        handoff.channel.type === 'fm'
          ? { type: 'fm', fmUpn: handoff.channel.fm.upn.toLowerCase() }
          : { type: handoff.channel.type },
      enteredBy: { name: handoff.enteredBy.name, upn: handoff.enteredBy.upn.toLowerCase() },
    },
  });
  // R11: a partner's customer gets its dates, and nobody is messaged about them.
  return { status: 'created', response };
}

export interface HandoffStatus {
  handoffId: string;
  status: 'accepted';
  notification: HandoffNotification;
  notifiedAt: string | null;
  acknowledgedAt: string | null;
  receivedAt: string;
}

/** The state of a handoff for GET /api/gateway/handoffs/{id}; null when unknown. */
export async function getHandoff(
  ctx: StoreContext,
  handoffId: string,
): Promise<HandoffStatus | null> {
  const row = await ctx.db
    .selectFrom('gateway_handoffs')
    .selectAll()
    .where('handoff_id', '=', handoffId)
    .executeTakeFirst();
  if (!row) return null;
  const message = await ctx.db
    .selectFrom('outbox')
    .select(['status', 'sent_at'])
    .where('dedupe_key', '=', handoffOutboxKey(handoffId))
    .executeTakeFirst();
  const notification: HandoffNotification = !message
    ? 'not_applicable'
    : message.status === 'sent'
      ? 'sent'
      : message.status === 'dead'
        ? 'failed'
        : 'pending';
  const stored = JSON.parse(row.result) as StoredResult;
  return {
    handoffId: row.handoff_id,
    status: stored.response.status,
    notification,
    notifiedAt: row.notified_at ?? (message?.status === 'sent' ? message.sent_at : null),
    acknowledgedAt: row.acknowledged_at,
    receivedAt: row.created_at,
  };
}

export interface HandoffDetails {
  handoffId: string;
  tenant: Tenant;
  /** The handoff's workloads as they are now (the FM may have changed a date since). */
  workloads: Workload[];
  enteredBy: { upn: string; name: string };
  notes: string | null;
  receivedAt: string;
  acknowledgedAt: string | null;
}

/** Everything the FM's handoff card shows, read at the time it is rendered; null when unknown. */
export async function getHandoffDetails(
  ctx: StoreContext,
  handoffId: string,
): Promise<HandoffDetails | null> {
  const row = await ctx.db
    .selectFrom('gateway_handoffs')
    .selectAll()
    .where('handoff_id', '=', handoffId)
    .executeTakeFirst();
  if (!row) return null;
  const tenant = await ctx.db
    .selectFrom('tenants')
    .selectAll()
    .where('id', '=', row.tenant_id)
    .executeTakeFirst();
  if (!tenant) return null;
  const { handoff } = JSON.parse(row.result) as StoredResult;
  const codes = handoff.workloads.map((w) => w.code);
  const rows = await ctx.db
    .selectFrom('workloads')
    .selectAll()
    .where('tenant_id', '=', row.tenant_id)
    .where('code', 'in', codes)
    .execute();
  const byCode = new Map(rows.map((r) => [r.code, toWorkload(r)]));
  return {
    handoffId: row.handoff_id,
    tenant: toTenant(tenant),
    workloads: codes.map((code) => byCode.get(code)).filter((w): w is Workload => !!w),
    enteredBy: handoff.enteredBy,
    notes: handoff.notes,
    receivedAt: row.created_at,
    acknowledgedAt: row.acknowledged_at,
  };
}

export type AcknowledgeResult =
  | { status: 'acknowledged'; acknowledgedAt: string; tenantId: string }
  | { status: 'already'; acknowledgedAt: string; tenantId: string }
  | { status: 'not_found' };

/** Sets acknowledged_at once: a second acknowledgement keeps the first time. */
export async function acknowledgeHandoff(
  ctx: StoreContext,
  handoffId: string,
  at: Date,
): Promise<AcknowledgeResult> {
  return writeTransaction(ctx, async (trx) => {
    const acknowledgedAt = at.toISOString();
    const updated = await trx
      .updateTable('gateway_handoffs')
      .set({ acknowledged_at: acknowledgedAt })
      .where('handoff_id', '=', handoffId)
      .where('acknowledged_at', 'is', null)
      .executeTakeFirst();
    const row = await trx
      .selectFrom('gateway_handoffs')
      .select(['acknowledged_at', 'tenant_id'])
      .where('handoff_id', '=', handoffId)
      .executeTakeFirst();
    if (!row?.acknowledged_at) return { status: 'not_found' };
    const first = Number(updated.numUpdatedRows) === 1;
    if (first) {
      await appendEvent(trx, {
        type: EVENT_TYPES.handoffAcknowledged,
        tenantId: row.tenant_id,
        subject: handoffId,
        time: acknowledgedAt,
        data: { handoffId, tenantId: row.tenant_id, acknowledgedAt },
      });
      await positionEvents(trx);
    }
    return {
      status: first ? 'acknowledged' : 'already',
      acknowledgedAt: row.acknowledged_at,
      tenantId: row.tenant_id,
    };
  });
}
