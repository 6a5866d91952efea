import { randomBytes } from 'node:crypto';
import type { Selectable, Transaction } from 'kysely';
import {
  type Actor,
  type Basis,
  type CalendarDate,
  communicationStartedNote,
  decideNoResponse,
  type Esd,
  type EsdChange,
  permittedRole,
  type Violation,
  type Workload,
} from '../domain/index.js';
import { applyEsdChange, loadWorkload } from './change-esd.js';
import { isoNow, type StoreContext } from './context.js';
import { appendEvent, EVENT_TYPES, eventActor, positionEvents, workloadEvent } from './events.js';
import { toWorkload } from './mappers.js';
import { readPayload } from './messages/read-payload.js';
import { REMINDER_KIND, type ReminderPayload, reminderPayload } from './messages/reminder.js';
import { cancelPendingForWorkload, enqueue, type OutboxMessage } from './outbox.js';
import type { Database, ReminderAction, WorkloadsTable } from './schema.js';
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

/**
 * The tokens of many reminder rows at once (a dispatcher's batch), made where missing: one insert
 * and one read for the batch, where reminderToken costs a write and its commit per row.
 */
export async function reminderTokens(
  ctx: StoreContext,
  outboxIds: readonly number[],
): Promise<Map<number, string>> {
  const tokens = new Map<number, string>();
  const now = isoNow(ctx);
  // Bounded lists: a batch is at most 500 rows; 3 parameters a row stays far below SQLite's limit.
  for (let i = 0; i < outboxIds.length; i += 500) {
    const ids = outboxIds.slice(i, i + 500);
    await ctx.db
      .insertInto('reminder_tokens')
      .values(
        ids.map((id) => ({
          token: randomBytes(16).toString('base64url'),
          outbox_id: id,
          created_at: now,
        })),
      )
      // Rows that have one keep it (rendered before, or by another instance at the same time).
      .onConflict((oc) => oc.column('outbox_id').doNothing())
      .execute();
    const rows = await ctx.db
      .selectFrom('reminder_tokens')
      .select(['outbox_id', 'token'])
      .where('outbox_id', 'in', ids)
      .execute();
    for (const row of rows) tokens.set(Number(row.outbox_id), row.token);
  }
  return tokens;
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

export type { ReminderAction } from './schema.js';

export type ReminderResponse =
  | { status: 'recorded'; note: string; followUpAt: string | null }
  | { status: 'already'; action: ReminderAction }
  | { status: 'not_permitted' }
  | { status: 'not_found' };

/** Records the one answer a reminder gets; false when another answer got there first. */
async function claimReminder(
  trx: Transaction<Database>,
  answer: {
    outboxId: number;
    workloadId: string;
    date: CalendarDate;
    action: ReminderAction;
    actor: Actor;
    now: string;
  },
): Promise<boolean> {
  const claimed = await trx
    .insertInto('reminder_responses')
    .values({
      outbox_id: answer.outboxId,
      workload_id: answer.workloadId,
      esd_date: answer.date,
      action: answer.action,
      actor_name: answer.actor.name,
      actor_upn: answer.actor.upn?.toLowerCase() ?? null,
      responded_at: answer.now,
    })
    .onConflict((oc) => oc.column('outbox_id').doNothing())
    .executeTakeFirst();
  return Number(claimed.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Issue 17: a reminder's answer is an event, in the answer's transaction (docs/api.md). */
async function appendAnswerEvent(
  trx: Transaction<Database>,
  about: { workload: Workload; esd: Esd; actor: Actor; now: string },
  answer: { action: ReminderAction; note: string; followUpAt: string | null; startedOn?: string },
): Promise<void> {
  const { workload, esd, actor, now } = about;
  await appendEvent(
    trx,
    workloadEvent(EVENT_TYPES.reminderAnswered, workload, now, {
      esd: { date: esd.date, estimate: esd.estimate },
      ...answer,
      actor: eventActor(actor),
    }),
  );
}

/**
 * "No answer yet" or "customer inactive" on a reminder, once per reminder message (R7): a note;
 * "inactive" stops further reminders for that date, "no answer yet" queues one follow-up. Neither
 * touches the date. "Communication started" is answerCommunicationStarted below: it needs a day.
 */
export async function respondToReminder(
  ctx: StoreContext,
  input: {
    outboxId: number;
    workloadId: string;
    esd: Esd;
    action: Exclude<ReminderAction, 'started'>;
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
    const decision = decideNoResponse({
      workload: { ...workload, esd: input.esd },
      actor: input.actor,
      kind: input.action,
    });
    if (!decision.ok) return { status: 'not_permitted' };
    const note = decision.note;
    const now = isoNow(ctx);
    const claimed = await claimReminder(trx, {
      outboxId: input.outboxId,
      workloadId: workload.id,
      date: input.esd.date,
      action: input.action,
      actor: input.actor,
      now,
    });
    if (!claimed) {
      const earlier = await trx
        .selectFrom('reminder_responses')
        .select('action')
        .where('outbox_id', '=', input.outboxId)
        .executeTakeFirstOrThrow();
      return { status: 'already', action: earlier.action };
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
    await appendAnswerEvent(
      trx,
      { workload, esd: input.esd, actor: input.actor, now },
      {
        action: input.action,
        note,
        followUpAt,
      },
    );
    await positionEvents(trx);
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

export type StartedAnswer =
  | {
      status: 'recorded';
      note: string;
      /** Set when the ESD moved to the day the exchange began (R7), with its history row. */
      change: EsdChange | null;
    }
  | { status: 'already'; action: ReminderAction }
  | { status: 'rejected'; violations: Violation[]; workload: Workload }
  /** The workload's date is no longer the one the reminder was about (someone moved it). */
  | { status: 'gone' }
  | { status: 'not_permitted' }
  | { status: 'not_found' };

/** Ends the transaction with a rollback and carries the answer out of it. */
class Rollback extends Error {
  constructor(readonly answer: StartedAnswer) {
    super('rolled back');
  }
}

/**
 * "Communication started", answered with the day the two-way exchange began (R4, R5, R7), once
 * per reminder, in one transaction. When that day is the ESD the reminder was about (an exact
 * one), a note says so and the date stays. Otherwise the ESD moves to it through the one write
 * path (applyEsdChange: the rules, the history row, the reason as the Overall Status Note, R8),
 * whose note tells the truth: old date, new date, basis and the FM's reason. Either way no more
 * reminders for the date, and the answer is stored under the day communication began, which is the
 * ESD from now on (the overdue report reads it, src/store/reports.ts).
 */
export async function answerCommunicationStarted(
  ctx: StoreContext,
  input: {
    outboxId: number;
    workloadId: string;
    /** The ESD the reminder was about. */
    esd: Esd;
    actor: Actor;
    startedOn: CalendarDate;
    /** When the date moves: its basis and reason; null when it began on the ESD. */
    move: { basis: Basis; reason: string } | null;
    /** Today in the actor's time zone (the rules' window). */
    today: CalendarDate;
  },
): Promise<StartedAnswer> {
  try {
    return await writeTransaction(ctx, async (trx): Promise<StartedAnswer> => {
      const workload = await loadWorkload(trx, ctx.engine, input.workloadId);
      if (!workload) return { status: 'not_found' };
      if (!permittedRole(input.actor, workload.channel)) return { status: 'not_permitted' };
      const earlier = await trx
        .selectFrom('reminder_responses')
        .select('action')
        .where('outbox_id', '=', input.outboxId)
        .executeTakeFirst();
      if (earlier) return { status: 'already', action: earlier.action };
      if (workload.esd?.date !== input.esd.date || workload.esd.estimate !== input.esd.estimate) {
        return { status: 'gone' };
      }
      const now = isoNow(ctx);
      let note: string;
      let change: EsdChange | null = null;
      if (input.move) {
        const result = await applyEsdChange(trx, ctx, {
          workloadId: workload.id,
          expectedVersion: workload.version,
          actor: input.actor,
          proposal: { kind: 'date', date: input.startedOn, basis: input.move.basis },
          reason: input.move.reason,
          source: 'teams',
          today: input.today,
        });
        if (result.status === 'rejected') {
          return { status: 'rejected', violations: result.violations, workload };
        }
        if (result.status !== 'changed') throw new Rollback({ status: 'gone' });
        note = result.note.text;
        change = result.change;
      } else {
        note = communicationStartedNote({ code: workload.code, esd: input.esd });
        await insertStatusNote(trx, {
          tenantId: workload.tenantId,
          workloadId: workload.id,
          text: note,
          author: input.actor,
          at: now,
        });
        await cancelPendingForWorkload(trx, workload.id, [REMINDER_KIND], now);
      }
      const claimed = await claimReminder(trx, {
        outboxId: input.outboxId,
        workloadId: workload.id,
        date: input.startedOn,
        action: 'started',
        actor: input.actor,
        now,
      });
      // A second press that raced this one: it wrote first, this one writes nothing.
      if (!claimed) {
        throw new Rollback({ status: 'already', action: 'started' });
      }
      // Issue 17: the answer is an event, beside the ESD change's own when the date moved.
      await appendAnswerEvent(
        trx,
        { workload, esd: input.esd, actor: input.actor, now },
        {
          action: 'started',
          startedOn: input.startedOn,
          note,
          followUpAt: null,
        },
      );
      await positionEvents(trx);
      return { status: 'recorded', note, change };
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
    if (error.answer.status === 'gone') {
      // A press racing this one moved the date first: it was answered, not gone.
      const earlier = await ctx.db
        .selectFrom('reminder_responses')
        .select('action')
        .where('outbox_id', '=', input.outboxId)
        .executeTakeFirst();
      if (earlier) return { status: 'already', action: earlier.action };
    }
    return error.answer;
  }
}
