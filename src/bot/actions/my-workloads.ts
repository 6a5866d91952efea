import { t } from '../../i18n/translate.js';
import { engagementsCard } from '../cards/engagements-card.js';
import { noResponseCard } from '../cards/no-response-card.js';
import type { Card } from '../cards/templates.js';
import { presentCard, presentText } from '../present.js';
import type { BotTurn } from '../turn.js';

type Mine = Awaited<ReturnType<BotTurn['store']['workloadsAssignedTo']>>;

/**
 * A card over the person's own workloads, or "you have none" (the engagements list, the
 * "no response" and history pickers).
 */
export async function showMyWorkloads(
  { context, session, store }: BotTurn,
  card: (items: Mine) => Card,
): Promise<void> {
  const items = await store.workloadsAssignedTo(session.identity);
  if (items.length === 0) {
    await presentText(context, t(session.lang, 'general.noWorkloads'));
    return;
  }
  await presentCard(context, card(items));
}

/** "my engagements": the person's workloads, each with "change a date". */
export const showEngagements = (turn: BotTurn): Promise<void> =>
  showMyWorkloads(turn, (items) => engagementsCard(items, turn.session.lang));

/** "no response": pick the workload whose customer has not answered (R8). */
export const showNoResponsePicker = (turn: BotTurn): Promise<void> =>
  showMyWorkloads(turn, (items) => noResponseCard(items, turn.session.lang));
