import type { ExpressionBuilder, Selectable } from 'kysely';
import type {
  CalendarDate,
  EsdChange,
  StatusNote,
  Tenant,
  Workload,
  WorkloadCode,
} from '../domain/index.js';
import type { StoreContext } from './context.js';
import { CompiledQuery, sql } from './kysely.js';
import { toEsdChange, toStatusNote, toTenant, toWorkload, type WorkloadRow } from './mappers.js';
import { prepared } from './prepared.js';
import type { Database, WorkloadsTable } from './schema.js';

/** Lists in `where ... in (...)` are cut to this size: far below either engine's limit. */
const CHUNK = 500;

export function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

export interface PersonKey {
  aadObjectId?: string | null;
  upn?: string | null;
}

export interface TenantWorkload {
  tenant: Tenant;
  workload: Workload;
}

/**
 * Workloads assigned to a person: matched on the AAD object id where both sides know it, else on
 * the UPN (the Gateway Team may hand over a customer knowing only the FM's UPN).
 */
function assignedTo(person: PersonKey) {
  const aad = person.aadObjectId?.toLowerCase() ?? null;
  const upn = person.upn?.trim().toLowerCase() ?? null;
  return (eb: ExpressionBuilder<Database, 'workloads'>) => {
    const any = [];
    if (aad) any.push(eb('workloads.fm_aad_object_id', '=', aad));
    if (upn) {
      any.push(
        aad
          ? eb.and([eb('workloads.fm_upn', '=', upn), eb('workloads.fm_aad_object_id', 'is', null)])
          : eb('workloads.fm_upn', '=', upn),
      );
    }
    return any.length
      ? eb.and([eb('workloads.channel_type', '=', 'fm'), eb.or(any)])
      : eb.val(false);
  };
}

const tenantColumns = [
  'tenants.id as t_id',
  'tenants.name as t_name',
  'tenants.customer_name as t_customer_name',
] as const;

type JoinedRow = Selectable<WorkloadsTable> & {
  t_id: string;
  t_name: string;
  t_customer_name: string;
};

function splitRow(row: JoinedRow): TenantWorkload {
  const { t_id, t_name, t_customer_name, ...workload } = row;
  return {
    tenant: { id: t_id, name: t_name, customerName: t_customer_name },
    workload: toWorkload(workload),
  };
}

/** An FM's workloads, soonest ESD first, those without an ESD last (R3: shown, not nagged). */
export async function workloadsAssignedTo(
  ctx: StoreContext,
  person: PersonKey,
): Promise<TenantWorkload[]> {
  const rows = await ctx.db
    .selectFrom('workloads')
    .innerJoin('tenants', 'tenants.id', 'workloads.tenant_id')
    .selectAll('workloads')
    .select(tenantColumns)
    .where(assignedTo(person))
    .execute();
  return rows.map(splitRow).sort(bySoonest);
}

function bySoonest(a: TenantWorkload, b: TenantWorkload): number {
  const da = a.workload.esd?.date ?? '9999-99-99';
  const db = b.workload.esd?.date ?? '9999-99-99';
  return (
    da.localeCompare(db) ||
    a.tenant.customerName.localeCompare(b.tenant.customerName) ||
    a.workload.code.localeCompare(b.workload.code)
  );
}

/** Workloads of a person with an ESD in [from, to], soonest first. */
export async function upcomingFor(
  ctx: StoreContext,
  person: PersonKey,
  from: CalendarDate,
  to: CalendarDate,
): Promise<TenantWorkload[]> {
  const rows = await ctx.db
    .selectFrom('workloads')
    .innerJoin('tenants', 'tenants.id', 'workloads.tenant_id')
    .selectAll('workloads')
    .select(tenantColumns)
    .where(assignedTo(person))
    .where('workloads.esd_date', '>=', from)
    .where('workloads.esd_date', '<=', to)
    .orderBy('workloads.esd_date')
    .execute();
  return rows.map(splitRow);
}

export async function getWorkload(ctx: StoreContext, id: string): Promise<TenantWorkload | null> {
  const row = await ctx.db
    .selectFrom('workloads')
    .innerJoin('tenants', 'tenants.id', 'workloads.tenant_id')
    .selectAll('workloads')
    .select(tenantColumns)
    .where('workloads.id', '=', id)
    .executeTakeFirst();
  return row ? splitRow(row) : null;
}

export async function getTenant(ctx: StoreContext, id: string): Promise<Tenant | null> {
  const row = await ctx.db
    .selectFrom('tenants')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toTenant(row) : null;
}

/**
 * Every typed date builds the change card from this read. A constant text per engine: on
 * PostgreSQL a named prepared statement (prepared.ts), on SQLite one of the connection's kept
 * statements; no kysely at run time. The columns toWorkload reads, named (a prepared `*` fails
 * once a migration adds a column; the timestamps are not shown).
 */
const TENANT_WITH_WORKLOADS_SELECT = `select
    w.id, w.tenant_id, w.code, w.l1_status, w.entitlements, w.esd_date, w.esd_estimate,
    w.esd_basis, w.channel_type, w.fm_upn, w.fm_aad_object_id, w.frp_partner_name, w.version,
    t.id as t_id, t.name as t_name, t.customer_name as t_customer_name
  from tenants t left join workloads w on w.tenant_id = t.id`;
