import { basename } from 'node:path';
import type { Selectable, Transaction } from 'kysely';
import {
  type Actor,
  type CalendarDate,
  calendarDateIn,
  type Tenant,
  type Violation,
  type Workload,
} from '../domain/index.js';
import type { ImportRow } from '../import-export/workloads-format.js';
import { applyEsdChange } from './change-esd.js';
import type { StoreContext } from './context.js';
import { linesChanged, nextLines, parseEntitlements } from './entitlements.js';
import { positionEvents } from './events.js';
import { sql } from './kysely.js';
import { channelColumns, toWorkload } from './mappers.js';
import { chunks } from './queries.js';
import type { Database, WorkloadsTable } from './schema.js';
import { upsertTenant, upsertWorkload } from './tenants.js';
import { writeTransaction } from './write-transaction.js';

/**
 * The CSV import's engine (`npm run import`): rows validated by src/import-export become tenants,
 * workloads and dates, every date through the one write path, applyEsdChange (R1-R9 apply to
 * imported dates as to typed ones).
 */

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
