import type { NotNull, Selectable } from 'kysely';
import {
  addDays,
  type CalendarDate,
  NO_RESPONSE_NOTE_START,
  type NoResponseKind,
  readNoResponseNote,
  type Tenant,
  type Workload,
  type WorkloadCode,
} from '../domain/index.js';
import type { Assigned, CapacityFm, CapacityStart } from '../reports/index.js';
import { startedKey } from '../reports/upcoming.js';
import type { StoreContext } from './context.js';
import { toWorkload } from './mappers.js';
import { chunks, searchTenants, tenantWorkloads } from './queries.js';
import type { WorkloadsTable } from './schema.js';

/**
 * What the reports read: capacity, upcoming and overdue, a tenant's timeline. The bulk paths in
 * and out live in import-workloads.ts and export-workloads.ts.
 */

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
    .$narrowType<{ fm_upn: NotNull }>()
    .execute();
  const byUpn = new Map<string, { codes: Set<WorkloadCode>; aad: string | null }>();
  for (const row of assigned) {
    const upn = row.fm_upn.toLowerCase();
    const entry = byUpn.get(upn) ?? { codes: new Set(), aad: null };
    entry.codes.add(row.code);
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
    .$narrowType<{ fm_upn: NotNull; esd_date: NotNull }>()
    .execute();
  const starts: CapacityStart[] = rows.map((row) => ({
    fmUpn: row.fm_upn.toLowerCase(),
    code: row.code,
    date: row.esd_date,
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
