import { randomUUID } from 'node:crypto';
import type { Middleware, TurnContext } from 'botbuilder';
import type { Logger } from '../../log/logger.js';
import { turnSeconds, turns } from '../../metrics/metrics.js';

export const TURN_LOG = Symbol('esd-bot.turnLog');

/** The turn's logger: every line carries the turn's correlation id. */
export function turnLog(context: TurnContext, fallback: Logger): Logger {
  return (context.turnState.get(TURN_LOG) as Logger | undefined) ?? fallback;
}

/** Counts and times every turn, and gives it a logger with a correlation id. */
export function observeTurn(logger: Logger): Middleware {
  return {
    async onTurn(context: TurnContext, next: () => Promise<void>) {
      const type = context.activity.type ?? 'unknown';
      const log = logger.child({ turnId: context.activity.id ?? randomUUID(), activityType: type });
      context.turnState.set(TURN_LOG, log);
      const stop = turnSeconds.startTimer({ type });
      let outcome = 'error';
      try {
        await next();
        outcome = 'ok';
      } finally {
        turns.inc({ type, outcome });
        log.debug({ outcome, seconds: stop() }, 'turn');
      }
    },
  };
}
