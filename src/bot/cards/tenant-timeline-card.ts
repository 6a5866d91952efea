import { escapeMarkdown, type Tenant, workloadName } from '../../domain/index.js';
import { formatEsd } from '../../i18n/format.js';
import type { Language } from '../../i18n/language.js';
import { t } from '../../i18n/translate.js';
import type { TenantPick, TenantTimeline } from '../../reports/index.js';
import { basisLabel, statusLabel, tenantLabel } from './labels.js';
import { type Card, expandCard } from './templates.js';

function daysText(days: number, lang: Language): string {
  return days === 1 ? t(lang, 'reports.oneDay') : t(lang, 'reports.days', { count: days });
}

/**
 * One tenant's workloads by start date: L1 status, date (estimates marked, R9), basis, and the
 * gap to the next start (serialized deployments); the undated ones after, without nagging (R3).
 */
export function tenantTimelineCard(timeline: TenantTimeline, lang: Language): Card {
  const { tenant } = timeline;
  const byCode = new Map(timeline.dated.map((e) => [e.code, e]));
  const total = timeline.dated.length + timeline.undated.length;
  return expandCard('tenant-timeline', {
    s: {
      title: t(lang, 'tenant.title', { customer: escapeMarkdown(tenant.customerName) }),
      subtitle: t(lang, 'tenant.subtitle', { tenant: escapeMarkdown(tenant.name), count: total }),
      span:
        timeline.span && timeline.span.days > 0
          ? t(lang, 'tenant.span', { span: daysText(timeline.span.days, lang) })
          : '',
      empty: total === 0 ? t(lang, 'tenant.noWorkloads') : '',
      undated: t(lang, 'tenant.undated'),
      hint: t(lang, 'tenant.historyHint', { name: escapeMarkdown(tenant.customerName) }),
    },
    dated: timeline.dated.map((entry) => {
      const gap = entry.gapToNext;
      const next = gap ? byCode.get(gap.nextCode) : undefined;
      const nextParams = gap
        ? {
            span: daysText(gap.days, lang),
            workload: workloadName(gap.nextCode, lang),
            date: formatEsd({ date: gap.nextDate, estimate: next?.estimate ?? false }, lang),
          }
        : null;
      return {
        date: formatEsd({ date: entry.date, estimate: entry.estimate }, lang),
        dateColor: entry.estimate ? 'Accent' : 'Default',
        workload: workloadName(entry.code, lang),
        details: [
          statusLabel(entry.status, lang),
          entry.basis ? basisLabel(entry.basis, lang) : null,
        ]
          .filter(Boolean)
          .join(' · '),
        note: entry.status === 'in_progress' ? '' : t(lang, 'tenant.notActive'),
        gap:
          !gap || !nextParams
            ? ''
            : gap.days === 0
              ? t(lang, 'tenant.sameDay', nextParams)
              : t(lang, gap.approximate ? 'tenant.gapApprox' : 'tenant.gap', nextParams),
      };
    }),
    undated: timeline.undated.map((w) => ({
      text: `${workloadName(w.code, lang)} · ${statusLabel(w.l1Status, lang)}`,
    })),
  });
}

/** What to say when a typed name does not lead to exactly one tenant the person may see. */
export function tenantPickText(
  pick: Exclude<TenantPick<never>, { status: 'one' }>,
  query: string,
  lang: Language,
): string {
  switch (pick.status) {
    case 'need_name':
      return t(lang, 'tenant.needName');
    case 'none':
      return t(lang, 'tenant.noMatch', { text: escapeMarkdown(query) });
    case 'not_allowed':
      return t(lang, 'tenant.notAllowed');
    case 'many':
      return t(lang, 'tenant.many', {
        text: escapeMarkdown(query),
        names: pick.tenants
          .slice(0, 10)
          .map((tenant: Tenant) => escapeMarkdown(tenantLabel(tenant)))
          .join('; '),
      });
  }
}
