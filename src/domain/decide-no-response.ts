import { type NoResponseKind, noResponseNote } from './notes.js';
import { assigneeOf, permittedRole } from './permissions.js';
import { normalizeReason, REASON_MAX_LENGTH } from './reason.js';
import type { Role } from './roles.js';
import type { Actor, Workload } from './types.js';

export interface NoResponseRequest {
  workload: Workload;
  actor: Actor;
  kind: NoResponseKind;
  /** Optional detail the FM adds (attempts made, next try). */
  detail?: string | null;
}

export type NoResponseDecision =
  | { ok: true; note: string; role: Role; detail: string | null }
  | {
      ok: false;
      code: 'not_permitted' | 'detail_too_long';
      params: { assignee?: string | null; max?: number };
    };

/**
 * R7: when the customer does not answer on or before the ESD, or goes inactive, the FM documents
 * it in the Overall Status Notes and does NOT change the ESD. So this decision yields a note and
 * nothing else: there is no date in its output to write.
 */
export function decideNoResponse(request: NoResponseRequest): NoResponseDecision {
  const { workload, actor } = request;
  const role = permittedRole(actor, workload.channel);
  if (!role)
    return { ok: false, code: 'not_permitted', params: { assignee: assigneeOf(workload.channel) } };
  const detail = normalizeReason(typeof request.detail === 'string' ? request.detail : '');
  if ([...detail].length > REASON_MAX_LENGTH) {
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
