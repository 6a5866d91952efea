import {
  type Basis,
  type CalendarDate,
  daysBetween,
  type EntitlementLine,
  entitlementsOf,
  inProgressTargetDate,
  type L1Status,
  type Tenant,
  type Workload,
  type WorkloadCode,
} from '../domain/index.js';

/**
 * One tenant's workloads on a timeline, with the gaps of a serialized deployment (purpose 3 of
 * the date, docs/domain.md; R9): from the end of one workload, its In Progress Target Date, to
 * the next workload's ESD; from one start to the next where no Target Date is known. Pure.
 */

/**
 * What a gap is measured from: this workload's Target Date (when the customer wants its
 * onboarding done: FAQ purpose 3, from one deployment's end to the next one's start), or, with
 * no Target Date known, its ESD (start to start).
 */
export type GapMeasure = 'target_to_start' | 'start_to_start';

export interface TimelineGap {
  measure: GapMeasure;
  /** The day measured from: the Target Date or this ESD. */
  from: CalendarDate;
  /**
   * Days from `from` to the next In Progress start (0: the same day; below 0: the next one starts
   * before this Target Date, the two overlap).
   */
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
  /** The Target Date of its In Progress line: when the customer wants onboarding done. */
  targetDate: CalendarDate | null;
  /** Its entitlement lines (a split shows on cards). */
  entitlements: readonly EntitlementLine[];
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
  /**
   * How the gaps are measured: every one from a Target Date, every one start to start, or
   * 'mixed'; with no gap, by whether any In Progress workload has a Target Date.
   */
  gapMeasure: GapMeasure | 'mixed';
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
      targetDate: inProgressTargetDate(entitlementsOf(workload)),
      entitlements: entitlementsOf(workload),
      gapToNext: null,
    });
  }
  dated.sort((a, b) => a.date.localeCompare(b.date) || a.code.localeCompare(b.code));
  undated.sort((a, b) => a.code.localeCompare(b.code));

  const active = dated.filter((e) => e.status === 'in_progress');
  for (const [i, entry] of active.entries()) {
    const next = active[i + 1];
    if (!next) break;
    const from = entry.targetDate ?? entry.date;
    entry.gapToNext = {
      measure: entry.targetDate ? 'target_to_start' : 'start_to_start',
      from,
      days: daysBetween(from, next.date),
      nextCode: next.code,
      nextDate: next.date,
      approximate: entry.estimate || next.estimate,
    };
  }
  const measures = new Set(active.flatMap((e) => (e.gapToNext ? [e.gapToNext.measure] : [])));
  if (measures.size === 0 && active.some((e) => e.targetDate)) measures.add('target_to_start');
  const gapMeasure: TenantTimeline['gapMeasure'] =
    measures.size > 1
      ? 'mixed'
      : measures.has('target_to_start')
        ? 'target_to_start'
        : 'start_to_start';
  const first = active[0];
  const last = active[active.length - 1];
  return {
    tenant,
    dated,
    undated,
    gapMeasure,
    span:
      first && last
        ? { first: first.date, last: last.date, days: daysBetween(first.date, last.date) }
        : null,
  };
}
