import { type CalendarDate, isCalendarDate } from './calendar-date.js';
import { L1_STATUSES, type L1Status } from './l1-status.js';
import { cleanLine } from './text.js';

/**
 * A workload's entitlements as the portal's Services tab shows them ("What the portal shows",
 * docs/domain.md): one line per L1 status, each with its seat count, its own Target Date and its
 * L2 reason. Seats may be split across L1 statuses (two geographies, two operating companies:
 * the split-entitlement page); a workload with one line holding all its seats is the common case.
 */
export interface EntitlementLine {
  l1Status: L1Status;
  /**
   * Seats on this line. Null only on a workload's single line: "all of them, count unknown"
   * (what every workload recorded before lines existed carries). A split always has counts.
   */
  seats: number | null;
  /** When the customer wants this line done (for In Progress: onboarding done). Not the ESD. */
  targetDate: CalendarDate | null;
  /** The L2 reason under the L1 (e.g. Migration; Customer Unresponsive), as the portal words it. */
  l2Reason: string | null;
}

export const ENTITLEMENT_LINES_MAX = L1_STATUSES.length;
export const SEATS_MAX = 10_000_000;
export const L2_REASON_MAX = 200;

/** The common case: one line, all seats, no Target Date or L2 known. */
export function singleLine(l1Status: L1Status): EntitlementLine[] {
  return [{ l1Status, seats: null, targetDate: null, l2Reason: null }];
}

/** The lines of a workload; a workload built without them is one line at its L1 status. */
export function entitlementsOf(workload: {
  l1Status: L1Status;
  entitlements?: readonly EntitlementLine[];
}): readonly EntitlementLine[] {
  return workload.entitlements && workload.entitlements.length > 0
    ? workload.entitlements
    : singleLine(workload.l1Status);
}

/** A line that holds seats: a count above zero, or the single line's unknown count. */
const holdsSeats = (line: EntitlementLine) => line.seats === null || line.seats > 0;

/** R1 as the portal has it: the ESD applies to a workload that has In Progress seats. */
export function hasInProgressSeats(lines: readonly EntitlementLine[]): boolean {
  return lines.some((line) => line.l1Status === 'in_progress' && holdsSeats(line));
}

/**
 * The workload's L1 status as one value (what lists, the reminder sweep and reports filter on):
 * In Progress when any seats are (R1), else the status holding the most seats (ties: the order
 * of L1_STATUSES).
 */
export function effectiveL1Status(lines: readonly EntitlementLine[]): L1Status {
  if (hasInProgressSeats(lines)) return 'in_progress';
  let best: EntitlementLine | null = null;
  for (const line of lines) {
    if (!best) {
      best = line;
      continue;
    }
    const a = line.seats ?? Number.POSITIVE_INFINITY;
    const b = best.seats ?? Number.POSITIVE_INFINITY;
    if (a > b || (a === b && rank(line.l1Status) < rank(best.l1Status))) best = line;
  }
  return best?.l1Status ?? 'status_unknown';
}

const rank = (status: L1Status) => L1_STATUSES.indexOf(status);

/** The lines that hold seats, in L1_STATUSES order: what a card shows of a split. */
export function seatLines(lines: readonly EntitlementLine[]): EntitlementLine[] {
  return lines.filter(holdsSeats).sort((a, b) => rank(a.l1Status) - rank(b.l1Status));
}

/** More than one L1 status holds seats: the workload's entitlements are split. */
export function isSplit(lines: readonly EntitlementLine[]): boolean {
  return seatLines(lines).length > 1;
}

/** The Target Date of the In Progress line: when the customer wants onboarding done. */
export function inProgressTargetDate(lines: readonly EntitlementLine[]): CalendarDate | null {
  return lines.find((line) => line.l1Status === 'in_progress')?.targetDate ?? null;
}

/** Lines in one canonical order (L1_STATUSES), so that equal sets compare and store equal. */
export function canonicalLines(lines: readonly EntitlementLine[]): EntitlementLine[] {
  return [...lines]
    .sort((a, b) => rank(a.l1Status) - rank(b.l1Status))
    .map((line) => ({
      l1Status: line.l1Status,
      seats: line.seats,
      targetDate: line.targetDate,
      l2Reason: line.l2Reason,
    }));
}

export const sameLines = (a: readonly EntitlementLine[], b: readonly EntitlementLine[]) =>
  JSON.stringify(canonicalLines(a)) === JSON.stringify(canonicalLines(b));

export interface LineProblem {
  /** Index of the line, or null for the set as a whole. */
  index: number | null;
  field: 'l1Status' | 'seats' | 'targetDate' | 'l2Reason' | null;
  message: string;
}

/**
 * Checks a set of lines as an edge received it (webhook, CSV): one to five lines, each L1 once,
 * whole seat counts, counts on every line of a split, real Target Dates, a short L2 reason. The
 * messages are for the systems that send them (English, like the rest of the API's problems).
 */
export function checkEntitlementLines(lines: readonly EntitlementLine[]): LineProblem[] {
  const problems: LineProblem[] = [];
  if (lines.length === 0)
    problems.push({ index: null, field: null, message: 'must list at least one line' });
  if (lines.length > ENTITLEMENT_LINES_MAX)
    problems.push({
      index: null,
      field: null,
      message: `at most ${ENTITLEMENT_LINES_MAX} lines (one per L1 status)`,
    });
  const seen = new Set<L1Status>();
  for (const [index, line] of lines.entries()) {
    if (!L1_STATUSES.includes(line.l1Status))
      problems.push({
        index,
        field: 'l1Status',
        message: `must be one of ${L1_STATUSES.join(', ')}`,
      });
    else if (seen.has(line.l1Status))
      problems.push({
        index,
        field: 'l1Status',
        message: `${line.l1Status} appears twice: one line per L1 status`,
      });
    seen.add(line.l1Status);
    if (line.seats === null) {
      if (lines.length > 1)
        problems.push({
          index,
          field: 'seats',
          message: 'is required when the entitlements are split over several lines',
        });
    } else if (!Number.isInteger(line.seats) || line.seats < 0 || line.seats > SEATS_MAX) {
      problems.push({
        index,
        field: 'seats',
        message: `must be a whole number from 0 to ${SEATS_MAX}`,
      });
    }
    if (line.targetDate !== null && !isCalendarDate(line.targetDate))
      problems.push({ index, field: 'targetDate', message: 'must be a calendar date YYYY-MM-DD' });
    if (line.l2Reason !== null && [...line.l2Reason].length > L2_REASON_MAX)
      problems.push({
        index,
        field: 'l2Reason',
        message: `at most ${L2_REASON_MAX} characters`,
      });
  }
  return problems;
}

/** An L2 reason as stored: one line of text, blank is none. */
export function cleanL2Reason(value: string | null | undefined): string | null {
  if (typeof value !== 'string') return null;
  const cleaned = cleanLine(value).trim();
  return cleaned === '' ? null : cleaned;
}
