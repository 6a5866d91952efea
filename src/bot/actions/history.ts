import { z } from '../../config/zod.js';
import { admit } from '../access.js';
import { historyCard } from '../cards/history-card.js';
import { cardExpiredText } from '../cards/labels.js';
import { pickWorkloadCard } from '../cards/picker-cards.js';
import { tenantHistoryCard } from '../cards/tenant-history-card.js';
import { presentCard, presentText } from '../present.js';
import type { BotTurn } from '../turn.js';
import { VERB } from '../verbs.js';
import { text } from './limits.js';
import { showMyWorkloads } from './my-workloads.js';
import { pickOneTenant } from './tenant.js';

const submission = z.object({ workload: text(200) });

/**
 * Shows one workload's history. Reading follows the same rule as changing (domain/access.ts): a
 * forged card naming another FM's workload gets "not yours" and nothing of it.
 */
export async function showHistory(
  { context, session, store }: BotTurn,
  data: unknown,
): Promise<void> {
  const lang = session.lang;
  const parsed = submission.safeParse(data);
  const found = parsed.success ? await store.getWorkload(parsed.data.workload) : null;
  if (!found) {
    await presentText(context, cardExpiredText('history', lang));
    return;
  }
  if (!(await admit(context, { channels: [found.workload.channel] }))) return;
  const changes = await store.workloadHistory(found.workload.id);
  await presentCard(
    context,
    historyCard(
      { tenant: found.tenant, workload: found.workload, changes, timeZone: session.timeZone },
      lang,
    ),
    'replace',
  );
}

/**
 * "history": a picker of the person's workloads, each leading to its history (showHistory);
 * "history contoso": every change of that customer's dates.
 */
export async function showHistoryCommand(turn: BotTurn, args: string): Promise<void> {
  const { context, session, store } = turn;
  if (!args) {
    await showMyWorkloads(turn, (items) =>
      pickWorkloadCard(
        items,
        { verb: VERB.history, title: 'history.pickTitle', submit: 'history.show' },
        session.lang,
      ),
    );
    return;
  }
  const found = await pickOneTenant(turn, args);
  if (!found) return;
  const { tenant, workloads } = found;
  const changes = await store.tenantHistory(tenant.id);
  await presentCard(
    context,
    tenantHistoryCard({ tenant, workloads, changes, timeZone: session.timeZone }, session.lang),
  );
}
