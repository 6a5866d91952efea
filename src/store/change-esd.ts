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
  type ApprovedWrite,
  loadWorkloadRowPostgres,
  splitEventData,
  writeApprovedChangePostgres,
} from './change-esd-postgres.js';
import {
  loadWorkloadRowDirect,
  loadWorkloadRowSqlite,
  writeApprovedChangeDirect,
  writeApprovedChangeSqlite,
} from './change-esd-sqlite.js';
import { type SqliteDirect, sqliteDirect } from './connect.js';
import { isoNow, type StoreContext } from './context.js';
import type { Engine } from './engine.js';
import { EVENT_TYPES, eventActor, newEventId, workloadEvent } from './events.js';
import { toEsdChange, toStatusNote, toWorkload } from './mappers.js';
import { REMINDER_KIND } from './messages/index.js';
import type { Database, EsdChangesTable, StatusNotesTable } from './schema.js';
import { writeTransaction, writeTransactionDirect } from './write-transaction.js';

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
  // Constant texts: a prepared statement on PostgreSQL (the write path's first round trip), the
  // statement cache on SQLite; kysely builds nothing (issue 20).
  const row =
    engine === 'postgres'
      ? await loadWorkloadRowPostgres(trx, id)
      : await loadWorkloadRowSqlite(trx, id);
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
  // own (autocommit): no BEGIN, no COMMIT to send, two round trips; the feed's readers number its
  // event after commit (event-positioner.ts). The test seam fails a change between its parts, so
  // with it the same statements run inside a transaction.
  if (ctx.engine === 'postgres') {
    if (ctx.afterStatement) return writeTransaction(ctx, (trx) => applyEsdChange(trx, ctx, input));
    const decided = await loadAndDecide(ctx.db, ctx, input);
    if ('status' in decided) return decided;
    return writeApproved(
      ctx.db,
      ctx,
      input,
      decided.workload,
      decided.approved,
      decided.now,
      false,
    );
  }
  // SQLite: the change's event is the transaction's only one; it takes its position at once.
  // Without the test seam, the whole change runs synchronously on the connection (no await
  // between its statements: kysely's query chain was most of the JavaScript per change).
  const direct = ctx.afterStatement ? undefined : sqliteDirect(ctx.db);
  if (direct) return writeTransactionDirect(ctx, direct, () => changeDirect(direct, ctx, input));
  return writeTransaction(ctx, (trx) => applyEsdChange(trx, ctx, input, true));
}

/** changeEngagementStartDate on SQLite, as synchronous statements (writeTransactionDirect). */
function changeDirect(on: SqliteDirect, ctx: StoreContext, input: ChangeEsdInput): ChangeEsdResult {
  const load = (id: string) => {
    const row = loadWorkloadRowDirect(on, id);
    return row ? toWorkload(row) : null;
  };
  const decided = decide(load(input.workloadId), ctx, input);
  if ('status' in decided) return decided;
  const { workload, approved, now } = decided;
  const write = approvedWrite(input, workload, approved, now);
  const written = writeApprovedChangeDirect(on, write, true);
  if (!written) {
    const current = load(workload.id);
    return current ? { status: 'conflict', current } : { status: 'not_found' };
  }
  return changed(input, workload, approved, now, written);
}

/**
 * The same write inside a caller's transaction (the Gateway intake writes several at once). The
 * caller runs positionEvents before it commits (SQLite, unless `positioned`: the caller's
 * transaction writes no other event; on PostgreSQL the feed's readers number events after commit,
 * event-positioner.ts).
 */
export async function applyEsdChange(
  trx: Transaction<Database>,
  ctx: StoreContext,
  input: ChangeEsdInput,
  positioned = false,
): Promise<ChangeEsdResult> {
  const decided = await loadAndDecide(trx, ctx, input);
  if ('status' in decided) return decided;
  return writeApproved(
    trx,
    ctx,
    input,
    decided.workload,
    decided.approved,
    decided.now,
    positioned,
  );
}

type Approved = Extract<EsdDecision, { ok: true }>['change'];

/** Loads the workload, checks the caller's version and runs the rules: the answer, or what to write. */
async function loadAndDecide(
  db: Kysely<Database>,
  ctx: StoreContext,
  input: ChangeEsdInput,
): Promise<ChangeEsdResult | { workload: Workload; approved: Approved; now: string }> {
  return decide(await loadWorkload(db, ctx.engine, input.workloadId), ctx, input);
}

/** Checks the caller's version and runs the rules on the loaded workload. */
function decide(
  workload: Workload | null,
  ctx: StoreContext,
  input: ChangeEsdInput,
): ChangeEsdResult | { workload: Workload; approved: Approved; now: string } {
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
 * Loaded and decided above; the writes, guarded by the version. PostgreSQL: the six (the event's
 * included) as one prepared statement (writeApprovedChangePostgres), one round trip instead of
 * six. SQLite: statement by statement, constant texts (writeApprovedChangeSqlite). Same rows,
 * same result, same conflict answer on both.
 */
async function writeApproved(
  trx: Kysely<Database>,
  ctx: StoreContext,
  input: ChangeEsdInput,
  workload: Workload,
  approved: Approved,
  now: string,
  positioned: boolean,
): Promise<ChangeEsdResult> {
  const write = approvedWrite(input, workload, approved, now);
  const step = async (name: string) => ctx.afterStatement?.(name);
  const written =
    ctx.engine === 'postgres'
      ? await writeApprovedChangePostgres(trx, write)
      : await writeApprovedChangeSqlite(trx, write, positioned, step);
  if (!written) {
    const current = await loadWorkload(trx, ctx.engine, workload.id);
    return current ? { status: 'conflict', current } : { status: 'not_found' };
  }
  // PostgreSQL: the test seam still sees every step, each after the (single) statement that wrote it.
  if (ctx.engine === 'postgres')
    for (const name of ['workload', 'note', 'history', 'outbox', 'event']) await step(name);
  return changed(input, workload, approved, now, written);
}

/** What writeApproved writes, for either engine. */
function approvedWrite(
  input: ChangeEsdInput,
  workload: Workload,
  approved: Approved,
  now: string,
): ApprovedWrite {
  const actorUpn = input.actor.upn?.toLowerCase() ?? null;
  const actorAadObjectId = input.actor.aadObjectId?.toLowerCase() ?? null;
  const notify =
    !input.quiet && workload.channel.type === 'fm' && approved.role !== 'fm'
      ? { aadObjectId: workload.channel.fm.aadObjectId ?? null, upn: workload.channel.fm.upn }
      : null;
  // The event's data as esdChangedEvent writes it; the history row's id is filled in by SQL.
  const event = esdChangedEvent(input, workload, approved, 0, now);
  return {
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
    event: { eventId: newEventId(), type: event.type, ...splitEventData(event.data) },
  };
}

/** The answer to a written change, built from what was written (nothing read back). */
function changed(
  input: ChangeEsdInput,
  workload: Workload,
  approved: Approved,
  now: string,
  written: { noteId: number; changeId: number },
): ChangeEsdResult {
  const actorUpn = input.actor.upn?.toLowerCase() ?? null;
  const actorAadObjectId = input.actor.aadObjectId?.toLowerCase() ?? null;
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
