import { z } from '../config/zod.js';
import {
  type CsvRecord,
  CsvSyntaxError,
  csvLine,
  readCsv,
  restoreFormulaText,
  writeCsv,
} from '../csv/csv.js';
import {
  BASES,
  type Basis,
  type CalendarDate,
  canonicalLines,
  checkEntitlementLines,
  cleanL2Reason,
  type DeliveryChannel,
  type EntitlementLine,
  effectiveL1Status,
  isCalendarDate,
  L1_STATUSES,
  type L1Status,
  L2_REASON_MAX,
  SEATS_MAX,
  stripInvisible,
  type Tenant,
  WORKLOAD_CODES,
  type WorkloadCode,
} from '../domain/index.js';

/**
 * The CSV format of tenants and workloads that `npm run import` reads and `npm run export`
 * writes (so an export imports as it is), and the history files that go with an export.
 * One row per workload; a tenant's names are repeated on each of its rows.
 */

export const WORKLOAD_COLUMNS = [
  'tenant_id',
  'tenant_name',
  'customer_name',
  'workload_code',
  'l1_status',
  'delivery_channel',
  'fm_upn',
  'fm_aad_object_id',
  'partner_name',
  'engagement_start_date',
  'estimate',
  'basis',
  // One row per entitlement line (issue 15, point 6): a workload split across L1 statuses has a
  // row per status, the workload's other columns the same on each. Empty on the common single line.
  'seats',
  'target_date',
  'l2_reason',
] as const;
export type WorkloadColumn = (typeof WORKLOAD_COLUMNS)[number];

/** Without these a row means nothing; the others may be left out of the file. */
export const REQUIRED_COLUMNS = [
  'tenant_id',
  'tenant_name',
  'customer_name',
  'workload_code',
  'l1_status',
] as const satisfies readonly WorkloadColumn[];

/** A validated row: what the store imports. */
export interface ImportRow {
  /** The physical line the row starts on (the header is line 1). */
  line: number;
  tenant: Tenant;
  code: WorkloadCode;
  /** The effective status (of `entitlements` when given: In Progress when any seats are, R1). */
  l1Status: L1Status;
  /**
   * The workload's lines, from its rows; null for one row that says no more than its L1 status
   * (the format before lines: it keeps a split it agrees with, src/store/entitlements.ts).
   */
  entitlements: EntitlementLine[] | null;
  channel: DeliveryChannel;
  /** R3: optional. */
  esd: { date: CalendarDate; estimate: boolean; basis: Basis } | null;
}

export interface RowProblem {
  /** The column, or "(row)". */
  column: string;
  message: string;
}

export interface RejectedRow {
  line: number;
  problems: RowProblem[];
}

// The same shapes as the Gateway handoff (src/http/gateway/handoff-schema.ts).
const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const UPN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const OBJECT_ID = /^(?=.*[0-9a-fA-F])[0-9a-fA-F-]{8,64}$/;
const NAME_MAX = 200;

const blankToNull = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? null : value;
const text = z.string().overwrite(stripInvisible).trim();
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToNull, schema.nullish());
const name = text.min(1, 'must not be empty').max(NAME_MAX, `at most ${NAME_MAX} characters`);

/** "In Progress", "in progress", "in_progress", "Duplicate/Invalid" all name one status. */
const status = z.preprocess(
  (v) =>
    typeof v === 'string'
      ? v
          .trim()
          .toLowerCase()
          .replace(/[\s/-]+/g, '_')
      : v,
  z.enum(L1_STATUSES, { error: `must be one of ${L1_STATUSES.join(', ')}` }),
);
const code = z.preprocess(
  (v) => (typeof v === 'string' ? v.trim().toUpperCase() : v),
  z.enum(WORKLOAD_CODES, { error: `must be one of ${WORKLOAD_CODES.join(', ')}` }),
);
const channel = optional(
  z.preprocess(
    (v) => (typeof v === 'string' ? v.trim().toLowerCase() : v),
    z.enum(['fm', 'frp', 'unassigned'], { error: 'must be fm, frp or unassigned' }),
  ),
);
const flag = optional(
  z.preprocess(
    (v) => (typeof v === 'string' ? v.trim().toLowerCase() : v),
    z.enum(['true', 'false', 'yes', 'no', '1', '0'], { error: 'must be true or false' }),
  ),
);

