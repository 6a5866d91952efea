import {
  type Basis,
  type CalendarDate,
  daysBetween,
  type L1Status,
  type Tenant,
  type Workload,
  type WorkloadCode,
} from '../domain/index.js';

/**
 * One tenant's workloads on a timeline, with the gaps between one start and the next (use 3 of
 * the date, docs/domain.md: serialized deployments, R9). Pure.
 */

export interface TimelineGap {
  /** Days from this start to the next In Progress start (0: the same day). */
  days: number;
  nextCode: WorkloadCode;
  nextDate: CalendarDate;
  /** Either end is a first-of-month estimate (R9): the gap is approximate. */
  approximate: boolean;
}

export interface TimelineEntry {
  workload: Workload;
  code: WorkloadCode;
  status: L1Status;
  date: CalendarDate;
  estimate: boolean;
  basis: Basis | null;
  /**
   * To the next In Progress start. Null for the last one, and for a workload no longer In
   * Progress: it keeps its last date as history (R1), but no deployment follows from it.
   */
  gapToNext: TimelineGap | null;
}

export interface TenantTimeline {
  tenant: Tenant;
  /** Workloads with a date, by date (then code). */
  dated: TimelineEntry[];
  /** Workloads without a date, by code (R3: normal, shown without nagging). */
  undated: Workload[];
  /** First and last In Progress start, and the days between; null with fewer than one. */
  span: { first: CalendarDate; last: CalendarDate; days: number } | null;
}

export function computeTimeline(tenant: Tenant, workloads: readonly Workload[]): TenantTimeline {
  const dated: TimelineEntry[] = [];
  const undated: Workload[] = [];
  for (const workload of workloads) {
    if (!workload.esd) {
      undated.push(workload);
      continue;
    }
    dated.push({
      workload,
      code: workload.code,
      status: workload.l1Status,
      date: workload.esd.date,
      estimate: workload.esd.estimate,
      basis: workload.basis,
      gapToNext: null,
    });
  }
  dated.sort((a, b) => a.date.localeCompare(b.date) || a.code.localeCompare(b.code));
  undated.sort((a, b) => a.code.localeCompare(b.code));

  const active = dated.filter((e) => e.status === 'in_progress');
  for (const [i, entry] of active.entries()) {
    const next = active[i + 1];
    if (!next) break;
    entry.gapToNext = {
      days: daysBetween(entry.date, next.date),
      nextCode: next.code,
      nextDate: next.date,
      approximate: entry.estimate || next.estimate,
    };
  }
  const first = active[0];
  const last = active[active.length - 1];
  return {
    tenant,
    dated,
    undated,
    span:
      first && last
        ? { first: first.date, last: last.date, days: daysBetween(first.date, last.date) }
        : null,
  };
}
