import { format } from 'date-fns';
import { enUS, es, ptBR } from 'date-fns/locale';
import type { CalendarDate, CalendarMonth, Esd } from '../domain/index.js';
import type { Language } from './language.js';
import { t } from './translate.js';

const DATE_FNS_LOCALES = { en: enUS, 'pt-BR': ptBR, es } as const;
const INTL_LOCALES = { en: 'en-US', 'pt-BR': 'pt-BR', es: 'es-ES' } as const;

/** A calendar date as a local date object; formatting it never crosses a time zone. */
function asLocalDate(date: CalendarDate | `${string}-${string}-${string}`): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const local = new Date(2000, 0, 1);
  local.setFullYear(y, m - 1, d);
  return local;
}

/**
 * Formatted dates and months, kept: a card shows the same few dozen on every turn, and date-fns
 * takes ~10 µs for each. Bounded: emptied when full (a day has 3 languages × 2 forms).
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

/** "Jan 15, 2027" / "15 de jan. de 2027" / "15 ene 2027". */
export function formatDate(date: CalendarDate, language: Language): string {
  return remembered(`d|${language}|${date}`, () =>
    format(asLocalDate(date), 'PP', { locale: DATE_FNS_LOCALES[language] }),
  );
}

/** "Mon, Jan 15, 2027", for lists where the weekday helps. */
export function formatDateWithWeekday(date: CalendarDate, language: Language): string {
  return format(asLocalDate(date), 'EEE, PP', { locale: DATE_FNS_LOCALES[language] });
}

/** "February 2027" / "fevereiro de 2027" / "febrero de 2027". */
export function formatMonth(month: CalendarMonth | string, language: Language): string {
  return remembered(`m|${language}|${month}`, () =>
    format(
      asLocalDate(`${month}-01` as CalendarDate),
      language === 'en' ? 'LLLL yyyy' : "LLLL 'de' yyyy",
      { locale: DATE_FNS_LOCALES[language] },
    ),
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
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  }).format(new Date(iso));
}
