import { randomUUID } from 'node:crypto';
import type { Config } from '../config/config.js';
import type { Logger } from '../log/logger.js';
import { proactiveSends, subscriptionSuspensions } from '../metrics/metrics.js';
import {
  type ClaimOptions,
  EVENT_PUSH_KIND,
  eventPushPayload,
  type OutboxRow,
  type Outcome,
  type Recipient,
  readPayload,
  type Store,
} from '../store/index.js';
import { backoffMs, Pacer, SendGate } from './pacing.js';
import type { PushSender } from './push.js';
import type { BatchRenderer, Rendered } from './render.js';
import { classify, type ProactiveChannel } from './teams-channel.js';

export interface DispatcherDeps {
  store: Store;
  config: Config;
  logger: Logger;
  channel: ProactiveChannel;
  render: BatchRenderer;
  /** Identifies this instance's leases; a new random one per process by default. */
  owner?: string;
  leaseMs?: number;
  batchSize?: number;
  /** Sends in flight at once (16 by default). */
  maxConcurrentSends?: number;
  /** Which rows this dispatcher claims (all by default). */
  kinds?: ClaimOptions['kinds'];
  /** Webhook pushes (event_push rows): how they are sent and paced. */
  push?: { send: PushSender; suspendAfter: number; maxPerSecond: number; timeoutMs: number };
  /** Runs at the start of each round of the loop (the push pump queues what is new). */
  beforeRound?: () => Promise<unknown>;
}

/** A push whose destination must wait longer than this goes back to the outbox meanwhile. */
const DEFER_PUSH_AFTER_MS = 1000;

/** What happened to each claimed row; `released` rows went back unsent, their lease near its end. */
export type DispatchStats = Record<Outcome['status'] | 'released', number>;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Rows rendered between two turns of the event loop while a batch is prepared. */
const PREPARE_CHUNK = 20;

/** Messages to one person, interleaved with everyone else's, so nobody's burst blocks the rest. */
function interleave(rows: readonly OutboxRow[]): OutboxRow[] {
  const queues = new Map<string, OutboxRow[]>();
  for (const row of rows) {
    const key = row.recipient_aad_object_id ?? row.recipient_upn ?? '';
    const queue = queues.get(key) ?? [];
    queue.push(row);
    queues.set(key, queue);
  }
  const out: OutboxRow[] = [];
  for (let round = 0; out.length < rows.length; round++) {
    for (const queue of queues.values()) if (queue[round]) out.push(queue[round] as OutboxRow);
  }
  return out;
}

/**
 * Sends what the outbox holds, exactly as the outbox says: rows are claimed with a lease so several
 * instances share the work; a row is settled only by its lease owner; Teams' limits are kept by
 * the pacer; failures are retried with backoff, dead-lettered after PROACTIVE_MAX_ATTEMPTS, or
 * left waiting for a person who cannot be reached until they come back.
 */
export class Dispatcher {
  readonly owner: string;
  private readonly pacer: Pacer;
  private readonly gate: SendGate;
  private readonly leaseMs: number;
  private readonly batchSize: number;
  private stopping = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  /** Claimed rows not yet settled: their leases are kept alive by the heartbeat. */
  private readonly inFlight = new Set<number>();
  private heartbeat: NodeJS.Timeout | null = null;
  /** One pace per push subscription: a slow or throttling subscriber holds up only itself. */
  private readonly pushPacers = new Map<string, Pacer>();
  /**
   * One push in flight per subscription: the next waits until the previous is answered, so a
   * Retry-After heard on one holds the next however slow the answer (a pace slot alone does not).
   */
  private readonly pushLanes = new Map<string, Promise<unknown>>();

  constructor(private readonly deps: DispatcherDeps) {
    this.owner = deps.owner ?? `dispatcher-${randomUUID()}`;
    this.pacer = new Pacer(
      deps.config.proactive.maxPerSecond,
      deps.config.proactive.conversationIntervalMs,
    );
    this.gate = new SendGate(deps.maxConcurrentSends ?? 16);
    this.leaseMs = deps.leaseMs ?? deps.config.proactive.leaseMs;
    // A batch must be sent well within its lease, or another instance takes rows still queued here.
    const sendable = Math.floor((deps.config.proactive.maxPerSecond * this.leaseMs) / 1000 / 4);
    this.batchSize = deps.batchSize ?? Math.max(10, Math.min(500, sendable));
  }

