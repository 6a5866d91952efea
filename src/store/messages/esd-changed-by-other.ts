import { z } from '../../config/zod.js';

/** The notice to the assigned FM that someone else changed their workload's ESD. */
export const ESD_CHANGED_BY_OTHER_KIND = 'esd_changed_by_other';

export const esdChangedByOtherPayload = z.object({
  changeId: z.number().int(),
  workloadId: z.string().min(1),
  tenantId: z.string().min(1),
});
export type EsdChangedByOtherPayload = z.infer<typeof esdChangedByOtherPayload>;

/** Prefix of the key, for the PostgreSQL one-statement write that builds it in SQL. */
export const ESD_CHANGED_KEY_PREFIX = 'esd-changed:';
/** One notice per change. */
export const esdChangedByOtherKey = (changeId: number | string) =>
  `${ESD_CHANGED_KEY_PREFIX}${changeId}`;
