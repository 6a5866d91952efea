import { isAssignedFm, isSamePartner } from './permissions.js';
import type { Role } from './roles.js';
import type { Actor, DeliveryChannel } from './types.js';

/**
 * Who may change a workload's Engagement Start Date: the one policy, read by the rules module
 * (decideEsdChange) and by every refusal message, so what a refusal says is what the code does.
 *
 * - A workload assigned to an FM: the FM (R6: "the FM may update it afterwards") and the Gateway
 *   Team (the FAQ names the Gateway Team for a new customer's date, R6). Managers, FTAs, FEs and
 *   the Re-Engagement Team only where the deployment configures it (ESD_OVERWRITE_ROLES): the
 *   parent page has them *collect* the date, not overwrite the FM's.
 * - A workload assigned to an FRP: the partner for its own customers (R11), and the Gateway Team
 *   and every role that collects dates (the FM's date is not at stake).
 * - A workload with no delivery channel yet: the Gateway Team enters the first date (R6), and the
 *   roles that collect dates whenever they collect target dates (domain.md, "Who is who").
 */

/** Roles a deployment may add to the FM and the Gateway Team for an FM's workloads. */
export const CONFIGURABLE_OVERWRITE_ROLES = ['manager', 'fta', 'fe', 're_engagement'] as const;
export type ConfigurableOverwriteRole = (typeof CONFIGURABLE_OVERWRITE_ROLES)[number];

export interface OverwritePolicy {
  /** Roles that may change an assigned FM's date besides the FM and the Gateway Team. */
  alsoForFmWorkloads: readonly ConfigurableOverwriteRole[];
}

/** The FAQ's default: the FM and the Gateway Team, nobody else. */
export const DEFAULT_OVERWRITE_POLICY: OverwritePolicy = Object.freeze({
  alsoForFmWorkloads: Object.freeze([]) as readonly ConfigurableOverwriteRole[],
});

/** Roles that collect dates (domain.md): they may set one where no FM's date is at stake. */
const COLLECTING_ROLES = ['gateway', 'manager', 'fta', 'fe', 're_engagement'] as const;

/**
 * Everyone who may change the date of a workload on this channel, in the order a refusal names
 * them: the assignee first ('fm' or 'frp'), then the roles.
 */
export function whoMayChangeDate(
  channel: DeliveryChannel['type'],
  policy: OverwritePolicy = DEFAULT_OVERWRITE_POLICY,
): readonly Role[] {
  if (channel === 'fm') {
    const extra = CONFIGURABLE_OVERWRITE_ROLES.filter((role) =>
      policy.alsoForFmWorkloads.includes(role),
    );
    return ['fm', 'gateway', ...extra];
  }
  if (channel === 'frp') return ['frp', ...COLLECTING_ROLES];
  return [...COLLECTING_ROLES];
}

/** The role in which `actor` may change this workload's date under `policy`, or null. */
export function dateChangeRole(
  actor: Actor,
  channel: DeliveryChannel,
  policy: OverwritePolicy = DEFAULT_OVERWRITE_POLICY,
): Role | null {
  const allowed = whoMayChangeDate(channel.type, policy);
  if (channel.type === 'fm' && isAssignedFm(actor, channel)) return 'fm';
  if (channel.type === 'frp' && isSamePartner(actor, channel.partnerName)) return 'frp';
  // Array.isArray: a roles *string* like "gateway" must not pass via String.prototype.includes.
  const roles: readonly string[] = Array.isArray(actor.roles) ? actor.roles : [];
  for (const role of allowed)
    if (role !== 'fm' && role !== 'frp' && roles.includes(role)) return role;
  return null;
}
