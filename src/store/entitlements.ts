import {
  canonicalLines,
  type EntitlementLine,
  effectiveL1Status,
  isCalendarDate,
  L1_STATUSES,
  type L1Status,
  sameLines,
  singleLine,
} from '../domain/index.js';

/**
 * A workload's entitlement lines in the `workloads.entitlements` column (migration 007): a JSON
 * array in L1 order. The one place that turns lines into columns and back; upsertWorkload
 * (src/store/tenants.ts) is the one writer, so whatever must follow a change of the lines or
 * their Target Dates (an event, a notification) goes there, beside `linesChanged`.
 */

/** The lines as stored; `l1_status` always goes with them (the effective status, R1). */
export function entitlementColumns(lines: readonly EntitlementLine[]): {
  entitlements: string;
  l1_status: L1Status;
} {
  return {
    entitlements: JSON.stringify(canonicalLines(lines)),
    l1_status: effectiveL1Status(lines),
  };
}

/** The stored lines; a row written before any (raw inserts, '[]') is one line at its status. */
export function parseEntitlements(json: string, l1Status: L1Status): EntitlementLine[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    parsed = null;
  }
  const lines: EntitlementLine[] = [];
  if (Array.isArray(parsed)) {
    for (const item of parsed as Record<string, unknown>[]) {
      if (!item || !L1_STATUSES.includes(item.l1Status as L1Status)) continue;
      lines.push({
        l1Status: item.l1Status as L1Status,
        seats: typeof item.seats === 'number' ? item.seats : null,
        targetDate: isCalendarDate(item.targetDate) ? item.targetDate : null,
        l2Reason: typeof item.l2Reason === 'string' ? item.l2Reason : null,
      });
    }
  }
  return lines.length > 0 ? lines : singleLine(l1Status);
}

/**
 * The lines a write leaves on a workload. Lines given replace the stored ones. A single L1
 * status given without lines (the old input of the webhook and the import) keeps the stored lines
 * when it is already their effective status: "In Progress" said again of a split workload with
 * In Progress seats changes nothing. Any other status replaces them with one line.
 */
export function nextLines(
  stored: readonly EntitlementLine[] | null,
  given: { l1Status: L1Status; entitlements?: readonly EntitlementLine[] | null },
): EntitlementLine[] {
  if (given.entitlements && given.entitlements.length > 0)
    return canonicalLines(given.entitlements);
  if (stored && effectiveL1Status(stored) === given.l1Status) return canonicalLines(stored);
  return singleLine(given.l1Status);
}

/** Whether a write changes the lines (seats, statuses, Target Dates, L2 reasons). */
export const linesChanged = (
  before: readonly EntitlementLine[] | null,
  after: readonly EntitlementLine[],
) => !before || !sameLines(before, after);
