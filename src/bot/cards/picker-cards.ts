import type { Tenant } from '../../domain/index.js';
import type { Language } from '../../i18n/language.js';
import { type MessageKey, t } from '../../i18n/translate.js';
import type { TenantWorkload } from '../../store/index.js';
import { VERB } from '../verbs.js';
import { byTitle, tenantLabel, workloadChoiceTitle } from './labels.js';
import { type Card, expandCard } from './templates.js';

export function pickTenantCard(tenants: readonly Tenant[], lang: Language): Card {
  return expandCard('pick-tenant', {
    s: {
      title: t(lang, 'pickTenant.title'),
      label: t(lang, 'pickTenant.label'),
      placeholder: t(lang, 'pickTenant.placeholder'),
      next: t(lang, 'pickTenant.next'),
    },
    tenants: tenants.map((tenant) => ({ id: tenant.id, title: tenantLabel(tenant) })),
    action: { verb: VERB.pickTenant },
  });
}

/** A workload picker that leads to `verb` (history). Titles name the customer too. */
export function pickWorkloadCard(
  items: readonly TenantWorkload[],
  options: { verb: string; title: MessageKey; submit: MessageKey },
  lang: Language,
): Card {
  return expandCard('pick-workload', {
    s: {
      title: t(lang, options.title),
      workloadLabel: t(lang, 'common.workload'),
      workloadPlaceholder: t(lang, 'change.workloadPlaceholder'),
      workloadMissing: t(lang, 'change.workloadMissing'),
      submit: t(lang, options.submit),
    },
    verb: options.verb,
    workloads: byTitle(
      items.map(({ tenant, workload }) => ({
        id: workload.id,
        title: `${tenant.customerName} · ${workloadChoiceTitle(workload, lang)}`,
      })),
      lang,
    ),
    action: { verb: options.verb },
  });
}
