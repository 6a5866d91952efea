import type { Middleware, TurnContext } from 'botbuilder';

/**
 * Runs the turns of one conversation one at a time within this process. Bot state is saved
 * last-write-wins, so two concurrent turns of one conversation would otherwise lose dialog state.
 */
export function serializeTurns(): Middleware {
  const tails = new Map<string, Promise<void>>();
  return {
    async onTurn(context: TurnContext, next: () => Promise<void>) {
      const key = context.activity.conversation?.id ?? '';
      const previous = tails.get(key) ?? Promise.resolve();
      let release!: () => void;
      const mine = new Promise<void>((resolve) => {
        release = resolve;
      });
      const tail = previous.then(() => mine);
      tails.set(key, tail);
      await previous;
      try {
        await next();
      } finally {
        release();
        // The last turn in line cleans up, so the map does not grow with every conversation.
        if (tails.get(key) === tail) tails.delete(key);
      }
    },
  };
}
