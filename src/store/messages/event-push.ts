import { z } from '../../config/zod.js';

/** One event pushed to one webhook subscription (issue 17): delivered by src/notify/push.ts. */
export const EVENT_PUSH_KIND = 'event_push';

/** The CloudEvent as it was queued: the body is the same on every attempt. */
export const eventPushPayload = z.object({
  subscriptionId: z.string().min(1),
  event: z.looseObject({
    specversion: z.literal('1.0'),
    id: z.string().min(1),
    type: z.string().min(1),
    source: z.string().min(1),
    sequence: z.string().min(1),
  }),
});
export type EventPushPayload = z.infer<typeof eventPushPayload>;

/** Every key of one subscription starts so: removing it or waking it finds its rows. */
export const eventPushKeyPrefix = (subscriptionId: string) => `event-push:${subscriptionId}:`;

/**
 * One push per subscription, event and replay: a replay (a new epoch) queues the events again,
 * anything else that would queue the same event for the same subscription is a no-op.
 */
export const eventPushKey = (subscriptionId: string, epoch: number, eventId: string) =>
  `${eventPushKeyPrefix(subscriptionId)}${epoch}:${eventId}`;
