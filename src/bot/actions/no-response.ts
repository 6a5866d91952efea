import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { accessTo, REASON_MAX_LENGTH, workloadName } from '../../domain/index.js';
import { formatEsd } from '../../i18n/format.js';
import { t } from '../../i18n/translate.js';
import { admit, refusalText } from '../access.js';
import { statusLabel } from '../cards/labels.js';
import { noResponseCard } from '../cards/no-response-card.js';
import { noticeCard } from '../cards/notice-card.js';
import { presentCard, presentText } from '../present.js';
import { getSession } from '../session.js';
import { text } from './limits.js';

const submission = z.object({
  workload: text(200),
  kind: text(40),
  detail: text(REASON_MAX_LENGTH),
});

/** R7: records that the customer has not answered (or is inactive); the date is never touched. */
export async function submitNoResponse(context: TurnContext, data: unknown): Promise<void> {
  const session = getSession(context);
  const { store } = session.services;
  const lang = session.lang;
  const parsed = submission.safeParse(data);
  if (!parsed.success) {
    await presentText(
      context,
      t(lang, 'general.cardExpired', { command: t(lang, 'command.noResponse') }),
    );
    return;
  }
  const { workload: workloadId, kind, detail } = parsed.data;
  const items = await store.workloadsAssignedTo(session.identity);
  const again = (banner: string) =>
    presentCard(
      context,
      noResponseCard(items, lang, {
        values: parsed.data,
        banner: { text: banner, style: 'attention' },
      }),
      'replace',
    );
  if (kind !== 'no_answer' && kind !== 'inactive') return again(t(lang, 'noResponse.kindMissing'));
  const found = await store.getWorkload(workloadId);
  if (!found) return again(t(lang, 'change.workloadMissing'));
  if (!(await admit(context, { channels: [found.workload.channel] }))) return;

  const result = await store.recordNoResponse({
    workloadId,
    actor: await session.actor(),
    kind,
    detail,
    today: session.today,
  });
  if (result.status === 'recorded') {
    await presentCard(
      context,
      noticeCard({
        title: t(lang, 'noResponse.doneTitle'),
        text: t(lang, 'noResponse.done', { esd: formatEsd(found.workload.esd, lang) }),
        quote: result.note.text,
        color: 'Good',
      }),
      'replace',
    );
    return;
  }
  if (result.status === 'not_found') return again(t(lang, 'general.workloadGone'));
  if (result.code === 'detail_too_long')
    return again(t(lang, 'violation.reason_too_long', { max: REASON_MAX_LENGTH }));
  const workload = workloadName(found.workload.code, lang);
  if (result.code === 'status_ineligible')
    return again(
      t(lang, 'noResponse.statusIneligible', {
        workload,
        status: statusLabel(result.params.status, lang),
      }),
    );
  if (result.code === 'esd_in_future')
    return again(
      t(lang, 'noResponse.esdInFuture', {
        workload,
        esd: formatEsd(result.params.esd, lang),
        command: t(lang, 'command.change'),
      }),
    );
  return again(refusalText(accessTo(await session.actor(), [found.workload.channel]), lang));
}
