import {
  addDays,
  type CalendarDate,
  type CalendarMonth,
  type Esd,
  type EsdWindow,
  escapeMarkdown,
  type Field,
  monthOf,
  type Tenant,
  type Violation,
  type Workload,
  windowBounds,
} from '../../domain/index.js';
import { fieldErrors } from '../../i18n/explain.js';
import { formatDate, formatEsd, formatMonth } from '../../i18n/format.js';
import type { Language } from '../../i18n/language.js';
import { t } from '../../i18n/translate.js';
import { VERB } from '../verbs.js';
import { basisChoices, byTitle, tenantLabel, workloadChoiceTitle } from './labels.js';
import { type Card, expandCard } from './templates.js';

export interface ChangeFormValues {
  workload: string;
  date: string;
  month: string;
  basis: string;
  reason: string;
}

/** A banner as a card template shows it: already in words (the card builders' shared shape). */
export type Banner = { text: string; style: 'attention' | 'good' | 'accent' | 'warning' };

/** A problem shown under the change card's field it belongs to. */
export type ChangeProblem =
  | { code: 'workload_missing' | 'workload_gone' | 'date_missing' | 'date_and_month' }
  /** The rules refused the change (R1-R11): each violation next to its field. */
  | { code: 'rejected'; workload: Workload; violations: readonly Violation[] };

/**
 * What the change card says above its form (and under its fields): the handlers say what happened
 * as data, and this card, which owns its words (issue 14, item 5), says it in the reader's
 * language. Kept as data in dialog state too, so a card shown again is in the current language.
 */
export type ChangeNotice =
  /** A date or a month (R9) typed in chat filled the card; `text` is what was typed. */
  | { code: 'typed_date'; text: string; date: CalendarDate }
  | { code: 'typed_month'; text: string; month: CalendarMonth }
  /** Someone changed the date since the card was shown: the current one, never an overwrite. */
  | { code: 'conflict'; current: Esd | null }
  /** Not saved: a summary above the form, each problem under its field. */
  | { code: 'invalid'; problems: readonly ChangeProblem[] };

export interface ChangeCardInput {
  tenant: Tenant;
  workloads: readonly Workload[];
  today: CalendarDate;
  window: EsdWindow;
  values?: Partial<ChangeFormValues>;
  notice?: ChangeNotice | null;
}

/** Hidden data the card carries back: which tenant, and the version of each workload shown. */
export interface ChangeActionData {
  verb: typeof VERB.change;
  tenantId: string;
  versions: Record<string, number>;
}

/** How many months the month picker offers (R9 estimates are for coming starts). */
const MONTHS_AHEAD = 24;

export interface Choice {
  value: string;
  title: string;
}

/** Month pickers, kept per language and first month: a card is rendered on every typed date. */
const monthLists = new Map<string, readonly Choice[]>();

/** The month picker's choices (R9): this month and the next MONTHS_AHEAD - 1. */
export function monthChoices(today: CalendarDate, lang: Language): readonly Choice[] {
  const key = `${lang}|${monthOf(today)}`;
  let months = monthLists.get(key);
  if (!months) {
    const list: Choice[] = [];
    let day = `${monthOf(today)}-15` as CalendarDate;
    for (let i = 0; i < MONTHS_AHEAD; i++) {
      const value = monthOf(day);
      list.push({ value, title: formatMonth(value, lang) });
      day = `${monthOf(addDays(day, 31))}-15` as CalendarDate;
    }
    months = Object.freeze(list);
    // A month or language seen once is seen again; the map stays small (languages × months of uptime).
    monthLists.set(key, months);
  }
  return months;
}

/** The card's fixed wording, per language (built on first use: a card is rendered on every typed date). */
const wordings = new Map<Language, Record<string, string>>();

function wording(lang: Language): Record<string, string> {
  let s = wordings.get(lang);
  if (!s) {
    const keys = {
      title: 'change.title',
      workloadLabel: 'change.workloadLabel',
      workloadPlaceholder: 'change.workloadPlaceholder',
      workloadMissing: 'change.workloadMissing',
      dateLabel: 'change.dateLabel',
      monthLabel: 'change.monthLabel',
      monthPlaceholder: 'change.monthPlaceholder',
      monthHint: 'change.monthHint',
      basisLabel: 'change.basisLabel',
      basisPlaceholder: 'change.basisPlaceholder',
      basisHint: 'change.basisHint',
      reasonLabel: 'change.reasonLabel',
      reasonPlaceholder: 'change.reasonPlaceholder',
      reasonMissing: 'violation.reason_missing',
      submit: 'change.submit',
    } as const;
    s = Object.fromEntries(Object.entries(keys).map(([name, key]) => [name, t(lang, key)]));
    wordings.set(lang, s);
  }
  return s;
}

