import type { Bot } from '../bot/adapter.js';
import type { Config } from '../config/config.js';
import type { Logger } from '../log/logger.js';
import type { Store } from '../store/index.js';

/** What the HTTP server and its route modules are given by app.ts. */
export interface ServerDeps {
  store: Store;
  logger: Logger;
  bot: Bot;
  config: Config;
  now: () => Date;
}
