import { type Basis, isBasis, isConcreteExchange } from './basis.js';
import {
  addDays,
  type CalendarDate,
  compareDates,
  firstDayOfMonth,
  isCalendarDate,
  isCalendarMonth,
  monthOf,
} from './calendar-date.js';
import {
  type EntitlementLine,
  entitlementsOf,
  hasInProgressSeats,
  isSplit,
  seatLines,
} from './entitlements.js';
import type { L1Status } from './l1-status.js';
import { esdChangeNote } from './notes.js';
import { assigneeOf, permittedRole } from './permissions.js';
import { checkReason, REASON_MAX_LENGTH } from './reason.js';
import type { Role } from './roles.js';
import type { Actor, ChangeSource, Esd, Workload } from './types.js';

/** A new date (exact), or only the month (R9: becomes the first of that month, flagged estimate). */
export type EsdProposal =
  | { kind: 'date'; date: string; basis: Basis | string | null | undefined }
  | { kind: 'month'; month: string; basis?: Basis | string | null | undefined };

export interface EsdWindow {
  pastDays: number;
  futureDays: number;
}

export const DEFAULT_ESD_WINDOW: EsdWindow = { pastDays: 365, futureDays: 730 };

export interface EsdChangeRequest {
  /** R2: one workload at a time; the ESD is never a tenant field. */
  workload: Workload;
  actor: Actor;
  today: CalendarDate;
  proposal: EsdProposal;
  reason: string | null | undefined;
  source: ChangeSource;
  window?: EsdWindow;
}

export type Field = 'workload' | 'date' | 'month' | 'basis' | 'reason';

export type Violation =
  | {
      code: 'not_permitted';
      field: 'workload';
      params: { channel: 'fm' | 'frp' | 'unassigned'; assignee: string | null };
    }
  | {
      code: 'status_ineligible';
      field: 'workload';
      /** `split`: the lines holding seats, when there are several (shown with the refusal). */
      params: { status: L1Status; split: EntitlementLine[] | null };
    }
  | { code: 'date_invalid'; field: 'date'; params: Record<string, never> }
  /**
   * R3/R6: a new customer's workload with In Progress seats came without its date (the Gateway
   * handoff; decideEsdChange itself never returns it).
   */
  | { code: 'esd_required'; field: 'date'; params: { newCustomer: true } }
  | { code: 'month_invalid'; field: 'month'; params: Record<string, never> }
  | {
      code: 'date_out_of_window';
      field: 'date' | 'month';
      params: { earliest: CalendarDate; latest: CalendarDate };
    }
  | { code: 'estimate_month_past'; field: 'month'; params: { currentMonth: string } }
  | { code: 'basis_invalid'; field: 'basis'; params: Record<string, never> }
  | { code: 'basis_not_estimate'; field: 'basis'; params: { basis: Basis } }
  | { code: 'unchanged'; field: 'date' | 'month'; params: { current: Esd } }
  | { code: 'reason_missing'; field: 'reason'; params: Record<string, never> }
  | { code: 'reason_too_long'; field: 'reason'; params: { max: number } };

export type ViolationCode = Violation['code'];

export interface ApprovedEsdChange {
  workloadId: string;
  tenantId: string;
  old: Esd | null;
  new: Esd;
  basis: Basis;
  /** The reason as it will be stored: normalized, never blank (R8). */
  reason: string;
  /** The exact Overall Status Note that will be recorded with the change (R8). */
  note: string;
  role: Role;
  source: ChangeSource;
  firstSetting: boolean;
}

export type EsdDecision =
  | { ok: true; change: ApprovedEsdChange }
  | { ok: false; code: ViolationCode; violations: Violation[] };

const none = {} as Record<string, never>;

function reject(violations: Violation[]): EsdDecision {
  return { ok: false, code: (violations[0] as Violation).code, violations };
}

/**
 * Decides whether a proposed Engagement Start Date may be recorded. Pure: no I/O, no clock.
 * Who and whether come first (permission, then R1): when either fails, field errors would only
 * distract. Otherwise every field problem is reported at once, so a form can mark them all.
 */
