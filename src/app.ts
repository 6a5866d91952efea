import type restify from 'restify';
import { createBot } from './bot/adapter.js';
import type { Config } from './config/config.js';
import { createServer, listen } from './http/server.js';
import type { Logger } from './log/logger.js';
import { trackOutboxDepth, trackSubscriptions } from './metrics/metrics.js';
import { createDelivery, type Delivery } from './notify/start-delivery.js';
import { Store } from './store/index.js';

export interface App {
  server: restify.Server;
  store: Store;
  delivery: Delivery;
  port: number;
  url: string;
  close(): Promise<void>;
}

export interface AppOptions {
  now?: () => Date;
  /** Run the reminder sweep and the outbox dispatcher (default true; tests drive them by hand). */
  background?: boolean;
  /** Overrides for botbuilder's authentication settings (tests point the OpenID metadata at a local server). */
  authOverrides?: Parameters<typeof createBot>[1];
}

/** Opens the database (migrating it), loads demo data into an empty one, and starts serving. */
export async function startApp(
  config: Config,
  logger: Logger,
  options: AppOptions = {},
): Promise<App> {
  const now = options.now ?? (() => new Date());
  const target =
    config.database.kind === 'postgres'
      ? { kind: 'postgres' as const, url: config.database.url }
      : { kind: 'sqlite' as const, path: config.database.path };
  const store = await Store.open(target, {
    window: config.esdWindow,
    overwritePolicy: config.overwritePolicy,
    now,
  });
  logger.info({ engine: store.engine }, 'database ready');

  if (config.demoData && (await store.isEmpty())) {
    const seeded = await store.seedDemoData();
    logger.info(seeded, 'empty database: demo data loaded (DEMO_DATA=false to skip)');
  }

  let delivery: Delivery | null = null;
  const bot = createBot(
    { store, config, logger, now, kickDispatcher: () => delivery?.kick() },
    options.authOverrides,
  );
  delivery = createDelivery({ store, config, logger, adapter: bot.adapter });
  if (options.background ?? true) delivery.start();
  trackOutboxDepth(() => store.outboxCounts());
  trackSubscriptions(() => store.subscriptionCounts());
  const server = createServer({ store, logger, bot, config, now });
  const { port } = await listen(server, config.port, config.host);
  if (config.bot.localMode) {
    logger.warn(
      { host: config.host, port },
      'local mode: no MicrosoftAppId, so requests are not authenticated; listening on loopback only',
    );
  }
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  logger.info({ url }, 'esd-bot listening');

  return {
    server,
    store,
    delivery,
    port,
    url,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await delivery.stop();
      await store.close();
    },
  };
}
