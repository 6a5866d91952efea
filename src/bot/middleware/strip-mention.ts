import { type Middleware, TurnContext } from 'botbuilder';

/**
 * Removes the bot's @mention from the text, once for every handler, and drops group and channel
 * messages that do not mention the bot (card submits carry no text and always pass).
 */
export function stripMention(): Middleware {
  return {
    async onTurn(context: TurnContext, next: () => Promise<void>) {
      const activity = context.activity;
      if (activity.type === 'message' && typeof activity.text === 'string') {
        const mentioned = TurnContext.getMentions(activity).some(
          (m) => m.mentioned?.id === activity.recipient?.id,
        );
        const personal = (activity.conversation?.conversationType ?? 'personal') === 'personal';
        if (!personal && !mentioned && !activity.value) return;
        if (mentioned) TurnContext.removeRecipientMention(activity);
        // Teams may leave the mention's <at> tags or entity-encoded spaces behind.
        activity.text = (activity.text ?? '')
          .replace(/<at>[^<]*<\/at>/g, '')
          .replace(/&nbsp;/g, ' ')
          .trim();
      }
      await next();
    },
  };
}
