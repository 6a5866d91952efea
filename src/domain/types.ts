import type { Basis } from './basis.js';
import type { CalendarDate } from './calendar-date.js';
import type { EntitlementLine } from './entitlements.js';
import type { L1Status } from './l1-status.js';
import type { GrantableRole, Role } from './roles.js';
import type { WorkloadCode } from './workloads.js';

export interface Tenant {
  /** The customer's Microsoft 365 tenant id (a GUID). */
  id: string;
  /** Usually the initial domain, e.g. contoso.onmicrosoft.com. */
  name: string;
  customerName: string;
}

/** Identity of an FM as the Gateway Team and Teams know it. */
export interface FmIdentity {
  upn: string;
  aadObjectId?: string | null;
}

/** Who delivers the workload: an FM, or a FastTrack Ready Partner (R11). */
export type DeliveryChannel =
  | { type: 'fm'; fm: FmIdentity }
  | { type: 'frp'; partnerName: string }
  /** Not yet assigned: the Gateway Team enters the date before assignment (R6). */
  | { type: 'unassigned' };

/** An Engagement Start Date: a calendar day, flagged when it is a first-of-month estimate (R9). */
export interface Esd {
  date: CalendarDate;
  estimate: boolean;
}

/** R2: the ESD is a field of a workload, never of a tenant. */
export interface Workload {
  id: string;
  tenantId: string;
  code: WorkloadCode;
  /**
   * The workload's L1 status as one value: In Progress when any of its seats are (R1), else the
   * status holding the most seats (effectiveL1Status). With a single line, that line's status.
   */
  l1Status: L1Status;
  /**
   * The entitlement lines (L1, seats, Target Date, L2), as the portal's Services tab splits them.
   * The store always fills them; a workload built without them is one line at `l1Status`
   * (entitlementsOf).
   */
  entitlements?: readonly EntitlementLine[];
  /** R3: null is normal (no backfill is ever demanded). */
  esd: Esd | null;
  basis: Basis | null;
  channel: DeliveryChannel;
  /** Optimistic-concurrency version; bumped by every write to the workload. */
  version: number;
}

export interface Actor {
  aadObjectId?: string | null;
  upn?: string | null;
  name: string;
  /** Roles granted in the store. Being the assigned FM needs no role. */
  roles: readonly GrantableRole[];
  /** Set when the actor speaks for a FastTrack Ready Partner (R11). */
  partnerName?: string | null;
}

export type ChangeSource = 'teams' | 'gateway' | 'import' | 'cli';

/** One row of the append-only history of a workload's ESD. */
export interface EsdChange {
  id: number;
  workloadId: string;
  tenantId: string;
  old: Esd | null;
  new: Esd;
  basis: Basis;
  actorName: string;
  actorUpn: string | null;
  actorAadObjectId: string | null;
  role: Role;
  source: ChangeSource;
  reason: string;
  changedAt: string;
}

/** Overall Status Notes: where the reason of every ESD change goes (R8), never Entitlement Notes. */
export interface StatusNote {
  id: number;
  tenantId: string;
  workloadId: string | null;
  category: 'overall_status';
  text: string;
  authorName: string;
  authorUpn: string | null;
  createdAt: string;
}
