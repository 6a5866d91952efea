import { type CalendarDate, isWorkloadCode, type WorkloadCode } from '../domain/index.js';
import { type Week, weeksFrom } from './weeks.js';

/**
 * Capacity: for each FM, how many workloads start in each of the coming ISO weeks (use 2 of the
 * date, docs/domain.md: "balance FM load for new assignments"). Pure: the store supplies the rows.
 */

/** An FM with at least one In Progress workload, and the codes of those workloads. */
export interface CapacityFm {
  /** Lower-cased. */
  upn: string;
  /** Known once the FM has talked to the bot; else null (the UPN is shown). */
  name: string | null;
  codes: readonly WorkloadCode[];
}

/** One In Progress workload with a start date, assigned to an FM. */
export interface CapacityStart {
  fmUpn: string;
  code: WorkloadCode;
  date: CalendarDate;
  /** R9: a first-of-month estimate. Counted in its week, and counted apart as well. */
  estimate: boolean;
}

export interface CapacityFilter {
  /** Part of an FM's UPN or name (case and accents ignored). */
  fm?: string | null;
  workload?: WorkloadCode | null;
}

export interface CapacityInput {
  fms: readonly CapacityFm[];
  starts: readonly CapacityStart[];
  today: CalendarDate;
  weeks: number;
  filter?: CapacityFilter;
}

export interface CapacityCell {
  count: number;
  estimates: number;
}

export interface CapacityWeek extends Week {
  total: number;
  estimates: number;
  /** One of the weeks with the most starts over every FM shown (never when nothing starts). */
  busiest: boolean;
}

export interface CapacityRow {
  upn: string;
  name: string | null;
  /** One per week, in order. */
  cells: CapacityCell[];
  total: number;
  /** This FM's highest count in one week. */
  peak: number;
}

export interface CapacityReport {
  /** Monday of the first week. */
  from: CalendarDate;
  /** Sunday of the last week. */
  to: CalendarDate;
  weeks: CapacityWeek[];
  /** Busiest FMs first (most starts), then by name. */
  rows: CapacityRow[];
  /** The highest count in any cell: bars are drawn relative to it. */
  maxCell: number;
  filter: { fm: string | null; workload: WorkloadCode | null };
}

/** Lower case, accents folded: "Fernández" matches "fernandez". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
}

function matchesFm(fm: { upn: string; name: string | null }, query: string | null): boolean {
  if (!query) return true;
  return fold(fm.upn).includes(query) || (fm.name !== null && fold(fm.name).includes(query));
}

/** The days a capacity report covers: `weeks` ISO weeks, the one `today` falls in first. */
export function capacityRange(
  today: CalendarDate,
  weeks: number,
): { from: CalendarDate; to: CalendarDate } {
  const all = weeksFrom(today, Math.max(1, weeks));
  return {
    from: (all[0] as Week).start,
    to: (all[all.length - 1] as Week).end,
  };
}

export function computeCapacity(input: CapacityInput): CapacityReport {
  const weeks = weeksFrom(input.today, input.weeks);
  const first = weeks[0];
  const last = weeks[weeks.length - 1];
  if (!first || !last) throw new RangeError('a capacity report needs at least one week');
  const fmQuery = input.filter?.fm ? fold(input.filter.fm) : null;
  const workload = input.filter?.workload ?? null;

  const rows = new Map<string, CapacityRow>();
  const rowFor = (upn: string, name: string | null) => {
    let row = rows.get(upn);
    if (!row) {
      row = {
        upn,
        name,
        cells: weeks.map(() => ({ count: 0, estimates: 0 })),
        total: 0,
        peak: 0,
      };
      rows.set(upn, row);
    }
    return row;
  };
  const names = new Map<string, string | null>();
  for (const fm of input.fms) {
    const upn = fm.upn.toLowerCase();
    names.set(upn, fm.name);
    if (workload && !fm.codes.includes(workload)) continue;
    if (!matchesFm({ upn, name: fm.name }, fmQuery)) continue;
    // Every FM is listed, with no start at all too: that is free capacity.
    rowFor(upn, fm.name);
  }
  for (const start of input.starts) {
    if (start.date < first.start || start.date > last.end) continue;
    if (workload && start.code !== workload) continue;
    const upn = start.fmUpn.toLowerCase();
    const name = names.get(upn) ?? null;
    if (!matchesFm({ upn, name }, fmQuery)) continue;
    const index = weeks.findIndex((w) => start.date >= w.start && start.date <= w.end);
    const cell = rowFor(upn, name).cells[index];
    if (!cell) continue;
    cell.count++;
    if (start.estimate) cell.estimates++;
  }

  const sorted = [...rows.values()];
  for (const row of sorted) {
    row.total = row.cells.reduce((sum, c) => sum + c.count, 0);
    row.peak = Math.max(0, ...row.cells.map((c) => c.count));
  }
  sorted.sort(
    (a, b) =>
      b.total - a.total ||
      (a.name ?? a.upn).localeCompare(b.name ?? b.upn) ||
      a.upn.localeCompare(b.upn),
  );

  const totals = weeks.map((_, i) =>
    sorted.reduce(
      (sum, row) => ({
        total: sum.total + (row.cells[i]?.count ?? 0),
        estimates: sum.estimates + (row.cells[i]?.estimates ?? 0),
      }),
      { total: 0, estimates: 0 },
    ),
  );
  const busiest = Math.max(0, ...totals.map((t) => t.total));
  return {
    from: first.start,
    to: last.end,
    weeks: weeks.map((week, i) => {
      const total = totals[i]?.total ?? 0;
      return {
        ...week,
        total,
        estimates: totals[i]?.estimates ?? 0,
        busiest: busiest > 0 && total === busiest,
      };
    }),
    rows: sorted,
    maxCell: Math.max(0, ...sorted.map((r) => r.peak)),
    filter: { fm: input.filter?.fm?.trim() || null, workload },
  };
}

/**
 * The words after the command: a workload code anywhere (EXO, teams, ...) filters by workload,
 * the rest is part of an FM's UPN or name. "capacity megan exo", "capacity alexw@example.com".
 */
export function parseCapacityArgs(args: string): CapacityFilter {
  let workload: WorkloadCode | null = null;
  const fm: string[] = [];
  for (const token of args.trim().split(/\s+/).filter(Boolean)) {
    const code = token.toUpperCase();
    if (!workload && isWorkloadCode(code)) workload = code;
    else fm.push(token);
  }
  return { fm: fm.length ? fm.join(' ') : null, workload };
}
