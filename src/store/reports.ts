import { basename } from 'node:path';
import { type Selectable, sql, type Transaction } from 'kysely';
import type { ExportNote, ExportSnapshot, ImportRow } from '../csv/workloads-format.js';
import {
  type Actor,
  addDays,
  type Basis,
  type CalendarDate,
  calendarDateIn,
  type L1Status,
  NO_RESPONSE_NOTE_START,
  type NoResponseKind,
  readNoResponseNote,
  type Tenant,
  type Violation,
  type Workload,
  type WorkloadCode,
} from '../domain/index.js';
import type { Assigned, CapacityFm, CapacityStart } from '../reports/index.js';
import { startedKey } from '../reports/upcoming.js';
import { applyEsdChange } from './change-esd.js';
import type { StoreContext } from './context.js';
import { linesChanged, nextLines, parseEntitlements } from './entitlements.js';
import { positionEvents } from './events.js';
import { channelColumns, toTenant, toWorkload } from './mappers.js';
import { searchTenants, tenantWorkloads } from './queries.js';
import type { Database, WorkloadsTable } from './schema.js';
import { upsertTenant, upsertWorkload } from './tenants.js';
import { readSnapshot, writeTransaction } from './write-transaction.js';

/**
 * What the reports read (capacity, upcoming, a tenant's timeline), and the bulk paths in and out:
 * the CSV import (every date through the one write path, applyEsdChange) and the full export.
 */

/** Lists in `where ... in (...)` are cut to this size: far below either engine's limit. */
const CHUNK = 500;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

// ---------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------

/**
 * For the capacity report: every FM with an In Progress workload (with the codes of those
 * workloads and the name the FM goes by in Teams, when known), and every In Progress start
 * assigned to an FM in [from, to].
 */
export async function capacityData(
  ctx: StoreContext,
  from: CalendarDate,
  to: CalendarDate,
): Promise<{ fms: CapacityFm[]; starts: CapacityStart[] }> {
  const assigned = await ctx.db
    .selectFrom('workloads')
    .select(['fm_upn', 'fm_aad_object_id', 'code'])
    .distinct()
    .where('l1_status', '=', 'in_progress')
    .where('channel_type', '=', 'fm')
    .where('fm_upn', 'is not', null)
    .execute();
  const byUpn = new Map<string, { codes: Set<WorkloadCode>; aad: string | null }>();
  for (const row of assigned) {
    const upn = (row.fm_upn as string).toLowerCase();
    const entry = byUpn.get(upn) ?? { codes: new Set(), aad: null };
    entry.codes.add(row.code as WorkloadCode);
    entry.aad ??= row.fm_aad_object_id;
    byUpn.set(upn, entry);
  }
  const names = await namesOf(
    ctx,
    [...byUpn.keys()],
    [...byUpn.values()].map((e) => e.aad).filter((a): a is string => !!a),
  );
  const fms: CapacityFm[] = [...byUpn.entries()].map(([upn, entry]) => ({
    upn,
    name: (entry.aad ? names.byAad.get(entry.aad) : undefined) ?? names.byUpn.get(upn) ?? null,
    codes: [...entry.codes].sort(),
  }));
  fms.sort((a, b) => a.upn.localeCompare(b.upn));
  const rows = await ctx.db
    .selectFrom('workloads')
    .select(['fm_upn', 'code', 'esd_date', 'esd_estimate'])
    .where('l1_status', '=', 'in_progress')
    .where('channel_type', '=', 'fm')
    .where('fm_upn', 'is not', null)
    .where('esd_date', '>=', from)
    .where('esd_date', '<=', to)
    .execute();
  const starts: CapacityStart[] = rows.map((row) => ({
    fmUpn: (row.fm_upn as string).toLowerCase(),
    code: row.code as WorkloadCode,
    date: row.esd_date as CalendarDate,
    estimate: row.esd_estimate === 1,
  }));
  return { fms, starts };
}

