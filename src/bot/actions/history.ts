import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { t } from '../../i18n/translate.js';
import { admit } from '../access.js';
import { historyCard } from '../cards/history-card.js';
import { presentCard, presentText } from '../present.js';
import { getSession } from '../session.js';
import { text } from './limits.js';

const submission = z.object({ workload: text(200) });

/**
 * Shows one workload's history. Reading follows the same rule as changing (domain/access.ts): a
 * forged card naming another FM's workload gets "not yours" and nothing of it.
 */
export async function showHistory(context: TurnContext, data: unknown): Promise<void> {
  const session = getSession(context);
  const { store } = session.services;
  const lang = session.lang;
  const parsed = submission.safeParse(data);
  const found = parsed.success ? await store.getWorkload(parsed.data.workload) : null;
  if (!found) {
    await presentText(
      context,
      t(lang, 'general.cardExpired', { command: t(lang, 'command.history') }),
    );
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
