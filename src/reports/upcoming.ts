import {
  addDays,
  type CalendarDate,
  daysBetween,
  type Tenant,
  type Workload,
} from '../domain/index.js';
import { mondayOf } from './weeks.js';

/**
 * Upcoming starts, and the overdue ones first (use 1 of the date, docs/domain.md: "nobody ready
 * is left waiting"). Pure: the store supplies the workloads and the reminder answers.
 */

export interface Assigned {
  tenant: Tenant;
  workload: Workload;
}

export interface UpcomingEntry extends Assigned {
  date: CalendarDate;
  /** R9: a first-of-month estimate. */
  estimate: boolean;
  /** Days from today to the date: negative when it has passed. */
  days: number;
  /** Monday of the date's week. */
  week: CalendarDate;
}

export interface UpcomingReport {
  today: CalendarDate;
  /** The last day counted as upcoming. */
  until: CalendarDate;
  /** The earliest passed date counted as overdue. */
  overdueSince: CalendarDate;
  /** Date passed, no "communication started": longest overdue first. */
  overdue: UpcomingEntry[];
  /** From today to `until`, soonest first. */
  upcoming: UpcomingEntry[];
  /** `upcoming` grouped by ISO week (Monday first), in order. */
  weeks: { start: CalendarDate; entries: UpcomingEntry[] }[];
}

export interface UpcomingInput {
  items: readonly Assigned[];
  today: CalendarDate;
  /** How far ahead, in days (today included, `days` after it too). */
  days: number;
  /** How far back a passed date still counts as overdue. */
  overdueDays: number;
  /** startedKey(workload, date) of every reminder answered "communication started". */
  started: ReadonlySet<string>;
}

export const startedKey = (workloadId: string, date: string) => `${workloadId}|${date}`;

function byDate(a: UpcomingEntry, b: UpcomingEntry): number {
  return (
    a.date.localeCompare(b.date) ||
    a.tenant.customerName.localeCompare(b.tenant.customerName) ||
    a.workload.code.localeCompare(b.workload.code)
  );
}

export function computeUpcoming(input: UpcomingInput): UpcomingReport {
  const until = addDays(input.today, input.days);
  const overdueSince = addDays(input.today, -input.overdueDays);
  const overdue: UpcomingEntry[] = [];
  const upcoming: UpcomingEntry[] = [];
  for (const { tenant, workload } of input.items) {
    // R1: only In Progress workloads carry a date that is going to happen.
    if (!workload.esd || workload.l1Status !== 'in_progress') continue;
    const date = workload.esd.date;
    const entry: UpcomingEntry = {
      tenant,
      workload,
      date,
      estimate: workload.esd.estimate,
      days: daysBetween(input.today, date),
      week: mondayOf(date),
    };
    if (date >= input.today && date <= until) upcoming.push(entry);
    else if (
      date < input.today &&
      date >= overdueSince &&
      !input.started.has(startedKey(workload.id, date))
    )
      overdue.push(entry);
  }
  overdue.sort(byDate);
  upcoming.sort(byDate);
  const weeks: UpcomingReport['weeks'] = [];
  for (const entry of upcoming) {
    const last = weeks[weeks.length - 1];
    if (last?.start === entry.week) last.entries.push(entry);
    else weeks.push({ start: entry.week, entries: [entry] });
  }
  return { today: input.today, until, overdueSince, overdue, upcoming, weeks };
}

/**
 * Where the upcoming report reads from: the workloads of interest with a date in a range (the
 * bot: the person's own; the HTTP API: every FM's, or one), and the "communication started"
 * answers. Handed in by the caller, so this floor stays free of the store.
 */
export interface UpcomingSource {
  items(since: CalendarDate, until: CalendarDate): Promise<readonly Assigned[]>;
  startedKeys(since: CalendarDate, until: CalendarDate): Promise<ReadonlySet<string>>;
}

/**
 * The upcoming report, assembled once for the bot's "upcoming" and GET /api/reports/upcoming:
 * the window's reads, then computeUpcoming.
 */
export async function upcomingReport(
  source: UpcomingSource,
  window: { today: CalendarDate; days: number; overdueDays: number },
): Promise<UpcomingReport> {
  const since = addDays(window.today, -window.overdueDays);
  const items = await source.items(since, addDays(window.today, window.days));
  const started = await source.startedKeys(since, window.today);
  return computeUpcoming({ ...window, items, started });
}