/** Names people go by in Teams, by UPN and by AAD object id (both lower-cased). */
async function namesOf(ctx: StoreContext, upns: string[], aads: string[]) {
  const byUpn = new Map<string, string>();
  const byAad = new Map<string, string>();
  const keep = (row: { upn: string | null; aad_object_id: string; name: string }) => {
    if (!row.name.trim()) return;
    if (row.upn) byUpn.set(row.upn.toLowerCase(), row.name);
    byAad.set(row.aad_object_id.toLowerCase(), row.name);
  };
  for (const part of chunks(upns)) {
    const rows = await ctx.db
      .selectFrom('people')
      .select(['upn', 'aad_object_id', 'name'])
      .where('upn', 'in', part)
      .execute();
    rows.forEach(keep);
  }
  for (const part of chunks(aads.map((a) => a.toLowerCase()))) {
    const rows = await ctx.db
      .selectFrom('people')
      .select(['upn', 'aad_object_id', 'name'])
      .where('aad_object_id', 'in', part)
      .execute();
    rows.forEach(keep);
  }
  return { byUpn, byAad };
}

/** startedKey(workload, date) of every reminder answered "communication started" for a date in [from, to]. */
export async function startedKeys(
  ctx: StoreContext,
  from: CalendarDate,
  to: CalendarDate,
): Promise<Set<string>> {
  const rows = await ctx.db
    .selectFrom('reminder_responses')
    .select(['workload_id', 'esd_date'])
    .where('action', '=', 'started')
    .where('esd_date', '>=', from)
    .where('esd_date', '<=', to)
    .execute();
  return new Set(rows.map((r) => startedKey(r.workload_id, r.esd_date)));
}

/**
 * startedKey(workload, date) of every ESD in [from, to] that the FM documented as not answered or
 * inactive (R7), read from the Overall Status Notes that noResponseNote wrote (the "no response"
 * command and the reminder's buttons both write one), mapped to the latest kind.
 */
export async function documentedKeys(
  ctx: StoreContext,
  from: CalendarDate,
  to: CalendarDate,
): Promise<Map<string, NoResponseKind>> {
  const rows = await ctx.db
    .selectFrom('status_notes')
    .select(['workload_id', 'text'])
    .where('workload_id', 'is not', null)
    .where('text', 'like', `${NO_RESPONSE_NOTE_START}%`)
    // A note is written on or after its ESD in the FM's time zone: a day earlier in UTC at most.
    .where('created_at', '>=', addDays(from, -1))
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const keys = new Map<string, NoResponseKind>();
  for (const row of rows) {
    const read = readNoResponseNote(row.text);
    if (!read || !row.workload_id || read.esdDate < from || read.esdDate > to) continue;
    keys.set(startedKey(row.workload_id, read.esdDate), read.kind);
  }
  return keys;
}

type JoinedRow = Selectable<WorkloadsTable> & {
  t_id: string;
  t_name: string;
  t_customer_name: string;
};

function splitRow({ t_id, t_name, t_customer_name, ...workload }: JoinedRow): Assigned {
  return {
    tenant: { id: t_id, name: t_name, customerName: t_customer_name },
    workload: toWorkload(workload),
  };
}

/** In Progress workloads assigned to an FM (one, or any) with a date in [from, to]. */
export async function fmStartsBetween(
  ctx: StoreContext,
  from: CalendarDate,
  to: CalendarDate,
  fmUpn?: string | null,
): Promise<Assigned[]> {
  let query = ctx.db
    .selectFrom('workloads')
    .innerJoin('tenants', 'tenants.id', 'workloads.tenant_id')
    .selectAll('workloads')
    .select([
      'tenants.id as t_id',
      'tenants.name as t_name',
      'tenants.customer_name as t_customer_name',
    ])
    .where('workloads.l1_status', '=', 'in_progress')
    .where('workloads.channel_type', '=', 'fm')
    .where('workloads.esd_date', '>=', from)
    .where('workloads.esd_date', '<=', to);
  if (fmUpn) query = query.where('workloads.fm_upn', '=', fmUpn.trim().toLowerCase());
  const rows = await query.orderBy('workloads.esd_date').orderBy('workloads.id').execute();
  return rows.map(splitRow);
}

