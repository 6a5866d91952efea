import { z } from '../../config/zod.js';
import { calendarDate } from './reminder.js';

/** The FM's Monday digest of the week's starts. */
export const DIGEST_KIND = 'digest';

export const digestPayload = z.object({
  weekStart: calendarDate,
  fm: z.object({ aadObjectId: z.string().nullable(), upn: z.string().nullable() }),
});
export type DigestPayload = z.infer<typeof digestPayload>;

/** One digest per person and week. */
export const digestKey = (who: string, weekStart: string) => `digest:${who}:${weekStart}`;
