import { escapeMarkdown, workloadName } from '../../domain/index.js';
import { formatEsd } from '../../i18n/format.js';
import type { Language } from '../../i18n/language.js';
import { t } from '../../i18n/translate.js';
import type { TenantWorkload } from '../../store/index.js';
import { VERB } from '../verbs.js';
import { workloadStatusLabel } from './labels.js';
import { type Card, expandCard } from './templates.js';

/**
 * An FM's tenants and workloads, soonest start first. A workload without a date simply shows
 * "not set": nobody is asked to backfill (R3).
 */
export function engagementsCard(items: readonly TenantWorkload[], lang: Language): Card {
  const byTenant = new Map<string, { customer: string; tenant: string; rows: object[] }>();
  for (const { tenant, workload } of items) {
    let group = byTenant.get(tenant.id);
    if (!group) {
      group = {
        customer: escapeMarkdown(tenant.customerName),
        tenant: escapeMarkdown(tenant.name),
        rows: [],
      };
      byTenant.set(tenant.id, group);
    }
    group.rows.push({
      workload: workloadName(workload.code, lang),
      status: workloadStatusLabel(workload, lang),
      esd: workload.esd ? formatEsd(workload.esd, lang) : t(lang, 'engagements.noEsd'),
      weight: workload.esd ? 'Bolder' : 'Lighter',
    });
  }
  return expandCard('engagements', {
    s: { title: t(lang, 'engagements.title'), change: t(lang, 'engagements.change') },
    subtitle: t(lang, 'engagements.subtitle', { count: items.length }),
    tenants: [...byTenant.values()],
    action: { verb: VERB.startChange },
  });
}
