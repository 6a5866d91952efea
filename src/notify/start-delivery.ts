import type { CloudAdapter } from 'botbuilder';
import type { Config } from '../config/config.js';
import type { Logger } from '../log/logger.js';
import { outboxWaitingOverWeek } from '../metrics/metrics.js';
import type { Purged, Store } from '../store/index.js';
import { Dispatcher } from './dispatcher.js';
import { createRenderer, type Renderer } from './render.js';
import { sweep } from './sweep.js';
import { TeamsChannel } from './teams-channel.js';

export const SWEEP_INTERVAL_MS = 60_000;
/** The retention purge runs hourly (and once at start); every instance may run it. */
export const PURGE_INTERVAL_MS = 3_600_000;

export interface Delivery {
  dispatcher: Dispatcher;
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
}): Delivery {
  const { store, config, logger } = deps;
  const dispatcher = new Dispatcher({
    store,
    config,
    logger,
    channel: new TeamsChannel(deps.adapter, config.bot.appId ?? '', config.proactive.sendTimeoutMs),
    render: createRenderer(store, deps.renderers),
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
    sweepNow,
    purgeNow,
    start() {
      dispatcher.start();
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
      await dispatcher.stop();
    },
  };
}
