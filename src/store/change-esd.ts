import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable, Transaction } from 'kysely';
import {
  type Actor,
  type CalendarDate,
  type ChangeSource,
  decideEsdChange,
  type EsdChange,
  type EsdDecision,
  type EsdProposal,
  type StatusNote,
  type Violation,
  type ViolationCode,
  type Workload,
} from '../domain/index.js';
import {
  loadWorkloadRowPostgres,
  splitEventData,
  writeApprovedChangePostgres,
} from './change-esd-postgres.js';
import { isoNow, type StoreContext } from './context.js';
import type { Engine } from './engine.js';
import { appendEvent, EVENT_TYPES, eventActor, positionEvents, workloadEvent } from './events.js';
import { toEsdChange, toStatusNote, toWorkload } from './mappers.js';
import {
  ESD_CHANGED_BY_OTHER_KIND,
  esdChangedByOtherKey,
  REMINDER_KIND,
} from './messages/index.js';
import { cancelPendingForWorkload, enqueue } from './outbox.js';
import type { Database, EsdChangesTable, StatusNotesTable } from './schema.js';
import { insertStatusNote } from './status-notes.js';
import { writeTransaction } from './write-transaction.js';

export interface ChangeEsdInput {
  workloadId: string;
  /** The version the caller saw; a different current version is a conflict, never an overwrite. */
  expectedVersion: number;
  actor: Actor;
  proposal: EsdProposal;
  reason: string | null | undefined;
  source: ChangeSource;
  /** Today in the actor's time zone (the rules' window and R9's current month depend on it). */
  today: CalendarDate;
  /** Queue no proactive message (demo data: nobody should be told about fictional changes). */
  quiet?: boolean;
}

export type ChangeEsdResult =
  | { status: 'changed'; change: EsdChange; note: StatusNote; workload: Workload }
  | { status: 'rejected'; code: ViolationCode; violations: Violation[]; workload: Workload }
  | { status: 'conflict'; current: Workload }
  | { status: 'not_found' };

/** The workload as it is in `trx`, or null. */
export async function loadWorkload(
  trx: Kysely<Database>,
  engine: Engine,
  id: string,
): Promise<Workload | null> {
  // PostgreSQL: a prepared statement (the write path's first round trip; issue 20).
  const row =
    engine === 'postgres'
      ? await loadWorkloadRowPostgres(trx, id)
      : await trx.selectFrom('workloads').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toWorkload(row) : null;
}

/**
 * The one write path for an Engagement Start Date. All or nothing: load the workload,
 * check the caller's version, run the rules, update the workload (guarded by version again, for
 * writers racing between the read and the write), append the history row, write the reason as an
 * Overall Status Note (R8: date and reason in one step), and queue what follows: one transaction
 * on SQLite, where concurrent changes share one flush to disk (see writeTransaction); on
 * PostgreSQL every write is one statement, atomic on its own.
 */
export async function changeEngagementStartDate(
  ctx: StoreContext,
  input: ChangeEsdInput,
): Promise<ChangeEsdResult> {
  // PostgreSQL: the load, then the write as ONE statement guarded by the version, atomic on its
  // own (autocommit): no BEGIN, no COMMIT to send, two round trips. The test seam fails a change
  // between its parts, so with it the same statements run inside a transaction.
  if (ctx.engine === 'postgres' && !ctx.afterStatement) {
    const decided = await loadAndDecide(ctx.db, ctx, input);
    if ('status' in decided) return decided;
    return writePostgres(ctx.db, ctx, input, decided.workload, decided.approved, decided.now);
  }
  return writeTransaction(ctx, async (trx) => {
    const result = await applyEsdChange(trx, ctx, input);
    if (result.status === 'changed') await positionEvents(trx);
    return result;
  });
}

/**
 * The same write inside a caller's transaction (the Gateway intake writes several at once). The
 * caller runs positionEvents before it commits (SQLite; on PostgreSQL the feed's readers number
 * events after commit, event-positioner.ts).
 */
