import { startApp } from './app.js';
import { type Config, ConfigError, loadConfig } from './config/config.js';
import { startAppInsights } from './log/app-insights.js';
import { createLogger } from './log/logger.js';

/** How long SIGTERM waits for turns in flight and sends in progress before giving up. */
const SHUTDOWN_TIMEOUT_MS = 10_000;

async function main(config: Config): Promise<void> {
  const logger = createLogger(config.logLevel);
  await startAppInsights(config.appInsightsConnectionString, logger);
  const app = await startApp(config, logger);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: no new work; finishing turns in flight');
    const deadline = setTimeout(() => {
      logger.error({ timeoutMs: SHUTDOWN_TIMEOUT_MS }, 'shutdown timed out; exiting anyway');
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS);
    deadline.unref();
    // Stop accepting, let requests in flight finish, stop the dispatcher (leases released), close the database.
    app.close().then(
      () => {
        logger.info('stopped cleanly');
        process.exit(0);
      },
      (error: Error) => {
        logger.error({ err: error.message }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
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
