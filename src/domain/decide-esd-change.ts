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
import {
  DEFAULT_OVERWRITE_POLICY,
  dateChangeRole,
  type OverwritePolicy,
  whoMayChangeDate,
} from './overwrite-policy.js';
import { assigneeOf, isSamePerson } from './permissions.js';
import { checkReason, REASON_MAX_LENGTH } from './reason.js';
import type { Role } from './roles.js';
import type { Actor, ChangeSource, Esd, EsdChange, Workload } from './types.js';

/** A new date (exact), or only the month (R9: becomes the first of that month, flagged estimate). */
export type EsdProposal =
  | { kind: 'date'; date: string; basis: Basis | string | null | undefined }
  | { kind: 'month'; month: string; basis?: Basis | string | null | undefined };

export interface EsdWindow {
  pastDays: number;
  futureDays: number;
}

export const DEFAULT_ESD_WINDOW: EsdWindow = { pastDays: 365, futureDays: 730 };

/** The first and last day a new ESD may fall on, as of `today`: what the card and refusals show. */
export function windowBounds(
  today: CalendarDate,
  window: EsdWindow = DEFAULT_ESD_WINDOW,
): { earliest: CalendarDate; latest: CalendarDate } {
  return { earliest: addDays(today, -window.pastDays), latest: addDays(today, window.futureDays) };
}

/**
 * Whether a proposed ESD is inside the window. A month estimate (R9) counts from its first day,
 * but the current month is always allowed.
 */
export function isInWindow(esd: Esd, today: CalendarDate, window?: EsdWindow): boolean {
  const { earliest, latest } = windowBounds(today, window);
  const checked = esd.estimate && monthOf(esd.date) === monthOf(today) ? today : esd.date;
  return compareDates(checked, earliest) >= 0 && compareDates(checked, latest) <= 0;
}

export interface EsdChangeRequest {
  /** R2: one workload at a time; the ESD is never a tenant field. */
  workload: Workload;
  actor: Actor;
  today: CalendarDate;
  proposal: EsdProposal;
  reason: string | null | undefined;
  source: ChangeSource;
  window?: EsdWindow;
  /** Who may change an assigned FM's date (overwrite-policy.ts); the FAQ's default when absent. */
  policy?: OverwritePolicy;
}

export type Field = 'workload' | 'date' | 'month' | 'basis' | 'reason';

export type Violation =
  | {
      code: 'not_permitted';
      field: 'workload';
      params: {
        channel: 'fm' | 'frp' | 'unassigned';
        assignee: string | null;
        /** Everyone who may change this date, as the policy says: the refusal names exactly them. */
        who: readonly Role[];
      };
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

  const policy = request.policy ?? DEFAULT_OVERWRITE_POLICY;
  const role = dateChangeRole(actor, workload.channel, policy);
  if (!role) {
    return reject([
      {
        code: 'not_permitted',
        field: 'workload',
        params: {
          channel: workload.channel.type,
          assignee: assigneeOf(workload.channel),
          who: whoMayChangeDate(workload.channel.type, policy),
        },
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
    if (!isInWindow(next, today, window)) {
      violations.push({
        code: 'date_out_of_window',
        field: dateField,
        params: windowBounds(today, window),
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

/**
 * True when `latest` (a workload's newest history row) is exactly this person's proposal: the same
 * person, date, estimate flag, basis and reason. A card pressed twice meets its own first write as
 * a version conflict; this tells "already saved" from "someone changed it meanwhile".
 */
export function isSameChange(
  latest: EsdChange | undefined,
  actor: Actor,
  proposal: EsdProposal,
  reason: string | null | undefined,
): boolean {
  if (!latest) return false;
  const esd: Esd | null =
    proposal.kind === 'month'
      ? isCalendarMonth(proposal.month)
        ? { date: firstDayOfMonth(proposal.month), estimate: true }
        : null
      : isCalendarDate(proposal.date)
        ? { date: proposal.date, estimate: false }
        : null;
  const basis = proposal.basis || (proposal.kind === 'month' ? 'estimated' : null);
  const checked = checkReason(reason);
  return (
    esd !== null &&
    checked.ok &&
    latest.new.date === esd.date &&
    latest.new.estimate === esd.estimate &&
    latest.basis === basis &&
    latest.reason === checked.reason &&
    isSamePerson(actor, { upn: latest.actorUpn ?? '', aadObjectId: latest.actorAadObjectId })
  );
}