export async function applyEsdChange(
  trx: Transaction<Database>,
  ctx: StoreContext,
  input: ChangeEsdInput,
): Promise<ChangeEsdResult> {
  const decided = await loadAndDecide(trx, ctx, input);
  if ('status' in decided) return decided;
  const { workload, approved, now } = decided;
  if (ctx.engine === 'postgres') return writePostgres(trx, ctx, input, workload, approved, now);
  const step = async (name: string) => ctx.afterStatement?.(name);
  const updated = await trx
    .updateTable('workloads')
    .set({
      esd_date: approved.new.date,
      esd_estimate: approved.new.estimate ? 1 : 0,
      esd_basis: approved.basis,
      version: workload.version + 1,
      updated_at: now,
    })
    .where('id', '=', workload.id)
    .where('version', '=', workload.version)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) {
    const current = await loadWorkload(trx, ctx.engine, workload.id);
    return current ? { status: 'conflict', current } : { status: 'not_found' };
  }
  await step('workload');

  const noteRow = await insertStatusNote(trx, {
    tenantId: workload.tenantId,
    workloadId: workload.id,
    text: approved.note,
    author: input.actor,
    at: now,
  });
  await step('note');

  const changeRow = await trx
    .insertInto('esd_changes')
    .values({
      workload_id: workload.id,
      tenant_id: workload.tenantId,
      old_date: approved.old?.date ?? null,
      old_estimate: approved.old ? (approved.old.estimate ? 1 : 0) : null,
      new_date: approved.new.date,
      new_estimate: approved.new.estimate ? 1 : 0,
      basis: approved.basis,
      actor_name: input.actor.name,
      actor_upn: noteRow.author_upn,
      actor_aad_object_id: noteRow.author_aad_object_id,
      role: approved.role,
      source: approved.source,
      reason: approved.reason,
      note_id: Number(noteRow.id),
      changed_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await step('history');

  // A reminder queued for the old date no longer applies; the sweep queues the new one.
  await cancelPendingForWorkload(trx, workload.id, [REMINDER_KIND], now);
  // Someone other than the assigned FM moved the FM's date: the FM hears of it.
  if (!input.quiet && workload.channel.type === 'fm' && approved.role !== 'fm') {
    await enqueue(trx, {
      kind: ESD_CHANGED_BY_OTHER_KIND,
      dedupeKey: esdChangedByOtherKey(changeRow.id),
      workloadId: workload.id,
      recipient: {
        aadObjectId: workload.channel.fm.aadObjectId ?? null,
        upn: workload.channel.fm.upn,
      },
      payload: {
        changeId: Number(changeRow.id),
        workloadId: workload.id,
        tenantId: workload.tenantId,
      },
      dueAt: now,
      now,
    });
  }
  await step('outbox');
  await appendEvent(trx, esdChangedEvent(input, workload, approved, Number(changeRow.id), now));
  await step('event');

  return {
    status: 'changed',
    change: toEsdChange(changeRow),
    note: toStatusNote(noteRow),
    workload: {
      ...workload,
      esd: approved.new,
      basis: approved.basis,
      version: workload.version + 1,
    },
  };
}

type Approved = Extract<EsdDecision, { ok: true }>['change'];

/** Loads the workload, checks the caller's version and runs the rules: the answer, or what to write. */
async function loadAndDecide(
  db: Kysely<Database>,
  ctx: StoreContext,
  input: ChangeEsdInput,
): Promise<ChangeEsdResult | { workload: Workload; approved: Approved; now: string }> {
  const workload = await loadWorkload(db, ctx.engine, input.workloadId);
  if (!workload) return { status: 'not_found' };
  if (workload.version !== input.expectedVersion) return { status: 'conflict', current: workload };
  const decision = decideEsdChange({
    workload,
    actor: input.actor,
    today: input.today,
    proposal: input.proposal,
    reason: input.reason,
    source: input.source,
    window: ctx.window,
    policy: ctx.overwritePolicy,
  });
  if (!decision.ok) {
    return { status: 'rejected', code: decision.code, violations: decision.violations, workload };
  }
  return { workload, approved: decision.change, now: isoNow(ctx) };
}

/**
 * PostgreSQL: loaded and decided above; the six writes (the event's included) go as one
 * prepared statement guarded by the version (see writeApprovedChangePostgres), one round trip
 * instead of six. Same rows, same
 * result, same conflict answer as the statement-by-statement path below.
 */
async function writePostgres(
  trx: Kysely<Database>,
  ctx: StoreContext,
  input: ChangeEsdInput,
  workload: Workload,
  approved: Approved,
  now: string,
): Promise<ChangeEsdResult> {
  const actorUpn = input.actor.upn?.toLowerCase() ?? null;
  const actorAadObjectId = input.actor.aadObjectId?.toLowerCase() ?? null;
  const notify =
    !input.quiet && workload.channel.type === 'fm' && approved.role !== 'fm'
      ? { aadObjectId: workload.channel.fm.aadObjectId ?? null, upn: workload.channel.fm.upn }
      : null;
  // The event's data as esdChangedEvent writes it; the history row's id is filled in by SQL.
  const event = esdChangedEvent(input, workload, approved, 0, now);
  const written = await writeApprovedChangePostgres(trx, {
    workloadId: workload.id,
    tenantId: workload.tenantId,
    version: workload.version,
    newDate: approved.new.date,
    newEstimate: approved.new.estimate ? 1 : 0,
    basis: approved.basis,
    oldDate: approved.old?.date ?? null,
    oldEstimate: approved.old ? (approved.old.estimate ? 1 : 0) : null,
    noteText: approved.note,
    actorName: input.actor.name,
    actorUpn,
    actorAadObjectId,
    role: approved.role,
    source: approved.source,
    reason: approved.reason,
    now,
    cancelKinds: [REMINDER_KIND],
    notify,
    event: { eventId: randomUUID(), type: event.type, ...splitEventData(event.data) },
  });
  if (!written) {
    const current = await loadWorkload(trx, ctx.engine, workload.id);
    return current ? { status: 'conflict', current } : { status: 'not_found' };
  }
  // The test seam still sees every step, each after the (single) statement that wrote it.
  for (const name of ['workload', 'note', 'history', 'outbox', 'event'])
    await ctx.afterStatement?.(name);
  const noteRow: Selectable<StatusNotesTable> = {
    id: written.noteId,
    tenant_id: workload.tenantId,
    workload_id: workload.id,
    category: 'overall_status',
    text: approved.note,
    author_name: input.actor.name,
    author_upn: actorUpn,
    author_aad_object_id: actorAadObjectId,
    created_at: now,
  };
  const changeRow: Selectable<EsdChangesTable> = {
    id: written.changeId,
    workload_id: workload.id,
    tenant_id: workload.tenantId,
    old_date: approved.old?.date ?? null,
    old_estimate: approved.old ? (approved.old.estimate ? 1 : 0) : null,
    new_date: approved.new.date,
    new_estimate: approved.new.estimate ? 1 : 0,
    basis: approved.basis,
    actor_name: input.actor.name,
    actor_upn: actorUpn,
    actor_aad_object_id: actorAadObjectId,
    role: approved.role,
    source: approved.source,
    reason: approved.reason,
    note_id: written.noteId,
    changed_at: now,
  };
  return {
    status: 'changed',
    change: toEsdChange(changeRow),
    note: toStatusNote(noteRow),
    workload: {
      ...workload,
      esd: approved.new,
      basis: approved.basis,
      version: workload.version + 1,
    },
  };
}

/** The esdbot.esd.changed event (issue 17): old, new, basis, estimate, reason, who, source. */
function esdChangedEvent(
  input: ChangeEsdInput,
  workload: Workload,
  approved: Approved,
  changeId: number,
  now: string,
) {
  return workloadEvent(EVENT_TYPES.esdChanged, workload, now, {
    changeId,
    version: workload.version + 1,
    old: approved.old ? { date: approved.old.date, estimate: approved.old.estimate } : null,
    new: { date: approved.new.date, estimate: approved.new.estimate },
    basis: approved.basis,
    reason: approved.reason,
    role: approved.role,
    source: approved.source,
    actor: eventActor(input.actor),
  });
}
