import {
  type EsdChange,
  escapeMarkdown,
  type Tenant,
  type Workload,
  workloadName,
} from '../../domain/index.js';
import { formatEsd } from '../../i18n/format.js';
import type { Language } from '../../i18n/language.js';
import { t } from '../../i18n/translate.js';
import { basisLabel } from './labels.js';
import { type Card, expandCard } from './templates.js';

/** Replaces the change card once the date and its note are written (R8: both, in one step). */
export function confirmationCard(
  input: { tenant: Tenant; workload: Workload; change: EsdChange; note: string },
  lang: Language,
): Card {
  return expandCard('esd-changed', {
    s: {
      title: t(lang, 'done.title'),
      customer: t(lang, 'common.customer'),
      tenant: t(lang, 'common.tenant'),
      workload: t(lang, 'common.workload'),
      oldDate: t(lang, 'done.oldDate'),
      newDate: t(lang, 'done.newDate'),
      basis: t(lang, 'common.basis'),
      note: t(lang, 'done.note'),
    },
    customer: escapeMarkdown(input.tenant.customerName),
    tenant: escapeMarkdown(input.tenant.name),
    workload: workloadName(input.workload.code, lang),
    oldDate: formatEsd(input.change.old, lang),
    newDate: formatEsd(input.change.new, lang),
    basis: basisLabel(input.change.basis, lang),
    note: escapeMarkdown(input.note),
  });
}
