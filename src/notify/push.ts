import { createHmac } from 'node:crypto';
import type { Store } from '../store/index.js';
import { attentionTimeout, retryAfterMs } from './pacing.js';

/**
 * Webhook push of the event feed (issue 17; docs/api.md, "Push subscriptions"). Each push is one
 * HTTP POST of one CloudEvent in JSON structured mode, signed with the subscription's secret.
 * At-least-once: a receiver deduplicates by the event id (also in `webhook-id`).
 */

export const PUSH_CONTENT_TYPE = 'application/cloudevents+json';

/**
 * The signature header: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`. The timestamp is
 * signed with the body, so a receiver that refuses old timestamps refuses replayed requests.
 */
export function signPush(secret: string, body: string, unixSeconds: number): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}

export type PushResult =
  | { ok: true; status: number }
  | { ok: false; status: number | null; retryAfterMs: number | null; message: string };

/** Where pushes go out: fetch, or a test double. */
export type PushSender = (
  target: { url: string; secret: string },
  event: { id: string },
) => Promise<PushResult>;

/**
 * POSTs the event; 2xx is delivered, anything else (another status, a redirect, a network
 * error, no answer within `timeoutMs`) failed, with Retry-After read on 429 and 503.
 */
export function httpPushSender(timeoutMs: number, now: () => Date = () => new Date()): PushSender {
  return async (target, event) => {
    const body = JSON.stringify(event);
    const controller = new AbortController();
    try {
      const response = await attentionTimeout(
        fetch(target.url, {
          method: 'POST',
          headers: {
            'content-type': PUSH_CONTENT_TYPE,
            'webhook-id': event.id,
            'esd-signature': signPush(target.secret, body, Math.floor(now().getTime() / 1000)),
            'user-agent': 'esd-bot-push/1',
          },
          body,
          // A redirect is not followed: the subscription names where events may go.
          redirect: 'manual',
          signal: controller.signal,
        }),
        timeoutMs,
        () => {
          controller.abort();
          return new Error(`timeout: no answer in ${timeoutMs} ms`);
        },
      );
      // Nobody reads the answer's body; drained so the connection is freed.
      await response.body?.cancel().catch(() => {});
      if (response.status >= 200 && response.status < 300)
        return { ok: true, status: response.status };
      const retryAfter =
        response.status === 429 || response.status === 503
          ? retryAfterMs(response.headers.get('retry-after'), now().getTime())
          : null;
      return {
        ok: false,
        status: response.status,
        retryAfterMs: retryAfter,
        message:
          `${response.status}: the subscriber answered ${response.status} ${response.statusText}`.trim(),
      };
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      return {
        ok: false,
        status: null,
        retryAfterMs: null,
        message: `network: ${(error as Error).message}${cause ? ` (${cause})` : ''}`.slice(0, 300),
      };
    }
  };
}

/**
 * Queues what each active subscription has not had yet (src/store/subscriptions.ts: one
 * transaction per batch moves its cursor with the rows it queues). Returns how many were queued.
 */
export async function pumpSubscriptions(store: Store, batch = 500): Promise<number> {
  let queued = 0;
  for (const id of await store.activeSubscriptionIds()) {
    for (;;) {
      const pumped = await store.pumpSubscription(id, batch);
      queued += pumped.queued;
      if (!pumped.more) break;
    }
  }
  return queued;
}
