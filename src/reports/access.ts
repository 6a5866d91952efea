import {
  type Actor,
  type DeliveryChannel,
  mayAccess,
  type Tenant,
  type Workload,
} from '../domain/index.js';
import { fold } from './capacity.js';

/** Who may read what in the reports. Pure, like the rules module it builds on. */

/** Capacity compares FMs: for the Gateway Team (who assigns) and managers (who balance). */
export const CAPACITY_ROLES = ['gateway', 'manager'] as const;

export function canSeeCapacity(actor: Actor): boolean {
  const roles: readonly string[] = Array.isArray(actor.roles) ? actor.roles : [];
  return CAPACITY_ROLES.some((role) => roles.includes(role));
}

/**
 * A tenant's timeline and history: for whoever may act on at least one of its workloads (its
 * assigned FM, a partner for its own customers, R11), and for the roles that may act on any.
 * The same rule as every card verb: domain/access.ts.
 */
export function canSeeTenant(actor: Actor, channels: readonly DeliveryChannel[]): boolean {
  return mayAccess(actor, channels);
}

export type TenantPick<T extends { tenant: Tenant; workloads: readonly Workload[] }> =
  /** Nothing typed after the command. */
  | { status: 'need_name' }
  | { status: 'none' }
  /** Customers match, but none this person may see. */
  | { status: 'not_allowed' }
  | { status: 'many'; tenants: Tenant[] }
  | { status: 'one'; found: T };

/**
 * Which tenant a typed name means, among those `actor` may see. An exact customer or tenant name
 * wins over names that merely contain it ("contoso" over "Contoso East").
 */
export function pickTenant<T extends { tenant: Tenant; workloads: readonly Workload[] }>(
  query: string,
  matches: readonly T[],
  actor: Actor,
): TenantPick<T> {
  const wanted = fold(query);
  if (!wanted) return { status: 'need_name' };
  if (matches.length === 0) return { status: 'none' };
  const visible = matches.filter((m) =>
    canSeeTenant(
      actor,
      m.workloads.map((w) => w.channel),
    ),
  );
  if (visible.length === 0) return { status: 'not_allowed' };
  const exact = visible.filter(
    (m) => fold(m.tenant.customerName) === wanted || fold(m.tenant.name) === wanted,
  );
  const [only] = exact.length === 1 ? exact : visible.length === 1 ? visible : [];
  if (only) return { status: 'one', found: only };
  return { status: 'many', tenants: visible.map((m) => m.tenant) };
}
