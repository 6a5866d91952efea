import { z } from '../../config/zod.js';
import { type CalendarDate, isCalendarDate } from '../../domain/index.js';

/** The reminder on a workload's ESD (R7): kind, payload contract and dedupe keys, in one place. */
export const REMINDER_KIND = 'reminder';

export const calendarDate = z.custom<CalendarDate>(isCalendarDate, 'not a calendar date');

/** What a reminder message carries in the outbox; the card carries none of it (only a token). */
export const reminderPayload = z.object({
  workloadId: z.string().min(1),
  tenantId: z.string().min(1),
  date: calendarDate,
  estimate: z.boolean(),
  late: z.boolean(),
  followUp: z.boolean(),
});
export type ReminderPayload = z.infer<typeof reminderPayload>;

/** One reminder per workload and date: the outbox key. */
export const reminderKey = (workloadId: string, date: string) => `reminder:${workloadId}:${date}`;

/** "No answer yet" queues one follow-up per reminder and follow-up date. */
export const reminderFollowUpKey = (workloadId: string, date: string, followUpDate: string) =>
  `${reminderKey(workloadId, date)}:followup:${followUpDate}`;
