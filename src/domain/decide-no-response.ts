import { type CalendarDate, compareDates } from './calendar-date.js';
import { entitlementsOf, hasInProgressSeats } from './entitlements.js';
import type { L1Status } from './l1-status.js';
import { type NoResponseKind, noResponseNote } from './notes.js';
import { assigneeOf, permittedRole } from './permissions.js';
import { longerThan, normalizeReason, REASON_MAX_LENGTH } from './reason.js';
import type { Role } from './roles.js';
import type { Actor, Esd, Workload } from './types.js';

export interface NoResponseRequest {
  workload: Workload;
  actor: Actor;
  kind: NoResponseKind;
  /** Optional detail the FM adds (attempts made, next try). */
  detail?: string | null;
  /**
   * Today in the FM's time zone. Given, an ESD still ahead of it is refused (R7 is about a customer
   * who did not answer on or before the ESD). A reminder's answer comes on or after its ESD.
   */
  today?: CalendarDate;
}

export type NoResponseRejection =
  | { code: 'not_permitted'; params: { assignee: string | null } }
  | { code: 'status_ineligible'; params: { status: L1Status } }
  | { code: 'esd_in_future'; params: { esd: Esd; today: CalendarDate } }
  | { code: 'detail_too_long'; params: { max: number } };

export type NoResponseDecision =
  | { ok: true; note: string; role: Role; detail: string | null }
  | ({ ok: false } & NoResponseRejection);

/**
 * R7: when the customer does not answer on or before the ESD, or goes inactive, the FM documents
 * it in the Overall Status Notes and does NOT change the ESD. So this decision yields a note and
 * nothing else: there is no date in its output to write.
 *
 * Refused, with the reason:
 * - a workload that is not In Progress (R1): the ESD, and so R7's "no answer by the ESD", applies
 *   only to In Progress workloads; a Blocked one has its blocking issue, Status Unknown has its
 *   own L2 (Customer Unresponsive), No Intent and Duplicate/Invalid have nothing to start;
 * - an ESD after today: the customer cannot yet have failed to answer on or before it.
 * A workload without an ESD (R3: past engagements) may still be documented.
 */
export function decideNoResponse(request: NoResponseRequest): NoResponseDecision {
  const { workload, actor } = request;
  const role = permittedRole(actor, workload.channel);
  if (!role)
    return { ok: false, code: 'not_permitted', params: { assignee: assigneeOf(workload.channel) } };
  if (!hasInProgressSeats(entitlementsOf(workload)))
    return { ok: false, code: 'status_ineligible', params: { status: workload.l1Status } };
  if (request.today && workload.esd && compareDates(workload.esd.date, request.today) > 0)
    return {
      ok: false,
      code: 'esd_in_future',
      params: { esd: workload.esd, today: request.today },
    };
  const detail = normalizeReason(typeof request.detail === 'string' ? request.detail : '');
  if (longerThan(detail, REASON_MAX_LENGTH)) {
    return { ok: false, code: 'detail_too_long', params: { max: REASON_MAX_LENGTH } };
  }
  return {
    ok: true,
    role,
    detail: detail || null,
    note: noResponseNote({
      code: workload.code,
      esd: workload.esd,
      kind: request.kind,
      detail: detail || null,
    }),
  };
}