  /** Sends everything due by `dueBy`, batch after batch, and returns what happened. */
  async runOnce(dueBy: Date = this.deps.store.now()): Promise<DispatchStats> {
    const stats: DispatchStats = {
      sent: 0,
      retry: 0,
      waiting: 0,
      dead: 0,
      cancelled: 0,
      released: 0,
    };
    const count = (outcomes: (keyof DispatchStats)[]) => {
      for (const outcome of outcomes) stats[outcome]++;
    };
    // Batches overlap: while one batch sends in its paced slots, the next is claimed, rendered and
    // given the slots that follow, so the pace does not stop between batches. Two at most.
    const batches: Promise<(keyof DispatchStats)[]>[] = [];
    this.startHeartbeat();
    try {
      await this.claimAndSend(dueBy, batches, count);
      for (const batch of batches) count(await batch);
    } finally {
      await Promise.allSettled(batches);
      this.stopHeartbeat();
    }
    return stats;
  }

  private async claimAndSend(
    dueBy: Date,
    batches: Promise<(keyof DispatchStats)[]>[],
    count: (outcomes: (keyof DispatchStats)[]) => void,
  ): Promise<void> {
    while (!this.stopping) {
      while (batches.length >= 2) count(await (batches.shift() as (typeof batches)[number]));
      const rows = await this.deps.store.claimDue({
        owner: this.owner,
        dueBy,
        leaseMs: this.leaseMs,
        limit: this.batchSize,
        kinds: this.deps.kinds,
      });
      if (rows.length === 0) break;
      for (const row of rows) this.inFlight.add(Number(row.id));
      // A batch's shared writes (tokens) in one go; if they fail, each row makes its own.
      await this.deps.render.prepare?.(rows).catch((error: Error) => {
        this.deps.logger.warn(
          { err: error.message },
          'preparing a batch failed; rendering row by row',
        );
      });
      const outcomes: Promise<keyof DispatchStats>[] = [];
      const ordered = interleave(rows);
      // Rendered a few at a time, letting the timers of earlier sends fire between them: a whole
      // batch rendered at once (SQLite answers without yielding) would hold them back and then
      // release them together, a burst that the limits refuse.
      for (let i = 0; i < ordered.length; i += PREPARE_CHUNK) {
        const ready = ordered
          .slice(i, i + PREPARE_CHUNK)
          .map((row) => new Promise<void>((resolve) => outcomes.push(this.deliver(row, resolve))));
        await Promise.all(ready);
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      batches.push(Promise.all(outcomes));
      if (rows.length < this.batchSize) break;
    }
  }

  /**
   * While a batch is in flight (queued for a send slot, rendering, sending), its leases are
   * extended every third of a lease, so a slow batch is not claimed again by another instance
   * while its sends are still going out. The extension is fenced like a send (see fenceLease):
   * a lease that lapsed (this process stalled longer than a lease) is not revived, and the fence
   * before each send then refuses to send that row.
   */
  private startHeartbeat(): void {
    if (this.heartbeat) return;
    const beat = async () => {
      const ids = [...this.inFlight];
      try {
        await this.deps.store.extendLeases(ids, this.owner, this.leaseMs);
      } catch (error) {
        this.deps.logger.warn({ err: (error as Error).message }, 'outbox lease heartbeat failed');
      }
      if (this.heartbeat) this.heartbeat = setTimeout(beat, Math.max(100, this.leaseMs / 3));
    };
    this.heartbeat = setTimeout(beat, Math.max(100, this.leaseMs / 3));
  }

  private stopHeartbeat(): void {
    if (this.heartbeat) clearTimeout(this.heartbeat);
    this.heartbeat = null;
  }

  /** `ready` is called once the row has its send slot (or needs none): the next one may be prepared. */
  private async deliver(
    row: OutboxRow,
    ready: () => void = () => {},
  ): Promise<keyof DispatchStats> {
    const { store, logger } = this.deps;
    let outcome: Outcome | 'released';
    let settled: boolean;
    try {
      outcome = await this.attempt(row, ready);
      ready();
      if (outcome === 'released') return 'released';
      settled = await store.settle(Number(row.id), this.owner, outcome);
    } finally {
      this.inFlight.delete(Number(row.id));
    }
    proactiveSends.inc({ kind: row.kind, result: outcome.status });
    const log = {
      outboxId: row.id,
      kind: row.kind,
      outcome: outcome.status,
      attempts: row.attempts + 1,
    };
    if (!settled)
      logger.warn(log, 'outbox lease lost before settling; another instance owns the row');
    else if (outcome.status === 'dead')
      logger.error({ ...log, error: outcome.error }, 'proactive message dead-lettered');
    else logger.debug(log, 'proactive message settled');
    return outcome.status;
  }

  private async attempt(row: OutboxRow, ready: () => void): Promise<Outcome | 'released'> {
    if (row.kind === EVENT_PUSH_KIND) return this.attemptPush(row, ready);
    const { store, render } = this.deps;
    try {
      const recipient = await store.findRecipient(row);
      if (!recipient)
        return { status: 'waiting', error: 'the recipient has never talked to the bot' };
      if (!recipient.reachable)
        return { status: 'waiting', error: 'the recipient cannot be reached now' };
      const rendered = await render(row, recipient);
      if ('skip' in rendered) return { status: 'cancelled', error: `not sent: ${rendered.skip}` };
      const key = recipient.aadObjectId;
      const wait = this.pacer.reserve(key);
      ready();
      await sleep(wait);
      return await this.gate.run(() => this.fencedSend(row, recipient, rendered.activity, key));
    } catch (error) {
      // Our own failure (the database, a renderer): try again later, like a 5xx.
      return this.retryOrDie(row, `internal: ${(error as Error).message}`, null);
    }
  }

  private async fencedSend(
    row: OutboxRow,
    recipient: Recipient,
    activity: Extract<Rendered, { activity: unknown }>['activity'],
    key: string,
  ): Promise<Outcome | 'released'> {
    const { store, channel } = this.deps;
    const { sendTimeoutMs } = this.deps.config.proactive;
    const leaseEnd = await this.fence(row, sendTimeoutMs);
    if (!leaseEnd) return 'released';
    // The slot was a plan; the limits count the sends actually made (see Pacer.sendWait). A
    // wait here must leave the lease a whole send, like the fence.
    for (let wait = this.pacer.sendWait(key); wait > 0; wait = this.pacer.sendWait(key)) {
      if (store.now().getTime() + wait + sendTimeoutMs >= leaseEnd.getTime()) return 'released';
      await sleep(wait);
    }
    try {
      const { createdReference } = await channel.send(recipient, activity);
      if (createdReference)
        await store.saveReachability(recipient.aadObjectId, { conversationRef: createdReference });
      return { status: 'sent' };
    } catch (error) {
      const failure = classify(error);
      if (failure.kind === 'unreachable') {
        await store.markUnreachable(recipient.aadObjectId);
        return { status: 'waiting', error: failure.message };
      }
      if (failure.kind === 'fatal') return { status: 'dead', error: failure.message };
      if (failure.status === 429) this.pacer.pause(key, failure.retryAfter ?? 1000);
      return this.retryOrDie(row, failure.message, failure.retryAfter);
    }
  }

  /**
   * The fence: the lease is checked and extended in the same statement, right before the send.
   * Lost (this process stalled past its lease, and another instance may have the row now):
   * never sent by this owner. Held, but the fence itself took so long that the lease would not
   * cover a whole send: left for whoever claims it next. Returns the lease's end when held.
   */
  private async fence(row: OutboxRow, sendTimeoutMs: number): Promise<Date | null> {
    const { store } = this.deps;
    const leaseEnd = await store.fenceLease(Number(row.id), this.owner, this.leaseMs);
    return leaseEnd && store.now().getTime() + sendTimeoutMs < leaseEnd.getTime() ? leaseEnd : null;
  }

  /**
   * A webhook push (issue 17): the subscription as it is now (removed: cancelled; suspended:
   * held until it is resumed), its own pace, then a signed POST. Failures are the outbox's
   * retries with backoff (Retry-After honoured), and counted on the subscription: the
   * SUBSCRIPTION_SUSPEND_AFTER-th in a row suspends it, and the row waits with the others.
   */
  private async attemptPush(row: OutboxRow, ready: () => void): Promise<Outcome | 'released'> {
    const { store, push } = this.deps;
    try {
      if (!push) throw new Error('this dispatcher does not send webhook pushes');
      const read = readPayload(eventPushPayload, row.payload);
      if (!read.ok) return { status: 'cancelled', error: `not sent: ${row.kind}: ${read.error}` };
      const { subscriptionId, event } = read.payload;
      const subscription = await store.getSubscription(subscriptionId);
      if (!subscription) return { status: 'cancelled', error: 'not sent: subscription removed' };
      if (subscription.state === 'suspended')
        return { status: 'waiting', error: 'the subscription is suspended' };
      let pacer = this.pushPacers.get(subscriptionId);
      if (!pacer) {
        pacer = new Pacer(push.maxPerSecond, 0);
        this.pushPacers.set(subscriptionId, pacer);
      }
      const defer = async (ms: number) => {
        // Not slept here: the batch (and the Teams messages beside it) would wait with it.
        await store.deferRow(Number(row.id), this.owner, new Date(store.now().getTime() + ms));
        return 'released' as const;
      };
      const wait = pacer.reserve(subscriptionId);
      if (wait > DEFER_PUSH_AFTER_MS) return await defer(wait);
      ready();
      await sleep(wait);
      return await this.inPushLane(subscriptionId, () =>
        this.gate.run(async () => {
          // A Retry-After heard while this one waited for its slot or its lane holds it too.
          if (pacer.pausedFor() > 0) return await defer(pacer.pausedFor());
          if (!(await this.fence(row, push.timeoutMs))) return 'released';
          const result = await push.send(subscription, event);
          if (result.ok) {
            await store.recordPushResult(subscriptionId, { ok: true });
            return { status: 'sent' } as const;
          }
          if (result.retryAfterMs !== null) pacer.pause(null, result.retryAfterMs);
          const counted = await store.recordPushResult(subscriptionId, {
            ok: false,
            error: result.message,
            suspendAfter: push.suspendAfter,
          });
          if (counted.justSuspended) {
            subscriptionSuspensions.inc();
            this.deps.logger.error(
              // Not the URL: a receiver may carry a token in its query string.
              { subscriptionId, error: result.message },
              'push subscription suspended',
            );
          }
          if (counted.suspended) {
            return {
              status: 'waiting',
              error: `${result.message}; the subscription is suspended after ${push.suspendAfter} failures in a row`,
            } as const;
          }
          return this.retryOrDie(row, result.message, result.retryAfterMs);
        }),
      );
    } catch (error) {
      return this.retryOrDie(row, `internal: ${(error as Error).message}`, null);
    }
  }

  /** Runs `send` after every earlier push to this subscription has settled. */
  private async inPushLane<T>(subscriptionId: string, send: () => Promise<T>): Promise<T> {
    const previous = this.pushLanes.get(subscriptionId) ?? Promise.resolve();
    // The lane holds settled promises only (never rejected), so `send` always runs.
    const mine = previous.then(send);
    const settled = mine.catch(() => {});
    this.pushLanes.set(subscriptionId, settled);
    try {
      return await mine;
    } finally {
      // The last in the lane clears it, so an idle subscription keeps nothing.
      if (this.pushLanes.get(subscriptionId) === settled) this.pushLanes.delete(subscriptionId);
    }
  }

  private retryOrDie(row: OutboxRow, error: string, retryAfter: number | null): Outcome {
    if (row.attempts + 1 >= this.deps.config.proactive.maxAttempts)
      return { status: 'dead', error };
    const wait = Math.max(retryAfter ?? 0, backoffMs(row.attempts));
    return { status: 'retry', dueAt: new Date(this.deps.store.now().getTime() + wait), error };
  }

  /** Polls the outbox until stopped; `kick` makes it look at once (after a write that queued). */
  start(pollMs = 1000): void {
    if (this.loop) return;
    this.loop = (async () => {
      while (!this.stopping) {
        try {
          await this.deps.beforeRound?.();
          await this.runOnce();
        } catch (error) {
          this.deps.logger.warn(
            { err: (error as Error).message },
            'dispatch round failed; retrying',
          );
        }
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, pollMs);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.wake = null;
      }
    })();
  }

  kick(): void {
    this.wake?.();
  }

  /** Stops taking rows, lets the sends in flight finish, and frees the leases it still holds. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.kick();
    await this.loop;
    await this.deps.store.releaseLeases(this.owner);
  }
}
