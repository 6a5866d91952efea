import type { Config } from '../config/config.js';
import type { Logger } from '../log/logger.js';
import type { Store } from '../store/index.js';

/** What the bot needs from the rest of the application. */
export interface BotServices {
  store: Store;
  config: Config;
  logger: Logger;
  now: () => Date;
  /** Tells the dispatcher to look at the outbox now (after messages were queued or released). */
  kickDispatcher?: () => void;
}