const rowShape = z.object({
  tenant_id: text.regex(GUID, 'must be a GUID (the Microsoft 365 tenant id)'),
  tenant_name: name,
  customer_name: name,
  workload_code: code,
  l1_status: status,
  delivery_channel: channel,
  fm_upn: optional(
    text.max(254).regex(UPN, 'must be a user principal name such as someone@example.com'),
  ),
  // A GUID in Entra; hex digits and dashes are accepted as they are stored (the demo FMs' are
  // not well-formed GUIDs), so whatever an export wrote imports again.
  fm_aad_object_id: optional(
    text.regex(OBJECT_ID, 'must be an Entra object id (a GUID: hex digits and dashes)'),
  ),
  partner_name: optional(name),
  engagement_start_date: optional(
    text.refine(isCalendarDate, 'must be a calendar date YYYY-MM-DD'),
  ),
  estimate: flag,
  basis: optional(
    z.preprocess(
      (v) => (typeof v === 'string' ? v.trim().toLowerCase() : v),
      z.enum(BASES, { error: `must be one of ${BASES.join(', ')}` }),
    ),
  ),
  seats: optional(
    text
      .regex(/^\d{1,8}$/, `must be a whole number from 0 to ${SEATS_MAX}`)
      .refine((v) => Number(v) <= SEATS_MAX, `must be a whole number from 0 to ${SEATS_MAX}`),
  ),
  target_date: optional(text.refine(isCalendarDate, 'must be a calendar date YYYY-MM-DD')),
  l2_reason: optional(text.max(L2_REASON_MAX, `at most ${L2_REASON_MAX} characters`)),
});

export type HeaderCheck =
  | { ok: true; columns: (WorkloadColumn | null)[]; ignored: string[] }
  | { ok: false; problems: string[] };

/** Maps the header to known columns (any order, case-insensitive); unknown ones are ignored. */
export function checkHeader(fields: readonly string[]): HeaderCheck {
  const seen = new Set<string>();
  const problems: string[] = [];
  const ignored: string[] = [];
  const columns = fields.map((raw) => {
    const column = raw.trim().toLowerCase();
    if (seen.has(column)) problems.push(`column ${column} appears twice`);
    seen.add(column);
    if ((WORKLOAD_COLUMNS as readonly string[]).includes(column)) return column as WorkloadColumn;
    ignored.push(raw);
    return null;
  });
  for (const required of REQUIRED_COLUMNS)
    if (!seen.has(required)) problems.push(`column ${required} is missing`);
  return problems.length ? { ok: false, problems } : { ok: true, columns, ignored };
}

const TRUE = new Set(['true', 'yes', '1']);