const PROBLEM_FIELD = {
  workload_missing: ['workload', 'change.workloadMissing'],
  workload_gone: ['workload', 'general.workloadGone'],
  date_missing: ['date', 'change.dateMissing'],
  date_and_month: ['date', 'change.dateAndMonth'],
} as const satisfies Record<string, readonly [Field, string]>;

/** Each problem in words under its field; two on one field read one after the other. */
function problemTexts(
  problems: readonly ChangeProblem[],
  tenant: Tenant,
  lang: Language,
): Partial<Record<Field, string>> {
  const errors: Partial<Record<Field, string>> = {};
  const add = (field: Field, text: string) => {
    errors[field] = errors[field] ? `${errors[field]} ${text}` : text;
  };
  for (const problem of problems) {
    if (problem.code === 'rejected') {
      // In a card the customer's and the assignee's names read as text (escapeMarkdown).
      const texts = fieldErrors(
        problem.violations,
        { workload: problem.workload, tenant },
        lang,
        escapeMarkdown,
      );
      for (const [field, text] of Object.entries(texts)) add(field as Field, text);
    } else {
      const [field, key] = PROBLEM_FIELD[problem.code];
      add(field, t(lang, key));
    }
  }
  return errors;
}

function bannerOf(notice: ChangeNotice, lang: Language): Banner {
  switch (notice.code) {
    case 'typed_date':
      return {
        text: t(lang, 'change.typedDate', {
          text: escapeMarkdown(notice.text),
          date: formatDate(notice.date, lang),
        }),
        style: 'accent',
      };
    case 'typed_month':
      return {
        text: t(lang, 'change.typedMonth', {
          text: escapeMarkdown(notice.text),
          month: formatMonth(notice.month, lang),
        }),
        style: 'accent',
      };
    case 'conflict':
      return {
        text: t(lang, 'change.conflict', { esd: formatEsd(notice.current, lang) }),
        style: 'warning',
      };
    case 'invalid':
      return { text: t(lang, 'change.errorSummary'), style: 'attention' };
  }
}

export function changeCard(input: ChangeCardInput, lang: Language): Card {
  const notice = input.notice ?? null;
  const values = { workload: '', date: '', month: '', basis: '', reason: '', ...input.values };
  const errors = {
    workload: '',
    date: '',
    month: '',
    basis: '',
    reason: '',
    ...(notice?.code === 'invalid' ? problemTexts(notice.problems, input.tenant, lang) : {}),
  };
  const bounds = windowBounds(input.today, input.window);
  const action: ChangeActionData = {
    verb: VERB.change,
    tenantId: input.tenant.id,
    versions: Object.fromEntries(input.workloads.map((w) => [w.id, w.version])),
  };
  return expandCard('change-esd', {
    s: wording(lang),
    subtitle: t(lang, 'change.subtitle', {
      customer: escapeMarkdown(input.tenant.customerName),
      tenant: escapeMarkdown(input.tenant.name),
    }),
    banner: notice ? bannerOf(notice, lang) : { text: '', style: 'default' },
    // By name in the reader's language (the title starts with it), not by code.
    workloads: byTitle(
      input.workloads.map((w) => ({ value: w.id, title: workloadChoiceTitle(w, lang) })),
      lang,
    ),
    // Only months the window allows (R9: an estimate counts from its first day).
    months: monthChoices(input.today, lang).filter((m) => `${m.value}-01` <= bounds.latest),
    bases: basisChoices(lang),
    values,
    errors,
    minDate: bounds.earliest,
    maxDate: bounds.latest,
    // Shown by the client when the calendar's day is outside min/max: the allowed range, never
    // a Save that silently does nothing.
    dateRange: t(lang, 'violation.date_out_of_window', {
      earliest: formatDate(bounds.earliest, lang),
      latest: formatDate(bounds.latest, lang),
    }),
    action,
    tenantLabel: tenantLabel(input.tenant),
  });
}
