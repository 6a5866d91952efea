import { startApp } from './app.js';
import { type Config, ConfigError, loadConfig } from './config/config.js';
import { createLogger } from './log/logger.js';

async function main(config: Config): Promise<void> {
  const logger = createLogger(config.logLevel);
  const app = await startApp(config, logger);
  const stop = async (signal: string) => {
    logger.info({ signal }, 'shutting down');
    await app.close();
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
