/** L1 (consumption) status of a workload, with its wire values (domain.md). */
export const L1_STATUSES = [
  'in_progress',
  'status_unknown',
  'blocked',
  'no_intent',
  'duplicate_invalid',
] as const;

export type L1Status = (typeof L1_STATUSES)[number];

/** R1: only In Progress workloads carry an Engagement Start Date. */
export function isEsdEligible(status: L1Status): boolean {
  return status === 'in_progress';
}
