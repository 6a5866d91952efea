import {
  addDays,
  type CalendarDate,
  type EsdWindow,
  type Field,
  monthOf,
  type Tenant,
  type Workload,
} from '../../domain/index.js';
import { formatMonth } from '../../i18n/format.js';
import type { Language } from '../../i18n/language.js';
import { t } from '../../i18n/translate.js';
import { basisChoices, tenantLabel, workloadChoiceTitle } from './labels.js';
import { type Card, expandCard } from './templates.js';

export interface ChangeFormValues {
  workload: string;
  date: string;
  month: string;
  basis: string;
  reason: string;
}

export type Banner = { text: string; style: 'attention' | 'good' | 'accent' | 'warning' };

export interface ChangeCardInput {
  tenant: Tenant;
  workloads: readonly Workload[];
  today: CalendarDate;
  window: EsdWindow;
  values?: Partial<ChangeFormValues>;
  errors?: Partial<Record<Field, string>>;
  banner?: Banner | null;
}

/** Hidden data the card carries back: which tenant, and the version of each workload shown. */
export interface ChangeActionData {
  verb: 'esd.change';
  tenantId: string;
  versions: Record<string, number>;
}

/** How many months the month picker offers (R9 estimates are for coming starts). */
const MONTHS_AHEAD = 24;

export function monthChoices(today: CalendarDate, lang: Language) {
  const months: { value: string; title: string }[] = [];
  let day = `${monthOf(today)}-15` as CalendarDate;
  for (let i = 0; i < MONTHS_AHEAD; i++) {
    const value = monthOf(day);
    months.push({ value, title: formatMonth(value, lang) });
    day = addDays(day, 31);
    day = `${monthOf(day)}-15` as CalendarDate;
  }
  return months;
}

export function changeCard(input: ChangeCardInput, lang: Language): Card {
  const s = (key: Parameters<typeof t>[1]) => t(lang, key);
  const values = { workload: '', date: '', month: '', basis: '', reason: '', ...input.values };
  const errors = { workload: '', date: '', month: '', basis: '', reason: '', ...input.errors };
  const action: ChangeActionData = {
    verb: 'esd.change',
    tenantId: input.tenant.id,
    versions: Object.fromEntries(input.workloads.map((w) => [w.id, w.version])),
  };
  return expandCard('change-esd', {
    s: {
      title: s('change.title'),
      workloadLabel: s('change.workloadLabel'),
      workloadPlaceholder: s('change.workloadPlaceholder'),
      workloadMissing: s('change.workloadMissing'),
      dateLabel: s('change.dateLabel'),
      monthLabel: s('change.monthLabel'),
      monthPlaceholder: s('change.monthPlaceholder'),
      basisLabel: s('change.basisLabel'),
      basisPlaceholder: s('change.basisPlaceholder'),
      basisHint: s('change.basisHint'),
      reasonLabel: s('change.reasonLabel'),
      reasonPlaceholder: s('change.reasonPlaceholder'),
      reasonMissing: s('violation.reason_missing'),
      submit: s('change.submit'),
    },
    subtitle: t(lang, 'change.subtitle', {
      customer: input.tenant.customerName,
      tenant: input.tenant.name,
    }),
    banner: input.banner ?? { text: '', style: 'default' },
    workloads: input.workloads.map((w) => ({ id: w.id, title: workloadChoiceTitle(w, lang) })),
    months: monthChoices(input.today, lang),
    bases: basisChoices(lang),
    values,
    errors,
    minDate: addDays(input.today, -input.window.pastDays),
    maxDate: addDays(input.today, input.window.futureDays),
    action,
    tenantLabel: tenantLabel(input.tenant),
  });
}
