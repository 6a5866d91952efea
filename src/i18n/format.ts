// One function and six locales by their own paths: 'date-fns' and 'date-fns/locale' load every
// function and every locale (~100): ~8 MiB more of the server's memory, for what it never calls.
import { format } from 'date-fns/format';
import { de } from 'date-fns/locale/de';
import { enUS } from 'date-fns/locale/en-US';
import { es } from 'date-fns/locale/es';
import { ja } from 'date-fns/locale/ja';
import { ptBR } from 'date-fns/locale/pt-BR';
import { zhCN } from 'date-fns/locale/zh-CN';
import type { CalendarDate, CalendarMonth, Esd } from '../domain/index.js';
import type { Language } from './language.js';
import { t } from './translate.js';

export const DATE_FNS_LOCALES = { en: enUS, 'pt-BR': ptBR, es, de, ja, 'zh-Hans': zhCN } as const;
const INTL_LOCALES = {
  en: 'en-US',
  'pt-BR': 'pt-BR',
  es: 'es-ES',
  de: 'de-DE',
  ja: 'ja-JP',
  'zh-Hans': 'zh-CN',
} as const;

/**
 * date-fns patterns per language. German writes the month out ("15. Januar 2027": "15. Jan. 2027"
 * reads as an abbreviation list); Japanese and Chinese write 2027年1月15日, not date-fns' numeric
 * medium forms (2027/01/15, 2027-01-15).
 */
const PATTERNS: Record<Language, { date: string; month: string; dayMonth: string }> = {
  en: { date: 'PP', month: 'LLLL yyyy', dayMonth: 'd MMM' },
  'pt-BR': { date: 'PP', month: "LLLL 'de' yyyy", dayMonth: 'd MMM' },
  es: { date: 'PP', month: "LLLL 'de' yyyy", dayMonth: 'd MMM' },
  de: { date: 'PPP', month: 'LLLL yyyy', dayMonth: 'd. MMM' },
  ja: { date: 'PPP', month: "yyyy'年'M'月'", dayMonth: "M'月'd'日'" },
  'zh-Hans': { date: 'PPP', month: "yyyy'年'M'月'", dayMonth: "M'月'd'日'" },
};

/** A calendar date as a local date object; formatting it never crosses a time zone. */
function asLocalDate(date: CalendarDate | `${string}-${string}-${string}`): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const local = new Date(2000, 0, 1);
  local.setFullYear(y, m - 1, d);
  return local;
}

/**
 * Formatted dates and months, kept: a card shows the same few dozen on every turn, and date-fns
 * takes ~10 µs for each. Bounded: emptied when full (a day has 6 languages × 2 forms).
 */
const formatted = new Map<string, string>();
const MAX_FORMATTED = 10_000;

function remembered(key: string, make: () => string): string {
  let text = formatted.get(key);
  if (text === undefined) {
    text = make();
    if (formatted.size >= MAX_FORMATTED) formatted.clear();
    formatted.set(key, text);
  }
  return text;
}

/** "Jan 15, 2027" / "15 de jan. de 2027" / "15 ene 2027" / "15. Januar 2027" / "2027年1月15日". */
export function formatDate(date: CalendarDate, language: Language): string {
  return remembered(`d|${language}|${date}`, () =>
    format(asLocalDate(date), PATTERNS[language].date, { locale: DATE_FNS_LOCALES[language] }),
  );
}

/** A day and month without the year, for narrow columns: "15 Jan" / "15. Jan." / "1月15日". */
export function formatDayMonth(date: CalendarDate, language: Language): string {
  return format(asLocalDate(date), PATTERNS[language].dayMonth, {
    locale: DATE_FNS_LOCALES[language],
  });
}

/** "February 2027" / "fevereiro de 2027" / "febrero de 2027" / "Februar 2027" / "2027年2月". */
export function formatMonth(month: CalendarMonth | string, language: Language): string {
  return remembered(`m|${language}|${month}`, () =>
    format(asLocalDate(`${month}-01` as CalendarDate), PATTERNS[language].month, {
      locale: DATE_FNS_LOCALES[language],
    }),
  );
}

/** An ESD as a person reads it: a date, a month marked as an estimate (R9), or "not set" (R3). */
export function formatEsd(esd: Esd | null, language: Language): string {
  if (!esd) return t(language, 'esd.notSet');
  if (esd.estimate)
    return t(language, 'esd.estimate', { month: formatMonth(esd.date.slice(0, 7), language) });
  return formatDate(esd.date, language);
}

/** An instant in the reader's time zone: "Nov 22, 2026, 9:00 AM". */
export function formatInstant(iso: string, language: Language, timeZone: string): string {
  return new Intl.DateTimeFormat(INTL_LOCALES[language], {
    // Japanese "medium" is 2027/01/15; "long" is 2027年1月15日, as the dates above.
    dateStyle: language === 'ja' ? 'long' : 'medium',
    timeStyle: 'short',
    timeZone,
  }).format(new Date(iso));
}
