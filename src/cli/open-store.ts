import { type Config, ConfigError, loadConfig } from '../config/config.js';
import { Store } from '../store/index.js';

/** Opens the configured database for a CLI command (same file or server as the bot). */
export async function openConfiguredStore(config: Config): Promise<Store> {
  const target =
    config.database.kind === 'postgres'
      ? { kind: 'postgres' as const, url: config.database.url }
      : { kind: 'sqlite' as const, path: config.database.path };
  return Store.open(target, {
    window: config.esdWindow,
    overwritePolicy: config.overwritePolicy,
    poolSize: 2,
  });
}

/** Runs a CLI command: configuration and usage errors print one clear message and exit 1 or 2. */
export async function runCli(
  command: (config: Config) => Promise<number | undefined>,
): Promise<never> {
  try {
    const code = await command(loadConfig());
    process.exit(code ?? 0);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof UsageError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(error instanceof UsageError ? 2 : 1);
    }
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}

export class UsageError extends Error {
  constructor(message: string, usage: string) {
    super(`${message}\n\n${usage}`);
    this.name = 'UsageError';
  }
}
