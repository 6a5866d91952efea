import type { CalendarDate } from '../domain/index.js';
import type { Assigned } from '../reports/index.js';
import type { StoreContext } from './context.js';
import { toWorkload } from './mappers.js';

/**
 * What the planner tab reads: every In Progress workload dated in [from, to], whatever its
 * delivery channel (an FM, a partner, or not yet assigned), with its tenant. Unlike
 * fmStartsBetween this keeps partner workloads: a partner user sees its own customers (R11).
 * Who may see which row is decided by the caller, with domain/access.ts.
 */
export async function plannerStarts(
  ctx: StoreContext,
  from: CalendarDate,
  to: CalendarDate,
): Promise<Assigned[]> {
  const rows = await ctx.db
    .selectFrom('workloads')
    .innerJoin('tenants', 'tenants.id', 'workloads.tenant_id')
    .selectAll('workloads')
    .select([
      'tenants.id as t_id',
      'tenants.name as t_name',
      'tenants.customer_name as t_customer_name',
    ])
    .where('workloads.l1_status', '=', 'in_progress')
    .where('workloads.esd_date', '>=', from)
    .where('workloads.esd_date', '<=', to)
    .orderBy('workloads.esd_date')
    .orderBy('workloads.id')
    .execute();
  return rows.map(({ t_id, t_name, t_customer_name, ...workload }) => ({
    tenant: { id: t_id, name: t_name, customerName: t_customer_name },
    workload: toWorkload(workload),
  }));
}