export function decideEsdChange(request: EsdChangeRequest): EsdDecision {
  const { workload, actor, today, proposal } = request;
  const window = request.window ?? DEFAULT_ESD_WINDOW;

  const role = permittedRole(actor, workload.channel);
  if (!role) {
    return reject([
      {
        code: 'not_permitted',
        field: 'workload',
        params: { channel: workload.channel.type, assignee: assigneeOf(workload.channel) },
      },
    ]);
  }
  // R1: the ESD applies to a workload with In Progress seats; the status (and a split, seat by
  // seat, as the portal shows it) is named in the rejection.
  const lines = entitlementsOf(workload);
  if (!hasInProgressSeats(lines)) {
    return reject([
      {
        code: 'status_ineligible',
        field: 'workload',
        params: { status: workload.l1Status, split: isSplit(lines) ? seatLines(lines) : null },
      },
    ]);
  }

  const violations: Violation[] = [];
  let next: Esd | null = null;
  const dateField = proposal.kind === 'month' ? 'month' : 'date';

  // Decided on `kind === 'month'` like the field and the basis below, so that a malformed kind
  // can never yield an estimate that escaped the month-only basis check (R9).
  if (proposal.kind !== 'month') {
    if (isCalendarDate(proposal.date)) next = { date: proposal.date, estimate: false };
    else violations.push({ code: 'date_invalid', field: 'date', params: none });
  } else if (isCalendarMonth(proposal.month)) {
    // R9: "estimate the first day of the month in which that deployment is expected".
    next = { date: firstDayOfMonth(proposal.month), estimate: true };
    const currentMonth = monthOf(today);
    if (proposal.month < currentMonth) {
      violations.push({ code: 'estimate_month_past', field: 'month', params: { currentMonth } });
      next = null;
    }
  } else {
    violations.push({ code: 'month_invalid', field: 'month', params: none });
  }

  if (next) {
    const earliest = addDays(today, -window.pastDays);
    const latest = addDays(today, window.futureDays);
    // A month estimate counts from its first day, but the current month is always allowed.
    const checked = next.estimate && monthOf(next.date) === monthOf(today) ? today : next.date;
    if (compareDates(checked, earliest) < 0 || compareDates(checked, latest) > 0) {
      violations.push({
        code: 'date_out_of_window',
        field: dateField,
        params: { earliest, latest },
      });
    } else if (
      workload.esd &&
      workload.esd.date === next.date &&
      workload.esd.estimate === next.estimate
    ) {
      violations.push({ code: 'unchanged', field: dateField, params: { current: workload.esd } });
    }
  }

  let basis: Basis | null = null;
  // A blank basis with a month-only date is the estimate it must be (R9).
  const rawBasis = proposal.basis || (proposal.kind === 'month' ? 'estimated' : null);
  if (!isBasis(rawBasis)) {
    violations.push({ code: 'basis_invalid', field: 'basis', params: none });
  } else if (proposal.kind === 'month' && isConcreteExchange(rawBasis)) {
    // A month-only date is an estimate (R9); a kickoff, call or email exchange has a real day.
    violations.push({ code: 'basis_not_estimate', field: 'basis', params: { basis: rawBasis } });
  } else {
    basis = rawBasis;
  }

  // R8: a reason is required; the FAQ asks only for the reason, in whatever words.
  const reason = checkReason(request.reason);
  if (!reason.ok) {
    violations.push(
      reason.problem === 'reason_too_long'
        ? { code: 'reason_too_long', field: 'reason', params: { max: REASON_MAX_LENGTH } }
        : { code: 'reason_missing', field: 'reason', params: none },
    );
  }

  if (violations.length > 0 || !next || !basis || !reason.ok) return reject(violations);

  return {
    ok: true,
    change: {
      workloadId: workload.id,
      tenantId: workload.tenantId,
      old: workload.esd,
      new: next,
      basis,
      reason: reason.reason,
      note: esdChangeNote({
        code: workload.code,
        old: workload.esd,
        new: next,
        basis,
        reason: reason.reason,
      }),
      role,
      source: request.source,
      firstSetting: workload.esd === null,
    },
  };
}
