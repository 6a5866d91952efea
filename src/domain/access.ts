import { assigneeOf, permittedRole } from './permissions.js';
import type { Actor, DeliveryChannel } from './types.js';

/**
 * The one rule for reading as well as writing: who may see a workload or a tenant, and act on it.
 * Reads follow the write path (permissions.ts): the assigned FM, an FRP for its own customers
 * (R11), and the roles that may act on any workload (R6, domain.md). A card's data is never
 * trusted for this: it names a tenant or a workload, this decides whether the person may see it.
 */
export type Access = { allowed: true } | { allowed: false; ask: string | null };

const ROLES_FOR_ANY_TENANT = ['gateway', 'manager', 'fta', 'fe', 're_engagement'] as const;

function actsOnAny(actor: Actor): boolean {
  // Array.isArray: a roles *string* must not pass via String.prototype.includes.
  const roles: readonly string[] = Array.isArray(actor.roles) ? actor.roles : [];
  return ROLES_FOR_ANY_TENANT.some((role) => roles.includes(role));
}

/** May `actor` see and act on the workloads with these channels (one workload, or a tenant's)? */
export function accessTo(actor: Actor, channels: readonly DeliveryChannel[]): Access {
  if (actsOnAny(actor)) return { allowed: true };
  if (channels.some((channel) => permittedRole(actor, channel) !== null)) return { allowed: true };
  // Whom to ask instead: the first assignee named on the tenant's workloads, if any.
  for (const channel of channels) {
    const ask = assigneeOf(channel);
    if (ask) return { allowed: false, ask };
  }
  return { allowed: false, ask: null };
}

export function mayAccess(actor: Actor, channels: readonly DeliveryChannel[]): boolean {
  return accessTo(actor, channels).allowed;
}