/** Validates one record against the header: every problem of the row, or the row. */
export function parseRow(
  record: CsvRecord,
  columns: readonly (WorkloadColumn | null)[],
): { ok: true; row: ImportRow } | { ok: false; rejected: RejectedRow } {
  const reject = (problems: RowProblem[]) => ({
    ok: false as const,
    rejected: { line: record.line, problems },
  });
  if (record.fields.length !== columns.length) {
    return reject([
      {
        column: '(row)',
        message: `has ${record.fields.length} field(s), the header has ${columns.length}`,
      },
    ]);
  }
  const values: Partial<Record<WorkloadColumn, string>> = {};
  // What the export neutralized as a would-be formula (src/csv/csv.ts) reads back as typed.
  for (const [i, column] of columns.entries())
    if (column) values[column] = restoreFormulaText(record.fields[i] ?? '');
  const parsed = rowShape.safeParse(values);
  if (!parsed.success) {
    return reject(
      parsed.error.issues.map((issue) => ({
        column: String(issue.path[0] ?? '(row)'),
        // Values are strings, or absent when the column is not in the file.
        message: issue.code === 'invalid_type' ? 'is required' : issue.message,
      })),
    );
  }
  const v = parsed.data;
  const problems: RowProblem[] = [];

  // The channel, said or implied by the columns filled in.
  const type = v.delivery_channel ?? (v.fm_upn ? 'fm' : v.partner_name ? 'frp' : 'unassigned');
  let deliveryChannel: DeliveryChannel = { type: 'unassigned' };
  if (type === 'fm') {
    if (!v.fm_upn) problems.push({ column: 'fm_upn', message: 'is required for an FM' });
    else
      deliveryChannel = {
        type: 'fm',
        fm: { upn: v.fm_upn.toLowerCase(), aadObjectId: v.fm_aad_object_id?.toLowerCase() ?? null },
      };
    if (v.partner_name)
      problems.push({ column: 'partner_name', message: 'must be empty for an FM' });
  } else {
    if (v.fm_upn) problems.push({ column: 'fm_upn', message: `must be empty for ${type}` });
    if (v.fm_aad_object_id)
      problems.push({ column: 'fm_aad_object_id', message: `must be empty for ${type}` });
    if (type === 'frp') {
      if (!v.partner_name)
        problems.push({ column: 'partner_name', message: 'is required for a partner (frp)' });
      else deliveryChannel = { type: 'frp', partnerName: v.partner_name };
    } else if (v.partner_name) {
      problems.push({ column: 'partner_name', message: 'must be empty for unassigned' });
    }
  }

  // R3: the date is optional; R9: an estimate is the first day of its month.
  let esd: ImportRow['esd'] = null;
  const estimate = v.estimate ? TRUE.has(v.estimate) : false;
  if (v.engagement_start_date) {
    const date = v.engagement_start_date as CalendarDate;
    if (estimate && !date.endsWith('-01'))
      problems.push({
        column: 'engagement_start_date',
        message: 'an estimate is the first day of its month (R9), e.g. 2027-03-01',
      });
    esd = { date, estimate, basis: v.basis ?? (estimate ? 'estimated' : 'planned') };
  } else {
    if (estimate)
      problems.push({ column: 'estimate', message: 'is true but engagement_start_date is empty' });
    if (v.basis)
      problems.push({ column: 'basis', message: 'is given but engagement_start_date is empty' });
  }
  if (problems.length) return reject(problems);
  return {
    ok: true,
    row: {
      line: record.line,
      tenant: { id: v.tenant_id.toLowerCase(), name: v.tenant_name, customerName: v.customer_name },
      code: v.workload_code,
      l1Status: v.l1_status,
      entitlements:
        v.seats || v.target_date || v.l2_reason
          ? [
              {
                l1Status: v.l1_status,
                seats: v.seats ? Number(v.seats) : null,
                targetDate: (v.target_date ?? null) as CalendarDate | null,
                l2Reason: cleanL2Reason(v.l2_reason),
              },
            ]
          : null,
      channel: deliveryChannel,
      esd,
    },
  };
}

/** The row's line: what it says of its L1 status (a row of the old format: one line, all seats). */
const lineOf = (row: ImportRow): EntitlementLine =>
  row.entitlements?.[0] ?? {
    l1Status: row.l1Status,
    seats: null,
    targetDate: null,
    l2Reason: null,
  };

/** Everything of a row but its line: the same on every row of one workload. */
const workloadPart = (row: ImportRow) =>
  JSON.stringify([row.tenant, row.code, row.channel, row.esd]);

interface Group {
  row: ImportRow;
  lines: { line: number; entitlement: EntitlementLine }[];
  /** A row of the workload was refused: none of it is imported. */
  broken: boolean;
}

/**
 * The rows of one workload (one per entitlement line) as one ImportRow, or the reason it is
 * refused: the lines must pass checkEntitlementLines (a split has seat counts on every line).
 */
function finishGroup(
  group: Group,
): { ok: true; row: ImportRow } | { ok: false; rejected: RejectedRow } {
  const first = group.lines[0] as Group['lines'][number];
  if (group.broken)
    return {
      ok: false,
      rejected: {
        line: first.line,
        problems: [
          {
            column: '(row)',
            message: 'another row of this workload was refused: none of its rows is imported',
          },
        ],
      },
    };
  if (group.lines.length === 1) return { ok: true, row: group.row };
  const lines = group.lines.map((l) => l.entitlement);
  const problems = checkEntitlementLines(lines).map((problem) => ({
    column:
      problem.field === 'seats' ? 'seats' : problem.field === 'l1Status' ? 'l1_status' : '(row)',
    message:
      problem.index === null
        ? problem.message
        : `line ${group.lines[problem.index]?.line}: ${problem.message}`,
  }));
  if (problems.length) return { ok: false, rejected: { line: first.line, problems } };
  const entitlements = canonicalLines(lines);
  return {
    ok: true,
    row: { ...group.row, l1Status: effectiveL1Status(entitlements), entitlements },
  };
}

