import type { Language } from '../../i18n/language.js';
import { t } from '../../i18n/translate.js';
import type { TenantWorkload } from '../../store/index.js';
import { VERB } from '../verbs.js';
import type { Banner } from './change-card.js';
import { byTitle, workloadChoiceTitle } from './labels.js';
import { type Card, expandCard } from './templates.js';

/** R7: the customer has not answered; the card records a note and never asks for a date. */
export function noResponseCard(
  items: readonly TenantWorkload[],
  lang: Language,
  options: {
    values?: { workload?: string; kind?: string; detail?: string };
    banner?: Banner | null;
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
    banner: options.banner ?? { text: '', style: 'default' },
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
