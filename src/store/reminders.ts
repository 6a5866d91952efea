import { randomBytes } from 'node:crypto';
import type { Selectable } from 'kysely';
import {
  type Actor,
  type CalendarDate,
  communicationStartedNote,
  decideNoResponse,
  type Esd,
  permittedRole,
  type Workload,
} from '../domain/index.js';
import { isoNow, type StoreContext } from './context.js';
import { toWorkload } from './mappers.js';
import { readPayload } from './messages/read-payload.js';
import { REMINDER_KIND, type ReminderPayload, reminderPayload } from './messages/reminder.js';
import { cancelPendingForWorkload, enqueue, type OutboxMessage } from './outbox.js';
import type { WorkloadsTable } from './schema.js';
import { insertStatusNote } from './status-notes.js';
import { writeTransaction } from './write-transaction.js';

// The reminder's message contract (kind, payload schema, keys): src/store/messages/reminder.ts.
export { type ReminderPayload, reminderKey } from './messages/reminder.js';

/**
 * The reminder card's reference to its outbox row: 128 random bits, made once per row (a row
 * rendered again, after a failed send, keeps its token). Never the row's sequential id, so a
 * card cannot name a reminder it was not sent (issue 13).
 */
export async function reminderToken(ctx: StoreContext, outboxId: number): Promise<string> {
  const existing = async () =>
    (
      await ctx.db
        .selectFrom('reminder_tokens')
        .select('token')
        .where('outbox_id', '=', outboxId)
        .executeTakeFirst()
    )?.token;
  const found = await existing();
  if (found) return found;
  await ctx.db
    .insertInto('reminder_tokens')
    .values({
      token: randomBytes(16).toString('base64url'),
      outbox_id: outboxId,
      created_at: isoNow(ctx),
    })
    // Two instances rendering the same row: one token wins, both read it back.
    .onConflict((oc) => oc.column('outbox_id').doNothing())
    .execute();
  const token = await existing();
  if (!token) throw new Error(`no reminder token for outbox row ${outboxId}`);
  return token;
}

export interface StoredReminder {
  outboxId: number;
  recipient: { aadObjectId: string | null; upn: string | null };
  payload: ReminderPayload;
}

/** The reminder a card's token names, as stored; null for an unknown token. */
export async function findReminder(
  ctx: StoreContext,
  token: string,
): Promise<StoredReminder | null> {
  const row = await ctx.db
    .selectFrom('reminder_tokens')
    .innerJoin('outbox', 'outbox.id', 'reminder_tokens.outbox_id')
    .select([
      'outbox.id as id',
      'outbox.kind as kind',
      'outbox.payload as payload',
      'outbox.recipient_aad_object_id as aad',
      'outbox.recipient_upn as upn',
    ])
    .where('reminder_tokens.token', '=', token)
    .executeTakeFirst();
  if (row?.kind !== REMINDER_KIND) return null;
  // Checked on read: a row whose payload no longer fits the contract names no reminder.
  const read = readPayload(reminderPayload, row.payload);
  if (!read.ok) return null;
  return {
    outboxId: Number(row.id),
    recipient: { aadObjectId: row.aad, upn: row.upn },
    payload: read.payload,
  };
}

// The sweep's watermark (its own module), through the door the sweep already uses.
export { probeSweep, recordSweep } from './sweep-watermark.js';

export interface ReminderCandidate {
  workload: Workload;
  fm: { aadObjectId: string | null; upn: string | null; timeZone: string | null };
}

/**
 * In Progress, FM-assigned workloads with an ESD in [from, to] (R1, R3, R11: never other statuses,
 * never without a date, never for a partner), with the FM's time zone when known. The tenant is
 * not read: the sweep needs its id only (every workload has one), and joining the tenants made
 * PostgreSQL hash all of them (100,000 at a million workloads) to keep a few thousand.
 */
export async function reminderCandidates(
  ctx: StoreContext,
  from: CalendarDate,
  to: CalendarDate,
): Promise<ReminderCandidate[]> {
  const rows = await ctx.db
    .selectFrom('workloads')
    .leftJoin('people as by_aad', 'by_aad.aad_object_id', 'workloads.fm_aad_object_id')
    .leftJoin('people as by_upn', 'by_upn.upn', 'workloads.fm_upn')
    .selectAll('workloads')
    .select([
      'by_aad.time_zone as tz_aad',
      'by_upn.time_zone as tz_upn',
      'by_upn.aad_object_id as aad_from_upn',
    ])
    .where('workloads.esd_date', '>=', from)
    .where('workloads.esd_date', '<=', to)
    .where('workloads.l1_status', '=', 'in_progress')
    .where('workloads.channel_type', '=', 'fm')
    .execute();
  return rows.map((row) => {
    const { tz_aad, tz_upn, aad_from_upn, ...workload } = row;
    return {
      workload: toWorkload(workload as Selectable<WorkloadsTable>),
      fm: {
        aadObjectId: row.fm_aad_object_id ?? aad_from_upn ?? null,
        upn: row.fm_upn,
        timeZone: tz_aad ?? tz_upn ?? null,
      },
    };
  });
}

