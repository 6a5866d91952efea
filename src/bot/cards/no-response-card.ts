import {
  type Access,
  type Esd,
  type L1Status,
  REASON_MAX_LENGTH,
  type WorkloadCode,
  workloadName,
} from '../../domain/index.js';
import { formatEsd } from '../../i18n/format.js';
import type { Language } from '../../i18n/language.js';
import { t } from '../../i18n/translate.js';
import type { TenantWorkload } from '../../store/index.js';
import { VERB } from '../verbs.js';
import type { Banner } from './change-card.js';
import { byTitle, refusalText, statusLabel, workloadChoiceTitle } from './labels.js';
import { noticeCard } from './notice-card.js';
import { type Card, expandCard } from './templates.js';

/**
 * Why the card is shown again (R7): the action says what went wrong as data, and this card, which
 * owns its words (issue 14, item 5), says it in the reader's language.
 */
export type NoResponseProblem =
  | { code: 'kind_missing' | 'workload_missing' | 'workload_gone' | 'detail_too_long' }
  | { code: 'status_ineligible'; workload: WorkloadCode; status: L1Status }
  | { code: 'esd_in_future'; workload: WorkloadCode; esd: Esd | null }
  | { code: 'refused'; access: Access };

function problemText(problem: NoResponseProblem, lang: Language): string {
  switch (problem.code) {
    case 'kind_missing':
      return t(lang, 'noResponse.kindMissing');
    case 'workload_missing':
      return t(lang, 'change.workloadMissing');
    case 'workload_gone':
      return t(lang, 'general.workloadGone');
    case 'detail_too_long':
      return t(lang, 'violation.reason_too_long', { max: REASON_MAX_LENGTH });
    case 'status_ineligible':
      return t(lang, 'noResponse.statusIneligible', {
        workload: workloadName(problem.workload, lang),
        status: statusLabel(problem.status, lang),
      });
    case 'esd_in_future':
      return t(lang, 'noResponse.esdInFuture', {
        workload: workloadName(problem.workload, lang),
        esd: formatEsd(problem.esd, lang),
        command: t(lang, 'command.change'),
      });
    case 'refused':
      return refusalText(problem.access, lang);
  }
}

/** R7: the customer has not answered; the card records a note and never asks for a date. */
export function noResponseCard(
  items: readonly TenantWorkload[],
  lang: Language,
  options: {
    values?: { workload?: string; kind?: string; detail?: string };
    problem?: NoResponseProblem;
  } = {},
): Card {
  return expandCard('no-response', {
    s: {
      title: t(lang, 'noResponse.title'),
      intro: t(lang, 'noResponse.intro'),
      workloadLabel: t(lang, 'common.workload'),
      workloadPlaceholder: t(lang, 'change.workloadPlaceholder'),
      workloadMissing: t(lang, 'change.workloadMissing'),
      kindLabel: t(lang, 'noResponse.kindLabel'),
      kindMissing: t(lang, 'noResponse.kindMissing'),
      noAnswer: t(lang, 'noResponse.kind.no_answer'),
      inactive: t(lang, 'noResponse.kind.inactive'),
      detailLabel: t(lang, 'noResponse.detailLabel'),
      detailPlaceholder: t(lang, 'noResponse.detailPlaceholder'),
      submit: t(lang, 'noResponse.submit'),
    },
    banner: options.problem
      ? ({ text: problemText(options.problem, lang), style: 'attention' } satisfies Banner)
      : { text: '', style: 'default' },
    workloads: byTitle(
      items.map(({ tenant, workload }) => ({
        id: workload.id,
        title: `${tenant.customerName} · ${workloadChoiceTitle(workload, lang)}`,
      })),
      lang,
    ),
    values: { workload: '', kind: '', detail: '', ...options.values },
    action: { verb: VERB.noResponse },
  });
}

/** R7 recorded: the spent form becomes this notice, quoting the note written. */
export function noResponseRecordedCard(esd: Esd | null, note: string, lang: Language): Card {
  return noticeCard({
    title: t(lang, 'noResponse.doneTitle'),
    text: t(lang, 'noResponse.done', { esd: formatEsd(esd, lang) }),
    quote: note,
    color: 'Good',
  });
}