/** A tenant and all its workloads; null when unknown. */
export async function tenantWithWorkloads(
  ctx: StoreContext,
  tenantId: string,
): Promise<{ tenant: Tenant; workloads: Workload[] } | null> {
  const row = await ctx.db
    .selectFrom('tenants')
    .selectAll()
    .where('id', '=', tenantId)
    .executeTakeFirst();
  if (!row) return null;
  return { tenant: toTenant(row), workloads: await tenantWorkloads(ctx, tenantId) };
}

/** Tenants whose customer or tenant name contains `query`, each with its workloads. */
export async function tenantsMatching(
  ctx: StoreContext,
  query: string,
  limit = 25,
): Promise<{ tenant: Tenant; workloads: Workload[] }[]> {
  let tenants = await searchTenants(ctx, query, limit);
  if (tenants.length === 0) {
    // Typed text loses punctuation ("fabrikam s.a. de c.v." for "Fabrikam, S.A. de C.V."):
    // look for the longest word, then compare letters and digits only.
    const squash = (text: string) =>
      text
        .normalize('NFD')
        .replace(/[^\p{L}\p{N}]/gu, '')
        .toLowerCase();
    const wanted = squash(query);
    const word = query.split(/[^\p{L}\p{N}]+/u).sort((a, b) => b.length - a.length)[0];
    if (wanted && word && word.length >= 3 && word !== query) {
      const candidates = await searchTenants(ctx, word, 200);
      tenants = candidates
        .filter((t) => squash(t.customerName).includes(wanted) || squash(t.name).includes(wanted))
        .slice(0, limit);
    }
  }
  const out: { tenant: Tenant; workloads: Workload[] }[] = [];
  for (const tenant of tenants)
    out.push({ tenant, workloads: await tenantWorkloads(ctx, tenant.id) });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Import
// ---------------------------------------------------------------------------------------------

export interface ImportOptions {
  /** Named in each date's reason: "Imported from <file> line N". */
  fileName: string;
  /**
   * false: one transaction for the whole file, rolled back if any row is rejected.
   * true: each row on its own (a savepoint each); rejected rows are skipped, the rest is kept.
   */
  continueOnError: boolean;
  /** Rows already refused by validation: with continueOnError false, nothing may be written. */
  invalidRows?: number;
  /** With continueOnError, rows per commit (so another writer gets a turn between batches). */
  batchSize?: number;
  onProgress?: (rowsDone: number) => void;
}

export type ImportRejection =
  | {
      line: number;
      kind: 'rules';
      tenant: Tenant;
      workload: Workload;
      violations: Violation[];
    }
  | { line: number; kind: 'error'; message: string };

export interface ImportOutcome {
  /** False when the file's transaction was rolled back: nothing was written. */
  committed: boolean;
  /** Rows imported or already as the file says. */
  accepted: number;
  /** Dates written (each with its history row and Overall Status Note). */
  datesWritten: number;
  /** Dates already as the file says (a re-run): nothing written. */
  datesUnchanged: number;
  rejected: ImportRejection[];
}

/** Rows whose tenants and workloads are read at once, in one-transaction mode. */
const PREFETCH = 1000;

/** The importer acts as the Gateway Team would (R6): the dates it brings were given before. */
export const IMPORT_ACTOR: Actor = { name: 'esd-bot import', upn: null, roles: ['gateway'] };

/**
 * What the import knows of the database, read a batch of rows at a time: a re-run of a large file
 * then costs two queries per 500 tenants instead of several per row.
 */
interface Known {
  /** null: not in the database. Absent: not read yet. */
  tenants: Map<string, { name: string; customerName: string } | null>;
  /** By `${tenantId}|${code}`, for the tenants read; each row takes its own out. */
  workloads: Map<string, Selectable<WorkloadsTable>>;
}

async function prefetch(trx: Transaction<Database>, known: Known, rows: readonly ImportRow[]) {
  const ids = [...new Set(rows.map((r) => r.tenant.id))].filter((id) => !known.tenants.has(id));
  for (const part of chunks(ids)) {
    const tenants = await trx
      .selectFrom('tenants')
      .select(['id', 'name', 'customer_name'])
      .where('id', 'in', part)
      .execute();
    const workloads = await trx
      .selectFrom('workloads')
      .selectAll()
      .where('tenant_id', 'in', part)
      .execute();
    for (const id of part) known.tenants.set(id, null);
    for (const t of tenants)
      known.tenants.set(t.id, { name: t.name, customerName: t.customer_name });
    for (const w of workloads) known.workloads.set(`${w.tenant_id}|${w.code}`, w);
  }
}

/** The same test as upsertWorkload's: nothing to write when lines and channel are as they are. */
function sameWorkload(row: Selectable<WorkloadsTable>, spec: ImportRow): boolean {
  const channel = channelColumns(spec.channel);
  const stored = parseEntitlements(row.entitlements, row.l1_status);
  return (
    !linesChanged(stored, nextLines(stored, spec)) &&
    row.channel_type === channel.channel_type &&
    row.fm_upn === channel.fm_upn &&
    row.fm_aad_object_id === channel.fm_aad_object_id &&
    row.frp_partner_name === channel.frp_partner_name
  );
}

type RowResult =
  | { status: 'ok'; date: 'written' | 'unchanged' | 'none' }
  | { status: 'rejected'; rejection: ImportRejection };

async function importRow(
  trx: Transaction<Database>,
  ctx: StoreContext,
  row: ImportRow,
  options: ImportOptions,
  today: CalendarDate,
  known: Known,
): Promise<RowResult> {
  let names = known.tenants.get(row.tenant.id);
  if (names === undefined) {
    const found = await trx
      .selectFrom('tenants')
      .select(['name', 'customer_name'])
      .where('id', '=', row.tenant.id)
      .executeTakeFirst();
    names = found ? { name: found.name, customerName: found.customer_name } : null;
  }
  if (!names || names.name !== row.tenant.name || names.customerName !== row.tenant.customerName) {
    await upsertTenant(trx, ctx, row.tenant);
  }
  known.tenants.set(row.tenant.id, {
    name: row.tenant.name,
    customerName: row.tenant.customerName,
  });

  const key = `${row.tenant.id}|${row.code}`;
  const cached = known.workloads.get(key);
  known.workloads.delete(key);
  const workload =
    cached && sameWorkload(cached, row)
      ? toWorkload(cached)
      : await upsertWorkload(trx, ctx, {
          tenantId: row.tenant.id,
          code: row.code,
          l1Status: row.l1Status,
          entitlements: row.entitlements,
          channel: row.channel,
        });
  if (!row.esd) return { status: 'ok', date: 'none' };
  // Already this date: nothing to do (a re-run), whatever the status (R1 is about changes).
  if (workload.esd?.date === row.esd.date && workload.esd.estimate === row.esd.estimate)
    return { status: 'ok', date: 'unchanged' };
  const result = await applyEsdChange(trx, ctx, {
    workloadId: workload.id,
    expectedVersion: workload.version,
    actor: IMPORT_ACTOR,
    proposal: row.esd.estimate
      ? { kind: 'month', month: row.esd.date.slice(0, 7), basis: row.esd.basis }
      : { kind: 'date', date: row.esd.date, basis: row.esd.basis },
    reason: `Imported from ${basename(options.fileName)} line ${row.line}`,
    source: 'import',
    today,
    // Existing data, loaded in bulk: nobody is messaged about each date.
    quiet: true,
  });
  if (result.status === 'changed') return { status: 'ok', date: 'written' };
  if (result.status === 'rejected') {
    const violations = result.violations.filter((v) => v.code !== 'unchanged');
    if (violations.length === 0) return { status: 'ok', date: 'unchanged' };
    return {
      status: 'rejected',
      rejection: {
        line: row.line,
        kind: 'rules',
        tenant: row.tenant,
        workload: result.workload,
        violations,
      },
    };
  }
  // Someone changed the workload between the read and the write: never overwritten.
  return {
    status: 'rejected',
    rejection: {
      line: row.line,
      kind: 'error',
      message:
        result.status === 'conflict'
          ? 'the workload changed while the file was being imported; run the file again'
          : 'the workload disappeared while the file was being imported',
    },
  };
}

function errorOf(line: number, error: unknown): ImportRejection {
  return {
    line,
    kind: 'error',
    message: `database error: ${error instanceof Error ? error.message : String(error)}`,
  };
}

/**
 * Imports validated rows through the same write path as everything else: the tenant (names),
 * the workload (status, channel; never the date directly) and the date with applyEsdChange, so
 * the rules decide (R1, R9, the window), and each date gets its history row and its note (R8).
 * A date equal to the current one is left alone, so a re-run writes nothing.
 */
export async function importWorkloadRows(
  ctx: StoreContext,
  rows: readonly ImportRow[],
  options: ImportOptions,
): Promise<ImportOutcome> {
  const today = calendarDateIn(ctx.now(), 'UTC');
  const outcome: ImportOutcome = {
    committed: false,
    accepted: 0,
    datesWritten: 0,
    datesUnchanged: 0,
    rejected: [],
  };
  const count = (result: RowResult) => {
    if (result.status === 'rejected') {
      outcome.rejected.push(result.rejection);
      return;
    }
    outcome.accepted++;
    if (result.date === 'written') outcome.datesWritten++;
    if (result.date === 'unchanged') outcome.datesUnchanged++;
  };
  const known: Known = { tenants: new Map(), workloads: new Map() };

  if (!options.continueOnError) {
    try {
      return await writeTransaction(ctx, async (trx) => {
        for (const [i, row] of rows.entries()) {
          try {
            if (i % PREFETCH === 0) await prefetch(trx, known, rows.slice(i, i + PREFETCH));
            count(await importRow(trx, ctx, row, options, today, known));
          } catch (error) {
            // The transaction may be unusable now (PostgreSQL): report, stop, roll back.
            outcome.rejected.push(errorOf(row.line, error));
            break;
          }
          options.onProgress?.(i + 1);
        }
        if (outcome.rejected.length > 0 || (options.invalidRows ?? 0) > 0)
          throw new ImportRolledBack({
            ...outcome,
            accepted: 0,
            datesWritten: 0,
            datesUnchanged: 0,
          });
        await positionEvents(trx);
        return { ...outcome, committed: true };
      });
    } catch (error) {
      if (error instanceof ImportRolledBack) return error.outcome;
      throw error;
    }
  }

  // Each batch is one transaction; each row in it a savepoint, so a rejected row is undone alone.
  const batchSize = options.batchSize ?? 1000;
  for (let start = 0; start < rows.length; start += batchSize) {
    const batch = rows.slice(start, start + batchSize);
    await writeTransaction(ctx, async (trx) => {
      // Read inside the batch's transaction, so what it knows holds until the commit.
      known.tenants.clear();
      known.workloads.clear();
      await prefetch(trx, known, batch);
      for (const [j, row] of batch.entries()) {
        await sql`savepoint import_row`.execute(trx);
        let result: RowResult;
        try {
          result = await importRow(trx, ctx, row, options, today, known);
        } catch (error) {
          result = { status: 'rejected', rejection: errorOf(row.line, error) };
        }
        if (result.status === 'rejected') {
          await sql`rollback to savepoint import_row`.execute(trx);
          // What this row wrote was rolled back: its tenant is read again if another row needs it.
          known.tenants.delete(row.tenant.id);
        }
        await sql`release savepoint import_row`.execute(trx);
        count(result);
        options.onProgress?.(start + j + 1);
      }
      await positionEvents(trx);
    });
  }
  return { ...outcome, committed: true };
}

/** Thrown inside an all-or-nothing import to roll it back and still answer with its outcome. */
class ImportRolledBack extends Error {
  constructor(readonly outcome: ImportOutcome) {
    super('import rolled back');
  }
}

// ---------------------------------------------------------------------------------------------
// Export
// ---------------------------------------------------------------------------------------------

/** Everything about every tenant, read in one transaction (a consistent snapshot). */
export async function exportSnapshot(ctx: StoreContext): Promise<ExportSnapshot> {
  return readSnapshot(ctx, async (trx) => {
    const tenants = await trx.selectFrom('tenants').selectAll().orderBy('id').execute();
    const workloads = await trx
      .selectFrom('workloads')
      .selectAll()
      .orderBy('tenant_id')
      .orderBy('code')
      .execute();
    const changes = await trx.selectFrom('esd_changes').selectAll().orderBy('id').execute();
    const notes = await trx.selectFrom('status_notes').selectAll().orderBy('id').execute();

    const codeOf = new Map(workloads.map((w) => [w.id, w.code]));
    const out: ExportSnapshot = {
      exportedAt: ctx.now().toISOString(),
      tenants: tenants.map((t) => ({
        id: t.id,
        name: t.name,
        customerName: t.customer_name,
        createdAt: t.created_at,
        updatedAt: t.updated_at,
        workloads: [],
        changes: [],
        notes: [],
      })),
    };
    const byId = new Map(out.tenants.map((t) => [t.id, t]));
    for (const w of workloads) {
      byId.get(w.tenant_id)?.workloads.push({
        id: w.id,
        code: w.code as WorkloadCode,
        l1Status: w.l1_status as L1Status,
        entitlements: parseEntitlements(w.entitlements, w.l1_status),
        esd: w.esd_date
          ? { date: w.esd_date as CalendarDate, estimate: w.esd_estimate === 1 }
          : null,
        basis: (w.esd_basis as Basis | null) ?? null,
        channel: {
          type: w.channel_type as 'fm' | 'frp' | 'unassigned',
          fmUpn: w.fm_upn,
          fmAadObjectId: w.fm_aad_object_id,
          partnerName: w.frp_partner_name,
        },
        version: Number(w.version),
        createdAt: w.created_at,
        updatedAt: w.updated_at,
      });
    }
    for (const c of changes) {
      byId.get(c.tenant_id)?.changes.push({
        id: Number(c.id),
        workloadId: c.workload_id,
        workloadCode: codeOf.get(c.workload_id) ?? '',
        old: c.old_date ? { date: c.old_date, estimate: c.old_estimate === 1 } : null,
        new: { date: c.new_date, estimate: c.new_estimate === 1 },
        basis: c.basis,
        actorName: c.actor_name,
        actorUpn: c.actor_upn,
        actorAadObjectId: c.actor_aad_object_id,
        role: c.role,
        source: c.source,
        reason: c.reason,
        noteId: Number(c.note_id),
        changedAt: c.changed_at,
      });
    }
    for (const n of notes) {
      const note: ExportNote = {
        id: Number(n.id),
        workloadId: n.workload_id,
        workloadCode: n.workload_id ? (codeOf.get(n.workload_id) ?? null) : null,
        category: n.category,
        text: n.text,
        authorName: n.author_name,
        authorUpn: n.author_upn,
        authorAadObjectId: n.author_aad_object_id,
        createdAt: n.created_at,
      };
      byId.get(n.tenant_id)?.notes.push(note);
    }
    return out;
  });
}
