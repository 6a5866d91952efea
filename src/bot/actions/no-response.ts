import type { TurnContext } from 'botbuilder';
import { z } from '../../config/zod.js';
import { accessTo, REASON_MAX_LENGTH } from '../../domain/index.js';
import { admit } from '../access.js';
import { cardExpiredText } from '../cards/labels.js';
import {
  type NoResponseProblem,
  noResponseCard,
  noResponseRecordedCard,
} from '../cards/no-response-card.js';
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
    await presentText(context, cardExpiredText('noResponse', lang));
    return;
  }
  const { workload: workloadId, kind, detail } = parsed.data;
  const items = await store.workloadsAssignedTo(session.identity);
  const again = (problem: NoResponseProblem) =>
    presentCard(context, noResponseCard(items, lang, { values: parsed.data, problem }), 'replace');
  if (kind !== 'no_answer' && kind !== 'inactive') return again({ code: 'kind_missing' });
  const found = await store.getWorkload(workloadId);
  if (!found) return again({ code: 'workload_missing' });
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
      noResponseRecordedCard(found.workload.esd, result.note.text, lang),
      'replace',
    );
    return;
  }
  if (result.status === 'not_found') return again({ code: 'workload_gone' });
  if (result.code === 'detail_too_long') return again({ code: 'detail_too_long' });
  const workload = found.workload.code;
  if (result.code === 'status_ineligible')
    return again({ code: 'status_ineligible', workload, status: result.params.status });
  if (result.code === 'esd_in_future')
    return again({ code: 'esd_in_future', workload, esd: result.params.esd });
  return again({
    code: 'refused',
    access: accessTo(await session.actor(), [found.workload.channel]),
  });
}
