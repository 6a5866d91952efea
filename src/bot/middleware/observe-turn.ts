import { randomUUID } from 'node:crypto';
import type { Middleware, TurnContext } from 'botbuilder';
import type { Logger } from '../../log/logger.js';
import { activityTypeLabel, turnSeconds, turns } from '../../metrics/metrics.js';

export const TURN_LOG = Symbol('esd-bot.turnLog');

/** The turn's logger: every line carries the turn's correlation id. */
export function turnLog(context: TurnContext, fallback: Logger): Logger {
  return (context.turnState.get(TURN_LOG) as (() => Logger) | undefined)?.() ?? fallback;
}

/** Counts and times every turn, and gives it a logger with a correlation id. */
export function observeTurn(logger: Logger): Middleware {
  return {
    async onTurn(context: TurnContext, next: () => Promise<void>) {
      // The metric's label is one of a closed set; the log line keeps what was sent (cut short).
      const type = activityTypeLabel(context.activity.type);
      // The child logger is made when the turn first logs: most turns log nothing at info level,
      // and pino's child() (bindings serialized, a prototype made) is ~5 µs of every turn.
      let log: Logger | undefined;
      const turnLogger = () => {
        log ??= logger.child({
          turnId: context.activity.id ?? randomUUID(),
          activityType: String(context.activity.type ?? 'unknown').slice(0, 64),
        });
        return log;
      };
      context.turnState.set(TURN_LOG, turnLogger);
      const stop = turnSeconds.startTimer({ type });
      let outcome = 'error';
      try {
        await next();
        outcome = 'ok';
      } finally {
        turns.inc({ type, outcome });
        const seconds = stop();
        if (logger.isLevelEnabled('debug')) turnLogger().debug({ outcome, seconds }, 'turn');
      }
    },
  };
}