const TENANT_WITH_WORKLOADS = {
  postgres: prepared(`${TENANT_WITH_WORKLOADS_SELECT} where t.id = $1::text order by w.code`),
  sqlite: `${TENANT_WITH_WORKLOADS_SELECT} where t.id = ? order by w.code`,
} as const;

type TenantWithWorkloadsRow = { [K in keyof WorkloadRow]: WorkloadRow[K] | null } & {
  t_id: string;
  t_name: string;
  t_customer_name: string;
};

/**
 * A tenant and all its workloads (by code), null when unknown: one statement, so a turn that
 * shows a tenant's card pays one round trip, and sees the tenant and its workloads as of one moment.
 */
export async function tenantWithWorkloads(
  ctx: StoreContext,
  tenantId: string,
): Promise<{ tenant: Tenant; workloads: Workload[] } | null> {
  const { rows } = await ctx.db.executeQuery<TenantWithWorkloadsRow>(
    CompiledQuery.raw(TENANT_WITH_WORKLOADS[ctx.engine], [tenantId]),
  );
  const first = rows[0];
  if (!first) return null;
  const tenant = { id: first.t_id, name: first.t_name, customerName: first.t_customer_name };
  // A tenant without workloads is one row whose workload columns are all null.
  const workloads = rows.flatMap(({ t_id, t_name, t_customer_name, ...workload }) =>
    workload.id === null ? [] : [toWorkload(workload as WorkloadRow)],
  );
  return { tenant, workloads };
}

export async function tenantWorkloads(ctx: StoreContext, tenantId: string): Promise<Workload[]> {
  const rows = await ctx.db
    .selectFrom('workloads')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .orderBy('code')
    .execute();
  return rows.map(toWorkload);
}

/** A workload's ESD history, newest first. */
export async function workloadHistory(ctx: StoreContext, workloadId: string): Promise<EsdChange[]> {
  const rows = await ctx.db
    .selectFrom('esd_changes')
    .selectAll()
    .where('workload_id', '=', workloadId)
    .orderBy('id', 'desc')
    .execute();
  return rows.map(toEsdChange);
}

/**
 * A tenant's ESD history, newest first: found through its workloads (a handful) and the index by
 * workload; no index by tenant, which every change would write (migration 012).
 */
export async function tenantHistory(ctx: StoreContext, tenantId: string): Promise<EsdChange[]> {
  const rows = await ctx.db
    .selectFrom('esd_changes')
    .selectAll()
    .where('workload_id', 'in', (eb) =>
      eb.selectFrom('workloads').select('workloads.id').where('workloads.tenant_id', '=', tenantId),
    )
    .where('tenant_id', '=', tenantId)
    .orderBy('id', 'desc')
    .execute();
  return rows.map(toEsdChange);
}

/** The tenant's Overall Status Notes, newest first. */
export async function statusNotes(ctx: StoreContext, tenantId: string): Promise<StatusNote[]> {
  const rows = await ctx.db
    .selectFrom('status_notes')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .orderBy('id', 'desc')
    .execute();
  return rows.map(toStatusNote);
}

/** Tenants whose customer or tenant name contains `query` (case-insensitive), by customer name. */
export async function searchTenants(
  ctx: StoreContext,
  query: string,
  limit = 25,
): Promise<Tenant[]> {
  const pattern = `%${query.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await ctx.db
    .selectFrom('tenants')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['customer_name']), 'like', sql<string>`${pattern} escape '\\'`),
        eb(eb.fn('lower', ['name']), 'like', sql<string>`${pattern} escape '\\'`),
      ]),
    )
    .orderBy('customer_name')
    .limit(limit)
    .execute();
  return rows.map(toTenant);
}

export async function getEsdChange(ctx: StoreContext, id: number): Promise<EsdChange | null> {
  const row = await ctx.db
    .selectFrom('esd_changes')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toEsdChange(row) : null;
}

/**
 * Workloads whose customer name or tenant name contains `text`, or whose code is one of `codes`
 * (the message extension's search, issue 16); every workload when `text` is empty. Ordered by
 * customer, then code, at most `limit` rows. Who may see which row is decided by the caller
 * (domain/access.ts): the limit is a bound on work, set far above one page.
 */
export async function searchWorkloads(
  ctx: StoreContext,
  search: { text: string; codes: readonly WorkloadCode[]; limit: number },
): Promise<TenantWorkload[]> {
  const pattern = `%${search.text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  let query = ctx.db
    .selectFrom('workloads')
    .innerJoin('tenants', 'tenants.id', 'workloads.tenant_id')
    .selectAll('workloads')
    .select(tenantColumns);
  if (search.text) {
    query = query.where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['tenants.customer_name']), 'like', sql<string>`${pattern} escape '\\'`),
        eb(eb.fn('lower', ['tenants.name']), 'like', sql<string>`${pattern} escape '\\'`),
        ...(search.codes.length ? [eb('workloads.code', 'in', [...search.codes])] : []),
      ]),
    );
  }
  const rows = await query
    .orderBy('tenants.customer_name')
    .orderBy('tenants.id')
    .orderBy('workloads.code')
    .limit(search.limit)
    .execute();
  return rows.map(splitRow);
}