export type ParsedImport =
  | {
      ok: true;
      rows: ImportRow[];
      rejected: RejectedRow[];
      /** Header fields that are not columns of the format: their values are not read. */
      ignored: string[];
    }
  /** The file as a whole cannot be read: nothing in it is imported. */
  | { ok: false; problems: string[] };

/**
 * Reads a whole import file: the header, then every row, each validated on its own so that every
 * rejected row is reported with its line number, and the same workload twice is refused.
 */
export function parseImportCsv(text: string): ParsedImport {
  const rejected: RejectedRow[] = [];
  // By `${tenantId}|${code}`, in the order of each workload's first row.
  const groups = new Map<string, Group>();
  let header: Extract<HeaderCheck, { ok: true }> | null = null;
  try {
    for (const record of readCsv(text)) {
      if (!header) {
        const check = checkHeader(record.fields);
        if (!check.ok) return { ok: false, problems: check.problems };
        header = check;
        continue;
      }
      const parsed = parseRow(record, header.columns);
      if (!parsed.ok) {
        rejected.push(parsed.rejected);
        continue;
      }
      const key = `${parsed.row.tenant.id}|${parsed.row.code}`;
      const group = groups.get(key);
      if (!group) {
        groups.set(key, {
          row: parsed.row,
          lines: [{ line: record.line, entitlement: lineOf(parsed.row) }],
          broken: false,
        });
        continue;
      }
      const status = parsed.row.l1Status;
      const same = group.lines.find((l) => l.entitlement.l1Status === status);
      if (same) {
        // The same line twice: the first one stands (a file listing a workload twice, as before lines).
        rejected.push({
          line: record.line,
          problems: [
            {
              column: 'workload_code',
              message: `the same workload as line ${same.line}, once is enough (one row per L1 status)`,
            },
          ],
        });
        continue;
      }
      if (workloadPart(parsed.row) !== workloadPart(group.row)) {
        // Two lines that disagree on the workload: neither can be right, none of it is imported.
        group.broken = true;
        rejected.push({
          line: record.line,
          problems: [
            {
              column: '(row)',
              message: `another line of the workload on line ${group.lines[0]?.line}: its columns other than l1_status, seats, target_date and l2_reason must be the same`,
            },
          ],
        });
        continue;
      }
      group.lines.push({ line: record.line, entitlement: lineOf(parsed.row) });
    }
  } catch (error) {
    if (error instanceof CsvSyntaxError) return { ok: false, problems: [error.message] };
    throw error;
  }
  if (!header) return { ok: false, problems: ['the file is empty: it needs a header line'] };
  const rows: ImportRow[] = [];
  for (const group of groups.values()) {
    const finished = finishGroup(group);
    if (finished.ok) rows.push(finished.row);
    else rejected.push(finished.rejected);
  }
  rejected.sort((a, b) => a.line - b.line);
  return { ok: true, rows, rejected, ignored: header.ignored };
}

// ---------------------------------------------------------------------------------------------
// Export
// ---------------------------------------------------------------------------------------------

/** Everything esd-bot holds about tenants, as the store reads it for an export. */
export interface ExportSnapshot {
  exportedAt: string;
  tenants: ExportTenant[];
}

export interface ExportTenant {
  id: string;
  name: string;
  customerName: string;
  createdAt: string;
  updatedAt: string;
  workloads: ExportWorkload[];
  /** Every change of every workload's date, oldest first. */
  changes: ExportChange[];
  /** Every Overall Status Note, oldest first. */
  notes: ExportNote[];
}

