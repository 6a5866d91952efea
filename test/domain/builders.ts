/**
 * Small builders for the domain tests: every builder returns a valid default that a test
 * overrides only where it matters, so that each table row reads as "what differs".
 */
import {
  type Actor,
  type ApprovedEsdChange,
  type CalendarDate,
  type DeliveryChannel,
  decideEsdChange,
  type EsdChangeRequest,
  type EsdDecision,
  type EsdProposal,
  type FmIdentity,
  type GrantableRole,
  toCalendarDate,
  type Violation,
  type ViolationCode,
  type Workload,
} from '../../src/domain/index.js';

/** A valid calendar date, checked (throws on a typo in a test table). */
export const day = (value: string): CalendarDate => toCalendarDate(value);

/** "Today" for every example test: a Sunday, 2026-11-22. */
export const TODAY = day('2026-11-22');
/** With the default window (365 days back, 730 ahead) from TODAY. */
export const DEFAULT_EARLIEST = day('2025-11-22');
export const DEFAULT_LATEST = day('2028-11-21');

export const GOOD_REASON = 'Customer asked to move the first call to next week';

export const ANA: FmIdentity = { upn: 'Ana.Silva@contoso.com', aadObjectId: 'aad-ana-0001' };
export const PARTNER = 'Fabrikam Deployment Partners';

export const fmChannel = (fm: FmIdentity = ANA): DeliveryChannel => ({ type: 'fm', fm });
export const frpChannel = (partnerName: string = PARTNER): DeliveryChannel => ({
  type: 'frp',
  partnerName,
});
export const unassignedChannel = (): DeliveryChannel => ({ type: 'unassigned' });

export function workload(overrides: Partial<Workload> = {}): Workload {
  return {
    id: 'wl-exo-1',
    tenantId: 'tenant-contoso',
    code: 'EXO',
    l1Status: 'in_progress',
    esd: { date: day('2026-12-01'), estimate: false },
    basis: 'kickoff_meeting',
    channel: fmChannel(),
    version: 3,
    ...overrides,
  };
}

export function actor(overrides: Partial<Actor> = {}): Actor {
  return {
    name: 'Somebody Else',
    upn: 'somebody.else@contoso.com',
    aadObjectId: 'aad-somebody-9999',
    roles: [],
    partnerName: null,
    ...overrides,
  };
}

/** The FM assigned in `fmChannel()` (same aadObjectId and UPN). */
export const assignedFm = (overrides: Partial<Actor> = {}): Actor =>
  actor({ name: 'Ana Silva', upn: ANA.upn, aadObjectId: ANA.aadObjectId, ...overrides });

/** An FM who is not the assignee and holds no granted role. */
export const otherFm = (overrides: Partial<Actor> = {}): Actor =>
  actor({
    name: 'Bruno Costa',
    upn: 'bruno.costa@contoso.com',
    aadObjectId: 'aad-bruno',
    ...overrides,
  });

export const withRole = (role: GrantableRole): Actor =>
  actor({
    name: `A ${role}`,
    upn: `${role}.person@microsoft.com`,
    aadObjectId: `aad-${role}`,
    roles: [role],
  });

export const frpActor = (partnerName: string = PARTNER): Actor =>
  actor({
    name: 'Paula Partner',
    upn: 'paula@fabrikam.example',
    aadObjectId: 'aad-paula',
    partnerName,
  });

export const exact = (
  date: string,
  basis: string | null | undefined = 'two_way_email',
): EsdProposal => ({
  kind: 'date',
  date,
  basis,
});

/** A month-only proposal; omit `basis` to test its default. */
export function month(value: string, basis?: string | null): EsdProposal {
  return basis === undefined
    ? { kind: 'month', month: value }
    : { kind: 'month', month: value, basis };
}

export function request(overrides: Partial<EsdChangeRequest> = {}): EsdChangeRequest {
  return {
    workload: workload(),
    actor: assignedFm(),
    today: TODAY,
    proposal: exact('2026-12-10'),
    reason: GOOD_REASON,
    source: 'teams',
    ...overrides,
  };
}

export const decide = (overrides: Partial<EsdChangeRequest> = {}): EsdDecision =>
  decideEsdChange(request(overrides));

/** The approved change, or a failure that shows the violations. */
export function approved(decision: EsdDecision): ApprovedEsdChange {
  if (!decision.ok)
    throw new Error(`expected an approval, got ${JSON.stringify(decision.violations)}`);
  return decision.change;
}

/** The violations of a rejection, or a failure that shows the approved change. */
export function violations(decision: EsdDecision): Violation[] {
  if (decision.ok) throw new Error(`expected a rejection, got ${JSON.stringify(decision.change)}`);
  return decision.violations;
}

export const codes = (decision: EsdDecision): ViolationCode[] =>
  violations(decision).map((v) => v.code);

/** Deep-freezes a value so that any mutation by the code under test throws. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
    Object.freeze(value);
  }
  return value;
}
