import {
  entitlementsOf,
  escapeMarkdown,
  hasInProgressSeats,
  type Tenant,
  type Workload,
  workloadName,
} from '../../domain/index.js';
import { formatDate, formatEsd } from '../../i18n/format.js';
import { splitLabel } from '../../i18n/labels.js';
import type { Language } from '../../i18n/language.js';
import { t } from '../../i18n/translate.js';
import type { TenantPick, TenantTimeline } from '../../reports/index.js';
import { basisLabel, statusLabel, tenantLabel, workloadStatusLabel } from './labels.js';
import { type Card, expandCard } from './templates.js';

function daysText(days: number, lang: Language): string {
  return days === 1 ? t(lang, 'reports.oneDay') : t(lang, 'reports.days', { count: days });
}

/** "SharePoint Online · In Progress" or, split, "SharePoint Online · Entitlements split: ...". */
function statusText(workload: Workload, lang: Language): string {
  return `${workloadName(workload.code, lang)} · ${workloadStatusLabel(workload, lang)}`;
}

/**
 * One tenant's workloads by start date: L1 status (the split, where there is one), date
 * (estimates marked, R9), basis, Target Date, and the gap to the next start (serialized
 * deployments, FAQ purpose 3: from this Target Date, or start to start where none is known, and
 * the text says which); the undated ones after: In Progress ones without nagging (R3), and those
 * no ESD applies to (R1) apart.
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
      ineligible: t(lang, 'tenant.undatedIneligible'),
      hint: t(lang, 'tenant.historyHint', { name: escapeMarkdown(tenant.customerName) }),
    },
    dated: timeline.dated.map((entry) => {
      const gap = entry.gapToNext;
      const next = gap ? byCode.get(gap.nextCode) : undefined;
      const nextParams = gap
        ? {
            span: daysText(Math.abs(gap.days), lang),
            workload: workloadName(gap.nextCode, lang),
            date: formatEsd({ date: gap.nextDate, estimate: next?.estimate ?? false }, lang),
            target: formatDate(gap.from, lang),
          }
        : null;
      const split = splitLabel(entry.entitlements, lang);
      return {
        date: formatEsd({ date: entry.date, estimate: entry.estimate }, lang),
        dateColor: entry.estimate ? 'Accent' : 'Default',
        workload: workloadName(entry.code, lang),
        details: [
          split || statusLabel(entry.status, lang),
          entry.basis ? basisLabel(entry.basis, lang) : null,
          entry.targetDate
            ? t(lang, 'entitlements.targetDate', { date: formatDate(entry.targetDate, lang) })
            : null,
        ]
          .filter(Boolean)
          .join(' · '),
        note: entry.status === 'in_progress' ? '' : t(lang, 'tenant.notActive'),
        gap: !gap || !nextParams ? '' : gapText(gap, nextParams, lang),
      };
    }),
    // R3: In Progress without a date is normal for an engagement already underway; R1: the
    // others have no ESD to set. Said apart, so neither is told the other's reason.
    undated: timeline.undated
      .filter((w) => hasInProgressSeats(entitlementsOf(w)))
      .map((w) => ({ text: statusText(w, lang) })),
    ineligible: timeline.undated
      .filter((w) => !hasInProgressSeats(entitlementsOf(w)))
      .map((w) => ({ text: statusText(w, lang) })),
  });
}

function gapText(
  gap: NonNullable<TenantTimeline['dated'][number]['gapToNext']>,
  params: Record<string, string>,
  lang: Language,
): string {
  if (gap.measure === 'target_to_start') {
    if (gap.days < 0) return t(lang, 'tenant.overlap', params);
    return t(lang, gap.approximate ? 'tenant.gapFromTargetApprox' : 'tenant.gapFromTarget', params);
  }
  if (gap.days === 0) return t(lang, 'tenant.sameDay', params);
  return t(lang, gap.approximate ? 'tenant.gapApprox' : 'tenant.gap', params);
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
