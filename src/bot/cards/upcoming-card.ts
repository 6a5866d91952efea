import { addDays, type CalendarDate, isoWeekday, workloadName } from '../../domain/index.js';
import { formatDate, formatEsd } from '../../i18n/format.js';
import type { Language } from '../../i18n/language.js';
import { t } from '../../i18n/translate.js';
import type { TenantWorkload } from '../../store/queries.js';
import { type Card, expandCard } from './templates.js';

/** Start dates in the coming days, grouped by week (Monday first), estimates marked (R9). */
export function upcomingCard(
  items: readonly TenantWorkload[],
  days: number,
  lang: Language,
  title: string = t(lang, 'upcoming.title', { days }),
): Card {
  const weeks = new Map<string, object[]>();
  for (const { tenant, workload } of items) {
    if (!workload.esd) continue;
    const monday = addDays(workload.esd.date, 1 - isoWeekday(workload.esd.date));
    const rows = weeks.get(monday) ?? [];
    rows.push({
      date: formatEsd(workload.esd, lang),
      customer: tenant.customerName,
      workload: workloadName(workload.code, lang),
    });
    weeks.set(monday, rows);
  }
  return expandCard('upcoming', {
    title,
    empty: t(lang, 'upcoming.empty', { days }),
    weeks: [...weeks.entries()].map(([monday, rows]) => ({
      week: t(lang, 'upcoming.week', { date: formatDate(monday as CalendarDate, lang) }),
      rows,
    })),
  });
}