/** Queues messages in one transaction; those already queued (same key) are skipped. */
export async function enqueueAll(
  ctx: StoreContext,
  messages: readonly Omit<OutboxMessage, 'now'>[],
): Promise<number> {
  if (messages.length === 0) return 0;
  const now = isoNow(ctx);
  const existing = new Set<string>();
  // Skip known keys without a write each: the sweep runs every minute over the same rows.
  for (let i = 0; i < messages.length; i += 500) {
    const keys = messages.slice(i, i + 500).map((m) => m.dedupeKey);
    const rows = await ctx.db
      .selectFrom('outbox')
      .select('dedupe_key')
      .where('dedupe_key', 'in', keys)
      .execute();
    for (const row of rows) existing.add(row.dedupe_key);
  }
  const fresh = messages.filter((m) => !existing.has(m.dedupeKey));
  if (fresh.length === 0) return 0;
  return writeTransaction(ctx, async (trx) => {
    let inserted = 0;
    for (const message of fresh) if (await enqueue(trx, { ...message, now })) inserted++;
    return inserted;
  });
}

export type ReminderAction = 'started' | 'no_answer' | 'inactive';

export type ReminderResponse =
  | { status: 'recorded'; note: string; followUpAt: string | null }
  | { status: 'already'; action: ReminderAction }
  | { status: 'not_permitted' }
  | { status: 'not_found' };

/**
 * The answer to a reminder card, once per reminder message (R7): "communication started" and
 * "customer inactive" write a note and stop further reminders for that date; "no answer yet"
 * writes a note and queues one follow-up. None of them touches the date.
 */
export async function respondToReminder(
  ctx: StoreContext,
  input: {
    outboxId: number;
    workloadId: string;
    esd: Esd;
    action: ReminderAction;
    actor: Actor;
    followUp?: Omit<OutboxMessage, 'now'>;
  },
): Promise<ReminderResponse> {
  return writeTransaction(ctx, async (trx): Promise<ReminderResponse> => {
    const row = await trx
      .selectFrom('workloads')
      .selectAll()
      .where('id', '=', input.workloadId)
      .executeTakeFirst();
    if (!row) return { status: 'not_found' };
    const workload = toWorkload(row);
    let note: string;
    if (input.action === 'started') {
      if (!permittedRole(input.actor, workload.channel)) return { status: 'not_permitted' };
      note = communicationStartedNote({ code: workload.code, esd: input.esd });
    } else {
      const decision = decideNoResponse({
        workload: { ...workload, esd: input.esd },
        actor: input.actor,
        kind: input.action,
      });
      if (!decision.ok) return { status: 'not_permitted' };
      note = decision.note;
    }
    const now = isoNow(ctx);
    const claimed = await trx
      .insertInto('reminder_responses')
      .values({
        outbox_id: input.outboxId,
        workload_id: workload.id,
        esd_date: input.esd.date,
        action: input.action,
        actor_name: input.actor.name,
        actor_upn: input.actor.upn?.toLowerCase() ?? null,
        responded_at: now,
      })
      .onConflict((oc) => oc.column('outbox_id').doNothing())
      .executeTakeFirst();
    if (Number(claimed.numInsertedOrUpdatedRows ?? 0) === 0) {
      const earlier = await trx
        .selectFrom('reminder_responses')
        .select('action')
        .where('outbox_id', '=', input.outboxId)
        .executeTakeFirstOrThrow();
      return { status: 'already', action: earlier.action as ReminderAction };
    }
    await insertStatusNote(trx, {
      tenantId: workload.tenantId,
      workloadId: workload.id,
      text: note,
      author: input.actor,
      at: now,
    });
    let followUpAt: string | null = null;
    if (input.action === 'no_answer' && input.followUp) {
      await enqueue(trx, { ...input.followUp, now });
      followUpAt = input.followUp.dueAt;
    } else if (input.action !== 'no_answer') {
      await cancelPendingForWorkload(trx, workload.id, [REMINDER_KIND], now);
    }
    return { status: 'recorded', note, followUpAt };
  });
}

/** Whether a reminder for this workload and date was already answered "started" or "inactive". */
export async function reminderClosed(
  ctx: StoreContext,
  workloadId: string,
  date: CalendarDate,
): Promise<boolean> {
  const row = await ctx.db
    .selectFrom('reminder_responses')
    .select('action')
    .where('workload_id', '=', workloadId)
    .where('esd_date', '=', date)
    .where('action', 'in', ['started', 'inactive'])
    .executeTakeFirst();
  return !!row;
}
