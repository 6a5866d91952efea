import { sql, type Transaction } from 'kysely';
import { ESD_CHANGED_BY_OTHER_KIND, ESD_CHANGED_KEY_PREFIX } from './messages/index.js';
import type { Database } from './schema.js';

/** What the approved change writes, decided by the rules before any write (decideEsdChange). */
export interface ApprovedWrite {
  workloadId: string;
  tenantId: string;
  /** The version loaded and checked; the update applies only if it is still current. */
  version: number;
  newDate: string;
  newEstimate: number;
  basis: string;
  oldDate: string | null;
  oldEstimate: number | null;
  noteText: string;
  actorName: string;
  actorUpn: string | null;
  actorAadObjectId: string | null;
  role: string;
  source: string;
  reason: string;
  now: string;
  /** Outbox kinds whose pending messages for this workload no longer apply. */
  cancelKinds: readonly string[];
  /** The assigned FM to tell that someone else moved the date (R-notification), or null. */
  notify: { aadObjectId: string | null; upn: string | null } | null;
}

/**
 * PostgreSQL: the update, the Overall Status Note, the history row, the cancelled reminders and the
 * queued notice as ONE statement (data-modifying CTEs): one round trip instead of five. Each part
 * depends on the guarded update (`version = $loaded`): if another writer got there first, the
 * update matches no row, nothing else is written, and null comes back (a conflict). The statement
 * is atomic on its own and runs inside the caller's transaction, so all or nothing holds as before.
 * The rows written are what the same code path wrote statement by statement (the notice's payload
 * text included), so readers see no difference.
 */
export async function writeApprovedChangePostgres(
  trx: Transaction<Database>,
  w: ApprovedWrite,
): Promise<{ noteId: number; changeId: number } | null> {
  // The payload as JSON.stringify({ changeId, workloadId, tenantId }) writes it, the id filled in by SQL.
  const payloadHead = '{"changeId":';
  const payloadTail = `,${JSON.stringify({ workloadId: w.workloadId, tenantId: w.tenantId }).slice(1)}`;
  const notice = w.notify
    ? sql`, queued AS (
        INSERT INTO outbox (kind, dedupe_key, workload_id, recipient_aad_object_id, recipient_upn,
                            payload, status, due_at, attempts, created_at)
        SELECT ${ESD_CHANGED_BY_OTHER_KIND}::text, ${ESD_CHANGED_KEY_PREFIX}::text || chg.id::text, ${w.workloadId}::text,
               ${w.notify.aadObjectId?.toLowerCase() ?? null}::text, ${w.notify.upn?.toLowerCase() ?? null}::text,
               ${payloadHead}::text || chg.id::text || ${payloadTail}::text, 'pending', ${w.now}::text, 0, ${w.now}::text
        FROM chg
        ON CONFLICT (dedupe_key) DO NOTHING
        RETURNING id
      )`
    : sql``;
  const result = await sql<{ note_id: number; change_id: number }>`
    WITH upd AS (
      UPDATE workloads
      SET esd_date = ${w.newDate}::text, esd_estimate = ${w.newEstimate}::integer,
          esd_basis = ${w.basis}::text, version = ${w.version + 1}::integer, updated_at = ${w.now}::text
      WHERE id = ${w.workloadId}::text AND version = ${w.version}::integer
      RETURNING id
    ), note AS (
      INSERT INTO status_notes (tenant_id, workload_id, category, text, author_name, author_upn,
                                author_aad_object_id, created_at)
      SELECT ${w.tenantId}::text, upd.id, 'overall_status', ${w.noteText}::text, ${w.actorName}::text,
             ${w.actorUpn}::text, ${w.actorAadObjectId}::text, ${w.now}::text
      FROM upd
      RETURNING id
    ), chg AS (
      INSERT INTO esd_changes (workload_id, tenant_id, old_date, old_estimate, new_date, new_estimate,
                               basis, actor_name, actor_upn, actor_aad_object_id, role, source, reason,
                               note_id, changed_at)
      SELECT ${w.workloadId}::text, ${w.tenantId}::text, ${w.oldDate}::text, ${w.oldEstimate}::integer,
             ${w.newDate}::text, ${w.newEstimate}::integer, ${w.basis}::text, ${w.actorName}::text,
             ${w.actorUpn}::text, ${w.actorAadObjectId}::text, ${w.role}::text, ${w.source}::text,
             ${w.reason}::text, note.id, ${w.now}::text
      FROM note
      RETURNING id, note_id
    ), cancelled AS (
      -- The key is freed (suffixed), so the same message can be queued again if the date comes back.
      UPDATE outbox
      SET status = 'cancelled', last_error = ${`cancelled at ${w.now}: the date changed`}::text,
          dedupe_key = dedupe_key || ':cancelled:' || cast(id as text)
      WHERE workload_id = ${w.workloadId}::text AND status = 'pending'
        AND kind = ANY(${[...w.cancelKinds]}::text[]) AND EXISTS (SELECT 1 FROM upd)
      RETURNING id
    )${notice}
    SELECT chg.note_id, chg.id AS change_id FROM chg`.execute(trx);
  const row = result.rows[0];
  return row ? { noteId: Number(row.note_id), changeId: Number(row.change_id) } : null;
}
