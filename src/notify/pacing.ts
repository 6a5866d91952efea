/**
 * Keeps proactive sends inside Teams' limits: at most `perSecond` messages a second overall and
 * one message per conversation every `conversationIntervalMs`. Each send reserves the earliest
 * slot both limits allow, so a burst is spread evenly instead of being refused with 429s.
 */
export class Pacer {
  /** Global time is cut into slots 1000/perSecond ms wide; each send takes a free one. */
  private readonly spacing: number;
  private readonly taken = new Set<number>();
  private pausedUntil = 0;
  private readonly nextByConversation = new Map<string, number>();
  /** The sends actually made (see sendWait): a token bucket, and each conversation's last. */
  private readonly burst: number;
  private tokens: number;
  private refilledAt: number;
  private readonly lastSent = new Map<string, number>();

  constructor(
    perSecond: number,
    private readonly conversationIntervalMs: number,
    private readonly clock: () => number = () => Date.now(),
  ) {
    this.spacing = 1000 / perSecond;
    // A twentieth of a second's sends at once, at least one: a short stall is caught up, a long
    // one is not turned into a burst.
    this.burst = Math.max(1, Math.floor(perSecond / 20));
    this.tokens = this.burst;
    this.refilledAt = this.clock();
  }

  /**
   * The check right before a send, on the sends actually made, where `reserve` plans slots: a
   * timer that fires late (a busy CPU, a long task, a collection) would send with the ones
   * planned after it, a burst that the limits refuse with 429s. Returns 0 and counts the send
   * when it may go now; else how long to wait before asking again.
   */
  sendWait(conversation: string): number {
    const now = this.clock();
    this.tokens = Math.min(this.burst, this.tokens + (now - this.refilledAt) / this.spacing);
    this.refilledAt = now;
    const last = this.lastSent.get(conversation);
    const wait = Math.max(
      last === undefined ? 0 : last + this.conversationIntervalMs - now,
      this.pausedUntil - now,
      this.tokens >= 1 ? 0 : (1 - this.tokens) * this.spacing,
    );
    if (wait > 0) return wait;
    this.tokens -= 1;
    this.lastSent.set(conversation, now);
    if (this.lastSent.size > 20_000) {
      for (const [key, at] of this.lastSent)
        if (at + this.conversationIntervalMs < now) this.lastSent.delete(key);
    }
    return 0;
  }

  /**
   * Reserves the earliest free global slot at or after the conversation may speak again, and
   * returns how long to wait (ms) before using it. A conversation that must wait does not hold
   * up the others: they take the free slots before it.
   */
  reserve(conversation: string): number {
    const now = this.clock();
    const earliest = Math.max(
      now,
      this.pausedUntil,
      this.nextByConversation.get(conversation) ?? 0,
    );
    let slot = Math.ceil(earliest / this.spacing - 1e-9);
    while (this.taken.has(slot)) slot++;
    this.taken.add(slot);
    const at = Math.max(earliest, slot * this.spacing);
    this.nextByConversation.set(conversation, at + this.conversationIntervalMs);
    if (this.taken.size > 20_000) this.forgetPast(now);
    return at - now;
  }

  /** A 429 from Teams: nothing more to this conversation (or, with null, at all) before it ends. */
  pause(conversation: string | null, ms: number): void {
    const until = this.clock() + ms;
    if (conversation) {
      this.nextByConversation.set(
        conversation,
        Math.max(until, this.nextByConversation.get(conversation) ?? 0),
      );
    } else {
      this.pausedUntil = Math.max(this.pausedUntil, until);
    }
  }

  /** How long the pause of everything (a 429's Retry-After) still lasts, in ms; 0 when none. */
  pausedFor(): number {
    return Math.max(0, this.pausedUntil - this.clock());
  }

  private forgetPast(now: number): void {
    const current = Math.floor(now / this.spacing);
    for (const slot of this.taken) if (slot < current) this.taken.delete(slot);
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

/** How often the attention clock looks at the event loop, and the most one look may count. */
const TICK_MS = 25;
const MAX_TICK_MS = 2 * TICK_MS;

/**
 * A send's time bound counted in the time this process could listen, not in wall time. On a
 * starved machine (other processes on every core, a long synchronous task, hundreds of sends
 * in flight) each turn of the event loop takes long, and an answer Teams already gave may sit
 * unread: a wall-clock timeout would count it as failed, and the retry would send the message
 * twice. Each tick counts at most MAX_TICK_MS, so a loop turning ten times slower than it should
 * makes the bound ten times longer; a healthy loop waiting on a hung server times out on time.
 * `maxWallMs` keeps it bounded all the same.
 */
export function attentionTimeout<T>(
  promise: Promise<T>,
  ms: number,
  onTimeout: () => Error,
  maxWallMs = 10 * ms,
): Promise<T> {
  let ticker: NodeJS.Timeout | undefined;
  let last: NodeJS.Immediate | undefined;
  const timeout = new Promise<never>((_, reject) => {
    const started = Date.now();
    let previous = started;
    let attended = 0;
    ticker = setInterval(() => {
      const now = Date.now();
      attended += Math.min(now - previous, MAX_TICK_MS);
      previous = now;
      if (attended < ms && now - started < maxWallMs) return;
      clearInterval(ticker);
      // One more turn of the loop: an answer read in this turn's I/O phase wins the race.
      last = setImmediate(() => reject(onTimeout()));
    }, TICK_MS);
  });
  return Promise.race([promise, timeout]).finally(() => {
    clearInterval(ticker);
    if (last) clearImmediate(last);
  });
}

/**
 * At most `limit` sends in flight. Paced sends that pile up on a starved machine would each take
 * the CPU from the others' answers until they all time out (and were retried, though Teams had
 * them): the queue waits here instead, before its send starts and its time bound with it.
 */
export class SendGate {
  private active = 0;
  private readonly queue: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  async run<T>(send: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.queue.push(resolve));
    else this.active++;
    try {
      return await send();
    } finally {
      const next = this.queue.shift();
      if (next) next();
      else this.active--;
    }
  }
}
