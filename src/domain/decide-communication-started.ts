import { type Basis, isBasis, isConcreteExchange } from './basis.js';
import { type CalendarDate, compareDates, isCalendarDate } from './calendar-date.js';
import type { EsdProposal } from './decide-esd-change.js';
import type { Esd } from './types.js';

/** Which day the FM says the two-way exchange began: today, the ESD itself, or another day. */
export const STARTED_WHEN = ['today', 'esd', 'other'] as const;
export type StartedWhen = (typeof STARTED_WHEN)[number];

export interface CommunicationStartedRequest {
  /** The ESD the reminder was about. */
  esd: Esd;
  /** Today in the FM's time zone. */
  today: CalendarDate;
  when: unknown;
  /** The day, when `when` is "other". */
  date: unknown;
  /** What the exchange was (R4/R5), needed only when the date moves. */
  basis: unknown;
}

export type StartedProblem =
  | { code: 'when_missing'; field: 'when' }
  | { code: 'esd_is_estimate'; field: 'when' }
  | { code: 'date_missing'; field: 'date' }
  | { code: 'date_invalid'; field: 'date' }
  | { code: 'date_in_future'; field: 'date' }
  | { code: 'basis_not_exchange'; field: 'basis' };

export type CommunicationStartedDecision =
  | { ok: true; startedOn: CalendarDate; move: null }
  /** The ESD moves to the day the exchange began, through the one write path (decideEsdChange). */
  | { ok: true; startedOn: CalendarDate; move: EsdProposal & { kind: 'date'; basis: Basis } }
  | { ok: false; problems: StartedProblem[] };

/**
 * "Communication started" on a reminder (R4, R5, R7, R9). Once the customer answers, the ESD is the
 * day the two-way exchange actually began, not the day it was planned for: so the answer names
 * that day. When it is the ESD itself (an exact one), nothing moves and the note says so. When it
 * is another day, or the ESD was only a month estimate (R9: the 1st stands for the month, it is
 * not a day anyone agreed), the ESD moves to it, with a basis that is a real exchange (R5: a
 * kickoff, a call, an email thread both ways) and, downstream, a reason (R8). A start cannot be
 * in the future: a coming day is a plan, and planning is "Customer asked for another date".
 * Pure: the window and the reason are the rules module's (decideEsdChange) when the date moves.
 */
export function decideCommunicationStarted(
  request: CommunicationStartedRequest,
): CommunicationStartedDecision {
  const { esd, today } = request;
  const problems: StartedProblem[] = [];
  let startedOn: CalendarDate | null = null;
  switch (request.when) {
    case 'today':
      startedOn = today;
      break;
    case 'esd':
      // R9: an estimate's 1st is a stand-in for the month; "on the ESD" would be untrue.
      if (esd.estimate) problems.push({ code: 'esd_is_estimate', field: 'when' });
      else startedOn = esd.date;
      break;
    case 'other': {
      const date = typeof request.date === 'string' ? request.date.trim() : '';
      if (!date) problems.push({ code: 'date_missing', field: 'date' });
      else if (!isCalendarDate(date)) problems.push({ code: 'date_invalid', field: 'date' });
      else startedOn = date;
      break;
    }
    default:
      problems.push({ code: 'when_missing', field: 'when' });
  }
  if (startedOn && compareDates(startedOn, today) > 0) {
    problems.push({ code: 'date_in_future', field: 'date' });
    startedOn = null;
  }
  const moves = startedOn !== null && (esd.estimate || startedOn !== esd.date);
  if (moves && !(isBasis(request.basis) && isConcreteExchange(request.basis))) {
    problems.push({ code: 'basis_not_exchange', field: 'basis' });
  }
  if (problems.length > 0 || !startedOn) return { ok: false, problems };
  if (!moves) return { ok: true, startedOn, move: null };
  return {
    ok: true,
    startedOn,
    move: { kind: 'date', date: startedOn, basis: request.basis as Basis },
  };
}
