import type { Kysely, Selectable } from 'kysely';
import { CompiledQuery } from './kysely.js';
import { ESD_CHANGED_BY_OTHER_KIND, ESD_CHANGED_KEY_PREFIX } from './messages/index.js';
import { prepared } from './prepared.js';
import type { Database, WorkloadsTable } from './schema.js';

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
  /**
   * The change's event (issue 17), inserted unpositioned like appendEvent's; its data is the JSON
   * text with `"changeId":` followed by the history row's id, which SQL fills in.
   */
  event: { eventId: string; type: string; dataHead: string; dataTail: string };
}

// The statement's parts. Every parameter is cast, so the prepared statement's types never
// depend on the values of the first call.
const WRITE_HEAD = `
    WITH upd AS (
      UPDATE workloads
      SET esd_date = $3::text, esd_estimate = $4::integer, esd_basis = $5::text,
          version = $2::integer + 1, updated_at = $6::text
      WHERE id = $1::text AND version = $2::integer
      RETURNING id
    ), note AS (
      INSERT INTO status_notes (tenant_id, workload_id, category, text, author_name, author_upn,
                                author_aad_object_id, created_at)
      SELECT $7::text, upd.id, 'overall_status', $8::text, $9::text, $10::text, $11::text, $6::text
      FROM upd
      RETURNING id
    ), chg AS (
      INSERT INTO esd_changes (workload_id, tenant_id, old_date, old_estimate, new_date, new_estimate,
                               basis, actor_name, actor_upn, actor_aad_object_id, role, source, reason,
                               note_id, changed_at)
      SELECT $1::text, $7::text, $12::text, $13::integer, $3::text, $4::integer, $5::text, $9::text,
             $10::text, $11::text, $14::text, $15::text, $16::text, note.id, $6::text
      FROM note
      RETURNING id, note_id
    ), cancelled AS (
      -- The key is freed (suffixed), so the same message can be queued again if the date comes back.
      UPDATE outbox
      SET status = 'cancelled', last_error = $17::text,
          dedupe_key = dedupe_key || ':cancelled:' || cast(id as text)
      WHERE workload_id = $1::text AND status = 'pending'
        AND kind = ANY($18::text[]) AND EXISTS (SELECT 1 FROM upd)
      RETURNING id
    ), ev AS (
      -- Unpositioned, as appendEvent writes it: positionEvents numbers it just before commit.
      INSERT INTO events (position, event_id, type, tenant_id, subject, time, data)
      SELECT NULL, $19::text, $20::text, $7::text, $1::text, $6::text,
             $21::text || chg.id::text || $22::text
      FROM chg
      RETURNING id
    )`;
const NOTICE = `, queued AS (
      INSERT INTO outbox (kind, dedupe_key, workload_id, recipient_aad_object_id, recipient_upn,
                          payload, status, due_at, attempts, created_at)
      SELECT $23::text, $24::text || chg.id::text, $1::text, $25::text, $26::text,
             $27::text || chg.id::text || $28::text, 'pending', $6::text, 0, $6::text
      FROM chg
      ON CONFLICT (dedupe_key) DO NOTHING
      RETURNING id
    )`;
const WRITE_TAIL = `
    SELECT chg.note_id, chg.id AS change_id FROM chg`;

/** Built once: the two forms of the statement (with and without the notice), each prepared. */
const WRITE = prepared(WRITE_HEAD + WRITE_TAIL);
const WRITE_WITH_NOTICE = prepared(WRITE_HEAD + NOTICE + WRITE_TAIL);

/**
 * The load of loadWorkload, prepared: one text, planned once per connection. The columns are
 * named, not `*`: a migration that adds a column while a connection keeps this statement would
 * otherwise fail it ("cached plan must not change result type").
 */
const LOAD = prepared(
  `select id, tenant_id, code, l1_status, entitlements, esd_date, esd_estimate, esd_basis,
          channel_type, fm_upn, fm_aad_object_id, frp_partner_name, version, created_at, updated_at
   from workloads where id = $1::text`,
);

/** The workload row by id, every column (PostgreSQL; a prepared statement). */
export async function loadWorkloadRowPostgres(
  trx: Kysely<Database>,
  id: string,
): Promise<Selectable<WorkloadsTable> | undefined> {
  const result = await trx.executeQuery<Selectable<WorkloadsTable>>(CompiledQuery.raw(LOAD, [id]));
  return result.rows[0];
}

/**
 * PostgreSQL: the update, the Overall Status Note, the history row, the cancelled reminders, the
 * queued notice and the change's event as ONE statement (data-modifying CTEs): one round trip
 * instead of six. Each part depends on the guarded update (`version = $loaded`): if another writer
 * got there first, the update matches no row, nothing else is written, and null comes back (a
 * conflict). The statement is atomic on its own, so all or nothing holds whether it runs alone
 * (a date change: autocommit) or inside a caller's transaction (the Gateway intake). Its text is constant and prepared (prepared.ts): parsed and planned
 * once per connection, and kysely compiles nothing. The rows written are what the same code path
 * wrote statement by statement (the notice's payload and the event's data included).
 */
export async function writeApprovedChangePostgres(
  trx: Kysely<Database>,
  w: ApprovedWrite,
): Promise<{ noteId: number; changeId: number } | null> {
  const values: unknown[] = [
    w.workloadId,
    w.version,
    w.newDate,
    w.newEstimate,
    w.basis,
    w.now,
    w.tenantId,
    w.noteText,
    w.actorName,
    w.actorUpn,
    w.actorAadObjectId,
    w.oldDate,
    w.oldEstimate,
    w.role,
    w.source,
    w.reason,
    `cancelled at ${w.now}: the date changed`,
    [...w.cancelKinds],
    w.event.eventId,
    w.event.type,
    w.event.dataHead,
    w.event.dataTail,
  ];
  if (w.notify) {
    // The payload as JSON.stringify({ changeId, workloadId, tenantId }) writes it, the id filled in by SQL.
    values.push(
      ESD_CHANGED_BY_OTHER_KIND,
      ESD_CHANGED_KEY_PREFIX,
      w.notify.aadObjectId?.toLowerCase() ?? null,
      w.notify.upn?.toLowerCase() ?? null,
      '{"changeId":',
      `,${JSON.stringify({ workloadId: w.workloadId, tenantId: w.tenantId }).slice(1)}`,
    );
  }
  const result = await trx.executeQuery<{ note_id: number; change_id: number }>(
    CompiledQuery.raw(w.notify ? WRITE_WITH_NOTICE : WRITE, values),
  );
  const row = result.rows[0];
  return row ? { noteId: Number(row.note_id), changeId: Number(row.change_id) } : null;
}

/** A token JSON.stringify writes as itself and no data can contain unescaped. */
const SLOT = '\u0000changeId\u0000';
const SLOT_JSON = JSON.stringify(SLOT);

/**
 * The event's data as JSON.stringify writes it, split where the change id goes: `data` with its
 * `changeId` (in its place among the keys) standing for the id SQL fills in.
 */
export function splitEventData(data: Record<string, unknown>): {
  dataHead: string;
  dataTail: string;
} {
  const text = JSON.stringify({ ...data, changeId: SLOT });
  const at = text.indexOf(SLOT_JSON);
  return { dataHead: text.slice(0, at), dataTail: text.slice(at + SLOT_JSON.length) };
}
