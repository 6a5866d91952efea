import type { CloudAdapter } from 'botbuilder';
import type { Config } from '../config/config.js';
import type { Logger } from '../log/logger.js';
import type { Store } from '../store/store.js';
import { Dispatcher } from './dispatcher.js';
import { createRenderer, type Renderer } from './render.js';
import { sweep } from './sweep.js';
import { TeamsChannel } from './teams-channel.js';

export const SWEEP_INTERVAL_MS = 60_000;

export interface Delivery {
  dispatcher: Dispatcher;
  /** One sweep as of `asOf` (default now): queues due reminders and digests. */
  sweepNow(asOf?: Date): Promise<{ reminders: number; digests: number }>;
  /** Starts the minute sweep and the dispatcher loop (the server does; the CLI does not). */
  start(): void;
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
    ctx: store.ctx,
    config,
    logger,
    channel: new TeamsChannel(deps.adapter, config.bot.appId ?? '', config.proactive.sendTimeoutMs),
    render: createRenderer(store.ctx, deps.renderers),
  });
  let timer: NodeJS.Timeout | null = null;
  const sweepNow = async (asOf = store.ctx.now()) => {
    const queued = await sweep(store.ctx, config, asOf);
    if (queued.reminders + queued.digests > 0) {
      logger.info({ ...queued, asOf: asOf.toISOString() }, 'reminders queued');
      dispatcher.kick();
    }
    return queued;
  };
  return {
    dispatcher,
    sweepNow,
    start() {
      dispatcher.start();
      const run = () =>
        sweepNow().catch((error: Error) =>
          logger.warn({ err: error.message }, 'reminder sweep failed'),
        );
      void run();
      timer = setInterval(run, SWEEP_INTERVAL_MS);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      await dispatcher.stop();
    },
  };
}
