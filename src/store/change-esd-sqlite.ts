import type { Kysely, Selectable } from 'kysely';
import type { ApprovedWrite } from './change-esd-postgres.js';
import type { SqliteDirect } from './connect.js';
import { CompiledQuery } from './kysely.js';
import { ESD_CHANGED_BY_OTHER_KIND, esdChangedByOtherKey } from './messages/index.js';
import type { Database, WorkloadsTable } from './schema.js';

/**
 * SQLite's write path for an approved date change (issue 20): the same rows as the PostgreSQL
 * statement (change-esd-postgres.ts), written statement by statement on the one connection. Every
 * text is a constant: the connection's statement cache (connect.ts) finds it prepared, and kysely
 * builds and compiles nothing. No RETURNING: the inserted ids are the rowids the driver reports.
 */

const LOAD = 'select * from "workloads" where "id" = ?';

const UPDATE = `update workloads set esd_date = ?, esd_estimate = ?, esd_basis = ?, version = ? + 1,
  updated_at = ? where id = ? and version = ?`;

const NOTE = `insert into status_notes (tenant_id, workload_id, category, text, author_name,
  author_upn, author_aad_object_id, created_at) values (?, ?, 'overall_status', ?, ?, ?, ?, ?)`;

const HISTORY = `insert into esd_changes (workload_id, tenant_id, old_date, old_estimate, new_date,
  new_estimate, basis, actor_name, actor_upn, actor_aad_object_id, role, source, reason, note_id,
  changed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

// The key is freed (suffixed), so the same message can be queued again if the date comes back.
const CANCEL = `update outbox set status = 'cancelled', last_error = ?,
  dedupe_key = dedupe_key || ':cancelled:' || cast(id as text)
  where workload_id = ? and status = 'pending' and kind = ?`;

const NOTICE = `insert into outbox (kind, dedupe_key, workload_id, recipient_aad_object_id,
  recipient_upn, payload, status, due_at, attempts, created_at)
  values (?, ?, ?, ?, ?, ?, 'pending', ?, 0, ?) on conflict (dedupe_key) do nothing`;

/** Unpositioned, as appendEvent writes it: the caller runs positionEvents before it commits. */
const EVENT = `insert into events (position, event_id, type, tenant_id, subject, time, data)
  values (null, ?, ?, ?, ?, ?, ?)`;

/**
 * Positioned at once, for a transaction that writes no other event. SQLite runs one write
 * transaction at a time (BEGIN IMMEDIATE holds the file's write lock to COMMIT), so the next
 * position read here is taken by nobody else before this commits: unique, gap-free (a rollback
 * takes back both statements) and in commit order, as positionEvents guarantees.
 */
const POSITIONED_EVENT = `insert into events (position, event_id, type, tenant_id, subject, time, data)
  select last_position + 1, ?, ?, ?, ?, ?, ? from event_log where id = 1`;
const TAKE_POSITION = 'update event_log set last_position = last_position + 1 where id = 1';

function run(trx: Kysely<Database>, text: string, values: readonly unknown[]) {
  return trx.executeQuery<Selectable<WorkloadsTable>>(CompiledQuery.raw(text, values as unknown[]));
}

/** The workload row by id (SQLite; the text kysely would compile, without building it). */
export async function loadWorkloadRowSqlite(
  trx: Kysely<Database>,
  id: string,
): Promise<Selectable<WorkloadsTable> | undefined> {
  return (await run(trx, LOAD, [id])).rows[0];
}

/** The same, synchronously on the connection (writeTransactionDirect's work). */
export function loadWorkloadRowDirect(
  on: SqliteDirect,
  id: string,
): Selectable<WorkloadsTable> | undefined {
  return on.all(LOAD, [id])[0] as Selectable<WorkloadsTable> | undefined;
}

/** A statement to run, or a point the test seam sees (its name). */
type Step = { text: string; values: readonly unknown[] } | string;
/** What a statement did: rows changed, the rowid it inserted. */
type Done = { changes: number; rowid: number };
type Written = { noteId: number; changeId: number } | null;

/**
 * Writes the approved change: the version-guarded update, the Overall Status Note, the history
 * row, the cancelled reminders, the notice to the assigned FM, and the event; `step` (the test
 * seam) after each. Null when the version moved: nothing written, a conflict. The caller's
 * transaction makes it all or nothing. `positioned`: the transaction writes no other event, so
 * this one takes its position now; else it is left to positionEvents.
 */
export async function writeApprovedChangeSqlite(
  trx: Kysely<Database>,
  w: ApprovedWrite,
  positioned: boolean,
  step: (name: string) => Promise<void>,
): Promise<Written> {
  const steps = approvedChangeSteps(w, positioned);
  let next = steps.next();
  while (!next.done) {
    const s = next.value;
    if (typeof s === 'string') {
      await step(s);
      next = steps.next({ changes: 0, rowid: 0 });
    } else {
      const r = await run(trx, s.text, s.values);
      next = steps.next({
        changes: Number(r.numAffectedRows ?? 0),
        rowid: Number(r.insertId ?? 0),
      });
    }
  }
  return next.value;
}

/** The same statements, synchronously on the connection and without the test seam. */
export function writeApprovedChangeDirect(
  on: SqliteDirect,
  w: ApprovedWrite,
  positioned: boolean,
): Written {
  const steps = approvedChangeSteps(w, positioned);
  let next = steps.next();
  while (!next.done) {
    const s = next.value;
    if (typeof s === 'string') next = steps.next({ changes: 0, rowid: 0 });
    else {
      const r = on.run(s.text, s.values);
      next = steps.next({ changes: r.changes, rowid: Number(r.lastInsertRowid) });
    }
  }
  return next.value;
}

/**
 * The write's statements in order, each fed what the previous did: one description for both
 * ways of running them (awaited with the test seam, or synchronously).
 */
function* approvedChangeSteps(
  w: ApprovedWrite,
  positioned: boolean,
): Generator<Step, Written, Done> {
  const updated = yield {
    text: UPDATE,
    values: [w.newDate, w.newEstimate, w.basis, w.version, w.now, w.workloadId, w.version],
  };
  if (updated.changes !== 1) return null;
  yield 'workload';
  const noteId = (yield {
    text: NOTE,
    values: [
      w.tenantId,
      w.workloadId,
      w.noteText,
      w.actorName,
      w.actorUpn,
      w.actorAadObjectId,
      w.now,
    ],
  }).rowid;
  yield 'note';
  const changeId = (yield {
    text: HISTORY,
    values: [
      w.workloadId,
      w.tenantId,
      w.oldDate,
      w.oldEstimate,
      w.newDate,
      w.newEstimate,
      w.basis,
      w.actorName,
      w.actorUpn,
      w.actorAadObjectId,
      w.role,
      w.source,
      w.reason,
      noteId,
      w.now,
    ],
  }).rowid;
  yield 'history';
  const cancelled = `cancelled at ${w.now}: the date changed`;
  for (const kind of w.cancelKinds) yield { text: CANCEL, values: [cancelled, w.workloadId, kind] };
  if (w.notify) {
    // As enqueue writes it: the payload JSON.stringify({ changeId, workloadId, tenantId }).
    yield {
      text: NOTICE,
      values: [
        ESD_CHANGED_BY_OTHER_KIND,
        esdChangedByOtherKey(changeId),
        w.workloadId,
        w.notify.aadObjectId?.toLowerCase() ?? null,
        w.notify.upn?.toLowerCase() ?? null,
        JSON.stringify({ changeId, workloadId: w.workloadId, tenantId: w.tenantId }),
        w.now,
        w.now,
      ],
    };
  }
  yield 'outbox';
  const e = w.event;
  const event = [
    e.eventId,
    e.type,
    w.tenantId,
    w.workloadId,
    w.now,
    e.dataHead + changeId + e.dataTail,
  ];
  if (positioned) {
    const inserted = yield { text: POSITIONED_EVENT, values: event };
    if (inserted.changes !== 1) throw new Error('event_log has no row');
    yield { text: TAKE_POSITION, values: [] };
  } else yield { text: EVENT, values: event };
  yield 'event';
  return { noteId, changeId };
}
