import { t } from '../../i18n/translate.js';
import {
  canSeeCapacity,
  capacityRange,
  computeCapacity,
  parseCapacityArgs,
} from '../../reports/index.js';
import { capacityCard } from '../cards/capacity-card.js';
import { presentCard, presentText } from '../present.js';
import type { BotTurn } from '../turn.js';

/** "capacity": for the Gateway Team and managers, who assign and balance FMs. */
export async function showCapacity(
  { context, session, store, config }: BotTurn,
  args: string,
): Promise<void> {
  if (!canSeeCapacity(await session.actor())) {
    await presentText(context, t(session.lang, 'capacity.notAllowed'));
    return;
  }
  const weeks = config.reports.capacityWeeks;
  const range = capacityRange(session.today, weeks);
  const data = await store.capacityData(range.from, range.to);
  const report = computeCapacity({
    ...data,
    today: session.today,
    weeks,
    filter: parseCapacityArgs(args),
  });
  await presentCard(context, capacityCard(report, session.lang));
}