export interface ExportWorkload {
  id: string;
  code: WorkloadCode;
  l1Status: L1Status;
  /** The entitlement lines, in L1 order. */
  entitlements: EntitlementLine[];
  esd: { date: CalendarDate; estimate: boolean } | null;
  basis: Basis | null;
  channel: {
    type: 'fm' | 'frp' | 'unassigned';
    fmUpn: string | null;
    fmAadObjectId: string | null;
    partnerName: string | null;
  };
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface ExportChange {
  id: number;
  workloadId: string;
  workloadCode: string;
  old: { date: string; estimate: boolean } | null;
  new: { date: string; estimate: boolean };
  basis: string;
  actorName: string;
  actorUpn: string | null;
  actorAadObjectId: string | null;
  role: string;
  source: string;
  reason: string;
  noteId: number;
  changedAt: string;
}

export interface ExportNote {
  id: number;
  workloadId: string | null;
  workloadCode: string | null;
  category: string;
  text: string;
  authorName: string;
  authorUpn: string | null;
  authorAadObjectId: string | null;
  createdAt: string;
}

/** The JSON export: one document, nothing left out. */
export function exportJson(snapshot: ExportSnapshot): string {
  return `${JSON.stringify({ format: 'esd-bot-export', version: 1, ...snapshot }, null, 2)}\n`;
}

/**
 * Tenants and workloads in the import format, by tenant id then workload code: one row per
 * entitlement line, in L1 order (one row for the common single line, its extra columns empty).
 */
export function workloadsCsv(snapshot: ExportSnapshot): string {
  const rows: Partial<Record<WorkloadColumn, string>>[] = [];
  for (const tenant of snapshot.tenants) {
    for (const w of tenant.workloads) {
      for (const line of w.entitlements)
        rows.push({
          tenant_id: tenant.id,
          tenant_name: tenant.name,
          customer_name: tenant.customerName,
          workload_code: w.code,
          l1_status: line.l1Status,
          seats: line.seats === null ? '' : String(line.seats),
          target_date: line.targetDate ?? '',
          l2_reason: line.l2Reason ?? '',
          delivery_channel: w.channel.type,
          fm_upn: w.channel.fmUpn ?? '',
          fm_aad_object_id: w.channel.fmAadObjectId ?? '',
          partner_name: w.channel.partnerName ?? '',
          engagement_start_date: w.esd?.date ?? '',
          estimate: w.esd ? String(w.esd.estimate) : '',
          basis: w.esd ? (w.basis ?? '') : '',
        });
    }
  }
  return writeCsv(WORKLOAD_COLUMNS, rows);
}

export const CHANGE_COLUMNS = [
  'id',
  'tenant_id',
  'workload_id',
  'workload_code',
  'old_date',
  'old_estimate',
  'new_date',
  'new_estimate',
  'basis',
  'actor_name',
  'actor_upn',
  'actor_aad_object_id',
  'role',
  'source',
  'reason',
  'note_id',
  'changed_at',
] as const;

export function changesCsv(snapshot: ExportSnapshot): string {
  let out = csvLine(CHANGE_COLUMNS);
  for (const tenant of snapshot.tenants)
    for (const c of tenant.changes)
      out += csvLine([
        c.id,
        tenant.id,
        c.workloadId,
        c.workloadCode,
        c.old?.date ?? '',
        c.old ? String(c.old.estimate) : '',
        c.new.date,
        String(c.new.estimate),
        c.basis,
        c.actorName,
        c.actorUpn ?? '',
        c.actorAadObjectId ?? '',
        c.role,
        c.source,
        c.reason,
        c.noteId,
        c.changedAt,
      ]);
  return out;
}

export const NOTE_COLUMNS = [
  'id',
  'tenant_id',
  'workload_id',
  'workload_code',
  'category',
  'text',
  'author_name',
  'author_upn',
  'author_aad_object_id',
  'created_at',
] as const;

export function notesCsv(snapshot: ExportSnapshot): string {
  let out = csvLine(NOTE_COLUMNS);
  for (const tenant of snapshot.tenants)
    for (const n of tenant.notes)
      out += csvLine([
        n.id,
        tenant.id,
        n.workloadId ?? '',
        n.workloadCode ?? '',
        n.category,
        n.text,
        n.authorName,
        n.authorUpn ?? '',
        n.authorAadObjectId ?? '',
        n.createdAt,
      ]);
  return out;
}
