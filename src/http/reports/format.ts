import { writeCsv } from '../../csv/csv.js';
import {
  entitlementsOf,
  inProgressTargetDate,
  type Tenant,
  type Workload,
} from '../../domain/index.js';
import {
  type CapacityReport,
  isoWeekLabel,
  type TenantTimeline,
  type UpcomingEntry,
  type UpcomingReport,
} from '../../reports/index.js';

/** The reports as the API sends them: JSON documents, and CSV tables of the same figures. */

function channelOf(workload: Workload) {
  const c = workload.channel;
  return {
    type: c.type,
    fmUpn: c.type === 'fm' ? c.fm.upn : null,
    fmAadObjectId: c.type === 'fm' ? (c.fm.aadObjectId ?? null) : null,
    partnerName: c.type === 'frp' ? c.partnerName : null,
  };
}

// ---------------------------------------------------------------------------------------------
// Capacity
// ---------------------------------------------------------------------------------------------

export function capacityJson(report: CapacityReport) {
  const labels = report.weeks.map((w) => isoWeekLabel(w.start));
  return {
    from: report.from,
    to: report.to,
    filter: report.filter,
    weeks: report.weeks.map((w, i) => ({
      week: labels[i],
      start: w.start,
      end: w.end,
      starts: w.total,
      estimates: w.estimates,
      busiest: w.busiest,
    })),
    fms: report.rows.map((row) => ({
      upn: row.upn,
      name: row.name,
      starts: row.total,
      weeks: row.cells.map((c, i) => ({
        week: labels[i],
        starts: c.count,
        estimates: c.estimates,
      })),
    })),
  };
}

/** One row per FM, one column per ISO week (its number of starts), then the total. */
export function capacityCsv(report: CapacityReport): string {
  const labels = report.weeks.map((w) => isoWeekLabel(w.start));
  const columns = ['fm_upn', 'fm_name', ...labels, 'total'];
  return writeCsv(
    columns,
    report.rows.map((row) => ({
      fm_upn: row.upn,
      fm_name: row.name ?? '',
      ...Object.fromEntries(row.cells.map((c, i) => [labels[i], c.count])),
      total: row.total,
    })),
  );
}

// ---------------------------------------------------------------------------------------------
// Upcoming
// ---------------------------------------------------------------------------------------------

function entryJson(entry: UpcomingEntry) {
  const { tenant, workload } = entry;
  return {
    tenantId: tenant.id,
    tenantName: tenant.name,
    customerName: tenant.customerName,
    workloadId: workload.id,
    workloadCode: workload.code,
    l1Status: workload.l1Status,
    engagementStartDate: entry.date,
    estimate: entry.estimate,
    basis: workload.basis,
    fmUpn: workload.channel.type === 'fm' ? workload.channel.fm.upn : null,
    days: entry.days,
    week: isoWeekLabel(entry.week),
  };
}

export function upcomingJson(report: UpcomingReport) {
  return {
    asOf: report.today,
    until: report.until,
    overdueSince: report.overdueSince,
    overdue: report.overdue.map(entryJson),
    documented: report.documented.map((entry) => ({
      ...entryJson(entry),
      recorded: entry.recorded,
    })),
    upcoming: report.upcoming.map(entryJson),
  };
}

const UPCOMING_COLUMNS = [
  'kind',
  'fm_upn',
  'tenant_id',
  'tenant_name',
  'customer_name',
  'workload_code',
  'engagement_start_date',
  'estimate',
  'basis',
  'days',
  'week',
] as const;

/**
 * The overdue rows first (kind "overdue"), then those whose missing answer is documented (kind
 * "no_answer" or "inactive", R7), then the upcoming ones.
 */
export function upcomingCsv(report: UpcomingReport): string {
  const row = (kind: string) => (entry: UpcomingEntry) => {
    const e = entryJson(entry);
    return {
      kind,
      fm_upn: e.fmUpn,
      tenant_id: e.tenantId,
      tenant_name: e.tenantName,
      customer_name: e.customerName,
      workload_code: e.workloadCode,
      engagement_start_date: e.engagementStartDate,
      estimate: e.estimate,
      basis: e.basis,
      days: e.days,
      week: e.week,
    };
  };
  return writeCsv(UPCOMING_COLUMNS, [
    ...report.overdue.map(row('overdue')),
    ...report.documented.map((entry) => row(entry.recorded)(entry)),
    ...report.upcoming.map(row('upcoming')),
  ]);
}

// ---------------------------------------------------------------------------------------------
// A tenant's timeline
// ---------------------------------------------------------------------------------------------

export function tenantJson(timeline: TenantTimeline) {
  const dated = timeline.dated.map((entry) => ({
    id: entry.workload.id,
    code: entry.code,
    l1Status: entry.status,
    engagementStartDate: entry.date,
    estimate: entry.estimate,
    basis: entry.basis,
    targetDate: entry.targetDate,
    entitlements: entry.entitlements,
    channel: channelOf(entry.workload),
    gapToNext: entry.gapToNext,
  }));
  const undated = timeline.undated.map((workload) => ({
    id: workload.id,
    code: workload.code,
    l1Status: workload.l1Status,
    engagementStartDate: null,
    estimate: false,
    basis: null,
    targetDate: inProgressTargetDate(entitlementsOf(workload)),
    entitlements: entitlementsOf(workload),
    channel: channelOf(workload),
    gapToNext: null,
  }));
  return {
    tenant: timeline.tenant satisfies Tenant,
    // FAQ purpose 3: gaps from a Target Date to the next start, or start to start without one.
    gapMeasure: timeline.gapMeasure,
    span: timeline.span,
    workloads: [...dated, ...undated],
  };
}

const TENANT_COLUMNS = [
  'tenant_id',
  'tenant_name',
  'customer_name',
  'workload_code',
  'l1_status',
  'engagement_start_date',
  'estimate',
  'basis',
  'delivery_channel',
  'fm_upn',
  'partner_name',
  'target_date',
  'gap_measure',
  'days_to_next_start',
  'next_workload_code',
] as const;

export function tenantCsv(timeline: TenantTimeline): string {
  const { tenant } = timeline;
  return writeCsv(
    TENANT_COLUMNS,
    tenantJson(timeline).workloads.map((w) => ({
      tenant_id: tenant.id,
      tenant_name: tenant.name,
      customer_name: tenant.customerName,
      workload_code: w.code,
      l1_status: w.l1Status,
      engagement_start_date: w.engagementStartDate ?? '',
      estimate: w.engagementStartDate ? w.estimate : '',
      basis: w.basis ?? '',
      delivery_channel: w.channel.type,
      fm_upn: w.channel.fmUpn ?? '',
      partner_name: w.channel.partnerName ?? '',
      target_date: w.targetDate ?? '',
      gap_measure: w.gapToNext?.measure ?? '',
      days_to_next_start: w.gapToNext?.days ?? '',
      next_workload_code: w.gapToNext?.nextCode ?? '',
    })),
  );
}
