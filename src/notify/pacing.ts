/**
 * Keeps proactive sends inside Teams' limits: at most `perSecond` messages a second overall and
 * one message per conversation every `conversationIntervalMs`. Each send reserves the earliest
 * slot both limits allow, so a burst is spread evenly instead of being refused with 429s.
 */
export class Pacer {
  private nextGlobal = 0;
  private readonly nextByConversation = new Map<string, number>();

  constructor(
    private readonly perSecond: number,
    private readonly conversationIntervalMs: number,
    private readonly clock: () => number = () => Date.now(),
  ) {}

  /** Reserves a slot and returns how long to wait (ms) before using it. */
  reserve(conversation: string): number {
    const now = this.clock();
    const slot = Math.max(now, this.nextGlobal, this.nextByConversation.get(conversation) ?? 0);
    this.nextGlobal = slot + 1000 / this.perSecond;
    this.nextByConversation.set(conversation, slot + this.conversationIntervalMs);
    if (this.nextByConversation.size > 10_000) this.forgetPast(now);
    return slot - now;
  }

  /** A 429 from Teams: nothing more to this conversation (or at all) before the pause ends. */
  pause(conversation: string | null, ms: number): void {
    const until = this.clock() + ms;
    if (conversation) {
      this.nextByConversation.set(
        conversation,
        Math.max(until, this.nextByConversation.get(conversation) ?? 0),
      );
    } else {
      this.nextGlobal = Math.max(this.nextGlobal, until);
    }
  }

  private forgetPast(now: number): void {
    for (const [key, next] of this.nextByConversation)
      if (next < now) this.nextByConversation.delete(key);
  }
}

/** Full-jitter exponential backoff: a random wait up to base·2^attempt, capped. */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(5 * 60_000, 1000 * 2 ** Math.max(0, attempt));
  return Math.round(500 + random() * ceiling);
}

/** Retry-After as seconds or an HTTP date, in ms from now; null when absent or unreadable. */
export function retryAfterMs(header: string | null | undefined, now = Date.now()): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}
