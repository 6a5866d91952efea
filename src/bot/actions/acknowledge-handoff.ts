import { z } from '../../config/zod.js';
import { isAssignedFm } from '../../domain/index.js';
import { t } from '../../i18n/translate.js';
import { admit } from '../access.js';
import { handoffNoticeCard } from '../cards/handoff-card.js';
import { presentCard, presentText } from '../present.js';
import type { BotTurn } from '../turn.js';
import { id } from './limits.js';

const submission = z.object({ handoffId: id });

/**
 * "Acknowledge" on a Gateway handoff card. Only the FM assigned to the customer's workloads may
 * acknowledge; the first acknowledgement is kept (a second press, or a press on another copy of
 * the card, changes nothing) and the card becomes a notice, so it cannot be pressed again.
 */
export async function acknowledgeHandoff(
  { context, session, store, now }: Pick<BotTurn, 'context' | 'session' | 'store' | 'now'>,
  data: unknown,
): Promise<void> {
  const lang = session.lang;
  const parsed = submission.safeParse(data);
  const details = parsed.success ? await store.getHandoffDetails(parsed.data.handoffId) : null;
  if (!parsed.success || !details) {
    await presentCard(
      context,
      handoffNoticeCard({ status: 'gone' }, lang),
      parsed.success ? 'replace' : 'new',
    );
    return;
  }
  const actor = await session.actor();
  const workloads = await store.tenantWorkloads(details.tenant.id);
  if (!(await admit(context, { channels: workloads.map((w) => w.channel) }))) return;
  // Seeing the tenant is not enough: only its assigned FM takes the handoff over.
  if (!workloads.some((workload) => isAssignedFm(actor, workload.channel))) {
    await presentText(context, t(lang, 'handoff.notYours'));
    return;
  }
  const result = await store.acknowledgeHandoff(details.handoffId, now());
  await presentCard(
    context,
    handoffNoticeCard(
      result.status === 'not_found'
        ? { status: 'gone' }
        : result.status === 'acknowledged'
          ? { status: 'acknowledged', customerName: details.tenant.customerName }
          : {
              status: 'already',
              acknowledgedAt: result.acknowledgedAt,
              timeZone: session.timeZone,
            },
      lang,
    ),
    'replace',
  );
}
