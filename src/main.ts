import { type Config, ConfigError, loadConfig } from './config/config.js';
import { createServer, listen } from './http/server.js';
import { createLogger } from './log/logger.js';
import { seedDemoData } from './store/demo-data.js';
import { Store } from './store/store.js';

async function main(config: Config): Promise<void> {
  const logger = createLogger(config.logLevel);
  const target =
    config.database.kind === 'postgres'
      ? { kind: 'postgres' as const, url: config.database.url }
      : { kind: 'sqlite' as const, path: config.database.path };
  const store = await Store.open(target, { window: config.esdWindow });
  logger.info(
    {
      engine: store.engine,
      path: config.database.kind === 'sqlite' ? config.database.path : undefined,
    },
    'database ready',
  );

  if (config.demoData && (await store.isEmpty())) {
    const seeded = await seedDemoData(store);
    logger.info(seeded, 'empty database: demo data loaded (DEMO_DATA=false to skip)');
  }

  const server = createServer({ store, logger });
  const { port } = await listen(server, config.port, config.host);
  if (config.bot.localMode) {
    logger.warn(
      { host: config.host, port },
      'local mode: no MicrosoftAppId, so requests are not authenticated; listening on loopback only',
    );
  }
  logger.info({ url: `http://${config.host}:${port}` }, 'esd-bot listening');

  const stop = async (signal: string) => {
    logger.info({ signal }, 'shutting down');
    server.close();
    await store.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

try {
  await main(loadConfig());
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(
      `esd-bot failed to start: ${error instanceof Error ? error.stack : String(error)}\n`,
    );
  }
  process.exit(1);
}
