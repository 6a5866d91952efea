import { escapeMarkdown, workloadName } from '../../domain/index.js';
import { formatDate, formatDayMonth } from '../../i18n/format.js';
import type { Language } from '../../i18n/language.js';
import { t } from '../../i18n/translate.js';
import type { CapacityCell, CapacityReport } from '../../reports/index.js';
import { type Card, expandCard } from './templates.js';

/**
 * At most this many week cells in one card (FMs × weeks): a Teams message holds about 28 KB, and
 * each cell is an element. With 8 weeks, 8 FMs and the total are shown; the rest are named by count, and
 * `capacity <name>` or GET /api/reports/capacity shows them.
 */
export const CAPACITY_CELL_BUDGET = 72;

/** Bars grow from this height to BAR_MIN + BAR_RANGE for the busiest cell. */
const BAR_MIN = 16;
const BAR_RANGE = 24;

function cell(value: CapacityCell, max: number, options: { busiest: boolean; total?: boolean }) {
  const n = value.count;
  return {
    n,
    text: String(n),
    style: n === 0 ? 'default' : options.busiest ? 'attention' : options.total ? 'good' : 'accent',
    height: `${n === 0 || max === 0 ? BAR_MIN : BAR_MIN + Math.round((BAR_RANGE * n) / max)}px`,
  };
}

/** Starts per FM and ISO week, a bar per cell, the busiest weeks highlighted. */
export function capacityCard(report: CapacityReport, lang: Language): Card {
  const perRow = Math.max(1, Math.floor(CAPACITY_CELL_BUDGET / Math.max(1, report.weeks.length)));
  // One row is the total.
  const shown = report.rows.slice(0, Math.max(1, perRow - 1));
  const more = report.rows.length - shown.length;
  const maxTotal = Math.max(0, ...report.weeks.map((w) => w.total));
  const filter = [
    // The words the person typed after "capacity": shown as text.
    report.filter.fm ? escapeMarkdown(report.filter.fm) : null,
    report.filter.workload ? workloadName(report.filter.workload, lang) : null,
  ].filter((part): part is string => !!part);

  const rows = shown.map((row) => {
    const starts = t(lang, 'capacity.starts', { count: row.total });
    return {
      fm: escapeMarkdown(row.name ?? row.upn),
      detail: row.name ? `${escapeMarkdown(row.upn)} · ${starts}` : starts,
      weight: 'Default',
      cells: row.cells.map((c, i) =>
        cell(c, report.maxCell, {
          busiest: report.weeks[i]?.busiest ?? false,
        }),
      ),
    };
  });
  if (report.rows.length > 1) {
    const total = report.weeks.reduce((sum, w) => sum + w.total, 0);
    rows.push({
      fm: t(lang, 'capacity.allFms'),
      detail: t(lang, 'capacity.starts', { count: total }),
      weight: 'Bolder',
      cells: report.weeks.map((w) =>
        cell({ count: w.total, estimates: w.estimates }, maxTotal, {
          busiest: w.busiest,
          total: true,
        }),
      ),
    });
  }

  const busiest = report.weeks
    .filter((w) => w.busiest)
    .map((w) =>
      t(lang, 'capacity.busiestWeek', { date: formatDate(w.start, lang), count: w.total }),
    );
  return expandCard('capacity', {
    s: {
      title: t(lang, 'capacity.title'),
      subtitle: t(lang, 'capacity.subtitle', {
        from: formatDate(report.from, lang),
        to: formatDate(report.to, lang),
      }),
      filter: filter.length ? t(lang, 'capacity.filter', { filter: filter.join(' · ') }) : '',
      empty: t(lang, 'capacity.empty'),
      fm: t(lang, 'capacity.fm'),
      busiest:
        busiest.length && report.rows.length
          ? t(lang, 'capacity.busiest', { weeks: busiest.join('; ') })
          : '',
      more: more > 0 ? t(lang, 'capacity.more', { count: more }) : '',
      legend: t(lang, 'capacity.legend'),
    },
    weeks: report.weeks.map((w) => ({
      label: t(lang, 'capacity.week', { week: w.isoWeek }),
      date: formatDayMonth(w.start, lang),
      style: w.busiest ? 'warning' : 'default',
      color: w.busiest ? 'Attention' : 'Default',
    })),
    rows: report.rows.length ? rows : [],
  });
}
