import {
  addDays,
  type CalendarDate,
  daysBetween,
  type NoResponseKind,
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

export interface DocumentedEntry extends UpcomingEntry {
  /** What the latest R7 note for this date says. */
  recorded: NoResponseKind;
}

export interface UpcomingReport {
  today: CalendarDate;
  /** The last day counted as upcoming. */
  until: CalendarDate;
  /** The earliest passed date counted as overdue. */
  overdueSince: CalendarDate;
  /**
   * Date passed and nothing recorded since: no reminder answered "communication started", and no
   * missing answer documented (R7). Longest overdue first.
   */
  overdue: UpcomingEntry[];
  /**
   * Date passed, and the FM documented in the Overall Status Notes that the customer has not
   * answered or is inactive (R7: document, do not change the date). Counted apart: the FM did what
   * the FAQ asks and is not told to do it again. Longest overdue first.
   */
  documented: DocumentedEntry[];
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
  /** startedKey(workload, date) of every date documented as not answered / inactive (R7). */
  documented?: ReadonlyMap<string, NoResponseKind>;
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
  const documented: DocumentedEntry[] = [];
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
    const key = startedKey(workload.id, date);
    if (date >= input.today && date <= until) upcoming.push(entry);
    else if (date < input.today && date >= overdueSince && !input.started.has(key)) {
      const recorded = input.documented?.get(key);
      if (recorded) documented.push({ ...entry, recorded });
      else overdue.push(entry);
    }
  }
  overdue.sort(byDate);
  documented.sort(byDate);
  upcoming.sort(byDate);
  const weeks: UpcomingReport['weeks'] = [];
  for (const entry of upcoming) {
    const last = weeks[weeks.length - 1];
    if (last?.start === entry.week) last.entries.push(entry);
    else weeks.push({ start: entry.week, entries: [entry] });
  }
  return { today: input.today, until, overdueSince, overdue, documented, upcoming, weeks };
}

/**
 * Where the upcoming report reads from: the workloads of interest with a date in a range (the
 * bot: the person's own; the HTTP API: every FM's, or one), the "communication started"
 * answers and the documented missing answers (R7). Handed in by the caller, so this floor stays free of the store.
 */
export interface UpcomingSource {
  items(since: CalendarDate, until: CalendarDate): Promise<readonly Assigned[]>;
  startedKeys(since: CalendarDate, until: CalendarDate): Promise<ReadonlySet<string>>;
  /** The dates documented as not answered / inactive (R7), by startedKey. */
  documentedKeys(
    since: CalendarDate,
    until: CalendarDate,
  ): Promise<ReadonlyMap<string, NoResponseKind>>;
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
  const documented = await source.documentedKeys(since, window.today);
  return computeUpcoming({ ...window, items, started, documented });
}
