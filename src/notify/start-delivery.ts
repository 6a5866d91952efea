import type { CloudAdapter } from 'botbuilder';
import type { Config } from '../config/config.js';
import type { Logger } from '../log/logger.js';
import { outboxWaitingOverWeek } from '../metrics/metrics.js';
import { EVENT_PUSH_KIND, type Purged, type Store } from '../store/index.js';
import { Dispatcher } from './dispatcher.js';
import { httpPushSender, type PushSender, pumpSubscriptions } from './push.js';
import { createRenderer, type Renderer } from './render.js';
import { sweep } from './sweep.js';
import { TeamsChannel } from './teams-channel.js';

export const SWEEP_INTERVAL_MS = 60_000;
/** The retention purge runs hourly (and once at start); every instance may run it. */
export const PURGE_INTERVAL_MS = 3_600_000;

export interface Delivery {
  /** Teams messages (every kind but webhook pushes). */
  dispatcher: Dispatcher;
  /**
   * Webhook pushes of the event feed (issue 17): the same outbox (leases, retries, backoff, dead
   * letters), claimed apart so that a slow subscriber never holds a batch of Teams messages.
   * Each round starts with the pump, which queues what the subscriptions have not had yet.
   */
  pushDispatcher: Dispatcher;
  /** Queues new events for the push subscriptions (each push round does it too). */
  pumpNow(): Promise<number>;
  /** Makes both dispatchers look at the outbox now (after a write that queued). */
  kick(): void;
  /** One sweep as of `asOf` (default now): queues due reminders and digests. */
  sweepNow(asOf?: Date): Promise<{ reminders: number; digests: number }>;
  /** Starts the minute sweep and the dispatcher loop (the server does; the CLI does not). */
  start(): void;
  /** One retention purge (and the long-waiting gauge), as every instance runs it hourly. */
  purgeNow(): Promise<Purged>;
  stop(): Promise<void>;
}

export function createDelivery(deps: {
  store: Store;
  config: Config;
  logger: Logger;
  adapter: CloudAdapter;
  renderers?: Record<string, Renderer>;
  /** How pushes go out (a test double in tests); HTTP POST by default. */
  pushSender?: PushSender;
}): Delivery {
  const { store, config, logger } = deps;
  const channel = new TeamsChannel(
    deps.adapter,
    config.bot.appId ?? '',
    config.proactive.sendTimeoutMs,
  );
  const render = createRenderer(store, deps.renderers);
  const dispatcher = new Dispatcher({
    store,
    config,
    logger,
    channel,
    render,
    kinds: { except: [EVENT_PUSH_KIND] },
  });
  const pumpNow = () => pumpSubscriptions(store);
  const pushDispatcher = new Dispatcher({
    store,
    config,
    logger,
    channel,
    render,
    kinds: { only: [EVENT_PUSH_KIND] },
    push: {
      send: deps.pushSender ?? httpPushSender(config.subscriptions.timeoutMs, () => store.now()),
      suspendAfter: config.subscriptions.suspendAfter,
      maxPerSecond: config.subscriptions.maxPerSecond,
      timeoutMs: config.subscriptions.timeoutMs,
    },
    beforeRound: () =>
      pumpNow().catch((error: Error) => logger.warn({ err: error.message }, 'push pump failed')),
  });
  let timer: NodeJS.Timeout | null = null;
  let purgeTimer: NodeJS.Timeout | null = null;
  const purgeNow = async () => {
    const purged = await store.purgeExpired(config.retention);
    outboxWaitingOverWeek.set(await store.countLongWaiting(7));
    if (purged.botState + purged.outbox + purged.webhookReplays + purged.events > 0)
      logger.info({ ...purged }, 'retention purge');
    return purged;
  };
  const sweepNow = async (asOf = store.now()) => {
    const queued = await sweep(store, config, asOf);
    if (queued.reminders + queued.digests > 0) {
      logger.info({ ...queued, asOf: asOf.toISOString() }, 'reminders queued');
      dispatcher.kick();
    }
    return queued;
  };
  return {
    dispatcher,
    pushDispatcher,
    pumpNow,
    kick() {
      dispatcher.kick();
      pushDispatcher.kick();
    },
    sweepNow,
    purgeNow,
    start() {
      dispatcher.start();
      pushDispatcher.start();
      const run = () =>
        sweepNow().catch((error: Error) =>
          logger.warn({ err: error.message }, 'reminder sweep failed'),
        );
      void run();
      timer = setInterval(run, SWEEP_INTERVAL_MS);
      timer.unref();
      const purge = () =>
        purgeNow().catch((error: Error) =>
          logger.warn({ err: error.message }, 'retention purge failed'),
        );
      void purge();
      purgeTimer = setInterval(purge, PURGE_INTERVAL_MS);
      purgeTimer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      if (purgeTimer) clearInterval(purgeTimer);
      await Promise.all([dispatcher.stop(), pushDispatcher.stop()]);
    },
  };
}
