import { computeTimeline, pickTenant } from '../../reports/index.js';
import { tenantPickText, tenantTimelineCard } from '../cards/tenant-timeline-card.js';
import { presentCard, presentText } from '../present.js';
import type { BotTurn } from '../turn.js';

type TenantMatch = Awaited<ReturnType<BotTurn['store']['tenantsMatching']>>[number];

/**
 * The one customer `args` names, as the person may see it; otherwise answers "which one?" or
 * "none" (tenantPickText) and returns null.
 */
export async function pickOneTenant(
  { context, session, store }: BotTurn,
  args: string,
): Promise<TenantMatch | null> {
  const matches = args ? await store.tenantsMatching(args) : [];
  const pick = pickTenant(args, matches, await session.actor());
  if (pick.status === 'one') return pick.found;
  await presentText(context, tenantPickText(pick, args, session.lang));
  return null;
}

/** "tenant contoso": the customer's timeline. */
export async function showTenantTimeline(turn: BotTurn, args: string): Promise<void> {
  const found = await pickOneTenant(turn, args);
  if (!found) return;
  await presentCard(
    turn.context,
    tenantTimelineCard(computeTimeline(found.tenant, found.workloads), turn.session.lang),
  );
}
