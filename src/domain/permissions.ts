import type { Role } from './roles.js';
import type { Actor, DeliveryChannel, FmIdentity } from './types.js';

/**
 * Who may record or change a workload's Engagement Start Date, and in which role.
 * - The assigned FM (R6: "the FM may update it afterwards").
 * - Gateway Team: enters the first date, before the delivery channel is assigned (R6), also for
 *   partner-assigned customers (R11).
 * - FTA, FE and Re-Engagement Team: collect the ESD whenever they collect target dates (domain.md).
 * - Managers: oversee assignments across FMs.
 * - An FRP for the customers assigned to it (R11: may update, is never required to).
 * Anyone else, including an FM who is not the assigned one, may not.
 */
const ROLES_FOR_ANY_WORKLOAD = ['gateway', 'manager', 'fta', 'fe', 're_engagement'] as const;

function sameText(a: string | null | undefined, b: string | null | undefined): boolean {
  if (typeof a !== 'string' || typeof b !== 'string') return false;
  const x = a.trim().toLowerCase();
  return x !== '' && x === b.trim().toLowerCase();
}

export function isSamePerson(actor: Pick<Actor, 'aadObjectId' | 'upn'>, fm: FmIdentity): boolean {
  if (actor.aadObjectId && fm.aadObjectId) return sameText(actor.aadObjectId, fm.aadObjectId);
  return sameText(actor.upn, fm.upn);
}

/** R11: the actor speaks for this partner. */
export function isSamePartner(actor: Pick<Actor, 'partnerName'>, partnerName: string): boolean {
  return sameText(actor.partnerName, partnerName);
}

export function isAssignedFm(actor: Actor, channel: DeliveryChannel): boolean {
  return channel.type === 'fm' && isSamePerson(actor, channel.fm);
}

/** The role in which `actor` may act on a workload with this channel, or null. */
export function permittedRole(actor: Actor, channel: DeliveryChannel): Role | null {
  if (isAssignedFm(actor, channel)) return 'fm';
  // Array.isArray: a roles *string* like "gateway" must not pass via String.prototype.includes.
  const roles: readonly string[] = Array.isArray(actor.roles) ? actor.roles : [];
  for (const role of ROLES_FOR_ANY_WORKLOAD) if (roles.includes(role)) return role;
  if (channel.type === 'frp' && isSamePartner(actor, channel.partnerName)) return 'frp';
  return null;
}

/** Who a person should ask instead, for the rejection message. */
export function assigneeOf(channel: DeliveryChannel): string | null {
  if (channel.type === 'fm') return channel.fm.upn;
  if (channel.type === 'frp') return channel.partnerName;
  return null;
}
