import {
  addDays,
  type CalendarDate,
  escapeMarkdown,
  isoWeekday,
  type NoResponseKind,
  type Tenant,
  type Workload,
  workloadName,
} from '../../domain/index.js';
import { formatDate, formatEsd } from '../../i18n/format.js';
import type { Language } from '../../i18n/language.js';
import { t } from '../../i18n/translate.js';
import type { TenantWorkload } from '../../store/index.js';
import { type Card, expandCard } from './templates.js';

/** A start whose date has passed with nothing recorded since (src/reports/upcoming.ts). */
export interface OverdueItem {
  tenant: Tenant;
  workload: Workload;
  /** Days from today to the date: negative. */
  days: number;
}

/** A passed start whose missing answer the FM documented (R7). */
export interface DocumentedItem extends OverdueItem {
  recorded: NoResponseKind;
}

/**
 * Start dates in the coming days, grouped by week (Monday first), estimates marked (R9); the
 * overdue ones first, longest overdue first; then, apart, the passed ones whose missing answer is
 * already documented (R7), which the FM is not asked to document again.
 */
export function upcomingCard(
  items: readonly TenantWorkload[],
  days: number,
  lang: Language,
  title: string = t(lang, 'upcoming.title', { days }),
  overdue: readonly OverdueItem[] = [],
  documented: readonly DocumentedItem[] = [],
): Card {
  const late = (offset: number) =>
    offset === -1
      ? t(lang, 'upcoming.yesterday')
      : t(lang, 'upcoming.daysAgo', { days: Math.abs(offset) });
  const weeks = new Map<string, object[]>();
  for (const { tenant, workload } of items) {
    if (!workload.esd) continue;
    const monday = addDays(workload.esd.date, 1 - isoWeekday(workload.esd.date));
    const rows = weeks.get(monday) ?? [];
    rows.push({
      date: formatEsd(workload.esd, lang),
      // R9: an estimate stands out from an agreed day (and says "(estimate)" too).
      color: workload.esd.estimate ? 'Accent' : 'Default',
      customer: escapeMarkdown(tenant.customerName),
      workload: workloadName(workload.code, lang),
    });
    weeks.set(monday, rows);
  }
  return expandCard('upcoming', {
    title,
    empty: t(lang, 'upcoming.empty', { days }),
    s: {
      overdueTitle: t(lang, 'upcoming.overdueTitle'),
      overdueHint: t(lang, 'upcoming.overdueHint'),
      documentedTitle: t(lang, 'upcoming.documentedTitle', { count: documented.length }),
      documentedHint: t(lang, 'upcoming.documentedHint'),
    },
    documented: documented.flatMap(({ tenant, workload, days: offset, recorded }) =>
      workload.esd
        ? [
            {
              date: formatEsd(workload.esd, lang),
              late: `${late(offset)} · ${t(lang, `upcoming.recorded.${recorded}`)}`,
              customer: escapeMarkdown(tenant.customerName),
              workload: workloadName(workload.code, lang),
            },
          ]
        : [],
    ),
    overdue: overdue.flatMap(({ tenant, workload, days: offset }) =>
      workload.esd
        ? [
            {
              date: formatEsd(workload.esd, lang),
              late: late(offset),
              customer: escapeMarkdown(tenant.customerName),
              workload: workloadName(workload.code, lang),
            },
          ]
        : [],
    ),
    weeks: [...weeks.entries()].map(([monday, rows]) => ({
      week: t(lang, 'upcoming.week', { date: formatDate(monday as CalendarDate, lang) }),
      rows,
    })),
  });
}
