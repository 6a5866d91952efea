import {
  type Activity,
  type AdaptiveCardInvokeResponse,
  CardFactory,
  type TurnContext,
} from 'botbuilder';
import type { Card } from './cards/templates.js';

const REPLACEMENT = Symbol('esd-bot.replacementCard');

export function isCardActionInvoke(context: TurnContext): boolean {
  return context.activity.type === 'invoke' && context.activity.name === 'adaptiveCard/action';
}

/**
 * Shows a card. 'replace' puts it in place of the card the person just acted on: as the answer to
 * an Action.Execute invoke, or by updating the message for the Action.Submit fallback, so a
 * submitted form cannot be pressed twice. 'new' posts a new message.
 */
export async function presentCard(
  context: TurnContext,
  card: Card,
  mode: 'replace' | 'new' = 'new',
  suggestions: readonly string[] = [],
): Promise<void> {
  await showCard(context, card, mode, suggestions);
}

/** presentCard, returning the id of the message that now shows the card (for updateCard). */
export async function showCard(
  context: TurnContext,
  card: Card,
  mode: 'replace' | 'new',
  suggestions: readonly string[] = [],
): Promise<string | undefined> {
  if (mode === 'replace') {
    const replyToId = context.activity.replyToId;
    if (isCardActionInvoke(context)) {
      context.turnState.set(REPLACEMENT, card);
      return replyToId;
    }
    if (context.activity.value && replyToId && (await updateCard(context, replyToId, card)))
      return replyToId;
  }
  const sent = await context.sendActivity({
    attachments: [CardFactory.adaptiveCard(card)],
    ...suggestedActions(context, suggestions),
  });
  return sent?.id;
}

/**
 * Puts `card` in place of the message `id` (a card shown earlier in this conversation). False
 * when the channel cannot update it; the caller decides what to show instead.
 */
export async function updateCard(context: TurnContext, id: string, card: Card): Promise<boolean> {
  try {
    await context.updateActivity({
      id,
      type: 'message',
      attachments: [CardFactory.adaptiveCard(card)],
    });
    return true;
  } catch {
    // Not every channel can update a message (or the message is gone).
    return false;
  }
}

export async function presentText(
  context: TurnContext,
  text: string,
  suggestions: readonly string[] = [],
): Promise<void> {
  await context.sendActivity({
    type: 'message',
    text,
    textFormat: 'markdown',
    ...suggestedActions(context, suggestions),
  });
}

/**
 * Suggested actions (the next commands to try, as buttons above the compose box), where Teams
 * shows them: in a personal chat only (issue 16). Each sends its title as a typed command.
 */
export function suggestedActions(
  context: TurnContext,
  commands: readonly string[],
): Partial<Activity> {
  const personal = (context.activity.conversation?.conversationType ?? 'personal') === 'personal';
  if (!personal || commands.length === 0) return {};
  return {
    suggestedActions: {
      to: [context.activity.from.id],
      actions: commands.map((command) => ({ type: 'imBack', title: command, value: command })),
    },
  };
}

/** The answer to an Action.Execute invoke: the replacement card, or a plain acknowledgement. */
export function invokeResponse(context: TurnContext): AdaptiveCardInvokeResponse {
  const card = context.turnState.get(REPLACEMENT) as Card | undefined;
  if (card)
    return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card };
  return {
    statusCode: 200,
    type: 'application/vnd.microsoft.activity.message',
    value: 'OK' as never,
  };
}
