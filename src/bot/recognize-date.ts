import { createRequire } from 'node:module';
import {
  type CalendarDate,
  type CalendarMonth,
  daysBetween,
  isCalendarDate,
  isCalendarMonth,
  monthOf,
} from '../domain/index.js';
import type { Language } from '../i18n/language.js';
import { germanMonth, isOwnDateLanguage, parseDateDeJaZh } from './parse-date-de-ja-zh.js';

interface Resolution {
  timex?: string;
  type?: string;
  value?: string;
  start?: string;
}
interface ModelResult {
  typeName: string;
  resolution: { values: Resolution[] };
}
interface DateTimeModel {
  parse(text: string, referenceDate: Date): ModelResult[];
}
interface Recognizers {
  DateTimeRecognizer: new (
    culture: string,
  ) => {
    getDateTimeModel(culture: string, fallbackToDefaultCulture: boolean): DateTimeModel;
  };
}

/**
 * One model per culture, built on first use. `recognizeDateTime(...)` builds a new recognizer,
 * with every regular expression of every extractor, on each call (about 9 ms); a model is
 * stateless between parses, so one is enough for the process. The package itself (botbuilder's
 * own date recognizer, the one DateTimePrompt uses: a 35,000-line bundle, ~4.5 MiB of the idle
 * server, 0.3–0.5 s to load) is loaded then too: the commonest answers are read without it
 * (dayAndMonth, parse-date-de-ja-zh). Untyped, to keep its CommonJS typings out of this ESM build.
 */
const models = new Map<string, DateTimeModel>();
let recognizers: Recognizers | undefined;
function modelFor(culture: string): DateTimeModel {
  let model = models.get(culture);
  if (!model) {
    recognizers ??= createRequire(import.meta.url)(
      '@microsoft/recognizers-text-date-time',
    ) as Recognizers;
    model = new recognizers.DateTimeRecognizer(culture).getDateTimeModel(culture, true);
    models.set(culture, model);
  }
  return model;
}

export type TypedDate =
  | { kind: 'date'; date: CalendarDate }
  | { kind: 'month'; month: CalendarMonth };

// German and Japanese have no model in the recognizers package: parse-date-de-ja-zh.ts reads them.
const CULTURE: Record<Language, string> = {
  en: 'en-us',
  'pt-BR': 'es-es',
  es: 'es-es',
  de: 'de-de',
  ja: 'ja-jp',
  'zh-Hans': 'zh-cn',
};

/**
 * The recognizers have no Portuguese date model; Portuguese date words map one to one onto
 * Spanish ones, so Portuguese is read through the Spanish model.
 */
const PT_TO_ES: [string, string][] = [
  ['janeiro', 'enero'],
  ['fevereiro', 'febrero'],
  ['março|marco', 'marzo'],
  ['maio', 'mayo'],
  ['junho', 'junio'],
  ['julho', 'julio'],
  ['setembro', 'septiembre'],
  ['outubro', 'octubre'],
  ['novembro', 'noviembre'],
  ['dezembro', 'diciembre'],
  ['segunda(?:-feira)?', 'lunes'],
  ['terça(?:-feira)?|terca(?:-feira)?', 'martes'],
  ['quarta(?:-feira)?', 'miércoles'],
  ['quinta(?:-feira)?', 'jueves'],
  ['sexta(?:-feira)?', 'viernes'],
  ['depois de amanhã|depois de amanha', 'pasado mañana'],
  ['amanhã|amanha', 'mañana'],
  ['hoje', 'hoy'],
  ['próxima|proxima', 'próximo'],
  ['semana que vem', 'la próxima semana'],
  ['mês que vem|mes que vem', 'el próximo mes'],
];
// \b is ASCII-only in JavaScript; these boundaries also hold next to "ã" or "ç".
const PT_PATTERNS = PT_TO_ES.map(
  ([pt, es]) => [new RegExp(`(?<![\\p{L}])(?:${pt})(?![\\p{L}])`, 'gu'), es] as const,
);

/** Portuguese text in the Spanish words the recognizers know; other languages unchanged. */
export function bridge(text: string, language: Language): string {
  if (language !== 'pt-BR') return text;
  let out = text.toLowerCase();
  for (const [pattern, replacement] of PT_PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

/**
 * A date (or only a month) typed in chat, in the person's language: "15 de janeiro",
 * "1 de diciembre", "next Monday", "January 2027". A day and month without a year is the nearest
 * such day, before or after today: the date an FM records is often a day just past (the call
 * that happened on the 12th) as often as one ahead, and a day in early January typed in late
 * December is next year's. A month alone is the coming one (R9: an estimate is never past).
 * Returns null when nothing date-like was said.
 */
export function recognizeTypedDate(
  text: string,
  language: Language,
  today: CalendarDate,
): TypedDate | null {
  if (text.length > 200) return null;
  // "32 January" is no date, not the month of January (the recognizer would read the month).
  if (isImpossibleDay(text, language)) return null;
  let result: TypedDate | null;
  if (isOwnDateLanguage(language)) {
    result = parseDateDeJaZh(text, language, today);
    if (!result && language === 'zh-Hans') result = recognize(text, language, today);
  } else {
    const bridged = bridge(text, language);
    result = dayAndMonth(bridged, CULTURE[language], today) ?? recognize(bridged, language, today);
  }
  return result;
}

const MONTHS: Record<string, readonly string[]> = {
  'en-us': [
    'january',
    'february',
    'march',
    'april',
    'may',
    'june',
    'july',
    'august',
    'september',
    'october',
    'november',
    'december',
  ],
  'es-es': [
    'enero',
    'febrero',
    'marzo',
    'abril',
    'mayo',
    'junio',
    'julio',
    'agosto',
    'septiembre',
    'octubre',
    'noviembre',
    'diciembre',
  ],
};
const monthAlternatives = (culture: string) => (MONTHS[culture] ?? []).join('|');
const DAY_MONTH: Record<string, RegExp[]> = {
  'en-us': [
    new RegExp(`^(?<day>\\d{1,2}) (?<month>${monthAlternatives('en-us')})$`, 'i'),
    new RegExp(`^(?<month>${monthAlternatives('en-us')}) (?<day>\\d{1,2})$`, 'i'),
  ],
  'es-es': [new RegExp(`^(?<day>\\d{1,2}) de (?<month>${monthAlternatives('es-es')})$`, 'i')],
};
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * The commonest answer, a day and a month name ("15 January", "January 15", "15 de enero"),
 * read without the recognizer (which takes milliseconds for any text): the nearest such day,
 * exactly what the recognizer's two readings (the past and the coming one) give below. 29 February, impossible days and anything else go to the recognizer.
 * test/bot/recognize-date.test.ts checks the two agree.
 */
export function dayAndMonth(text: string, culture: string, today: CalendarDate): TypedDate | null {
  for (const pattern of DAY_MONTH[culture] ?? []) {
    const match = pattern.exec(text);
    if (!match?.groups) continue;
    const month = (MONTHS[culture] ?? []).indexOf((match.groups.month ?? '').toLowerCase());
    const day = Number(match.groups.day);
    if (month < 0 || day < 1 || day > (DAYS_IN_MONTH[month] ?? 0)) return null;
    const monthDay = `${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const year = Number(today.slice(0, 4));
    const date = nearest(
      [year - 1, year, year + 1].map((y) => `${y}-${monthDay}`).filter(isCalendarDate),
      today,
    );
    return date ? { kind: 'date', date } : null;
  }
  return null;
}

/** The day closest to today; a tie goes to the later one. */
function nearest(dates: readonly CalendarDate[], today: CalendarDate): CalendarDate | undefined {
  let best: CalendarDate | undefined;
  for (const date of dates) {
    if (!best) best = date;
    else {
      const gap = Math.abs(daysBetween(today, date));
      const bestGap = Math.abs(daysBetween(today, best));
      if (gap < bestGap || (gap === bestGap && date > best)) best = date;
    }
  }
  return best;
}

/** The full recognizer: relative dates, months alone, dates with a year, other wordings. */
export function recognize(
  bridged: string,
  language: Language,
  today: CalendarDate,
): TypedDate | null {
  const reference = new Date(`${today}T12:00:00`);
  const results = modelFor(CULTURE[language]).parse(bridged, reference);
  for (const result of results) {
    const values = result.resolution?.values ?? [];
    if (result.typeName === 'datetimeV2.date') {
      const dates = values.map((v) => v.value).filter(isCalendarDate);
      // The same day and month in two years ("12 June"): the nearest. Other pairs ("Monday",
      // last and next): the coming one.
      const sameDay = dates.length > 1 && dates.every((d) => d.slice(5) === dates[0]?.slice(5));
      const chosen = sameDay
        ? nearest(dates, today)
        : (dates.find((d) => d >= today) ?? dates[dates.length - 1]);
      if (chosen) return { kind: 'date', date: chosen };
    }
    if (result.typeName === 'datetimeV2.daterange') {
      // A whole month ("January 2027", "fevereiro") is a month-only estimate (R9).
      const months = values
        .filter((v) => v.timex && /^(\d{4}|XXXX)-\d{2}$/.test(v.timex) && v.start)
        .map((v) => (v.start as string).slice(0, 7))
        .filter(isCalendarMonth);
      const upcoming = months.find((m) => m >= monthOf(today)) ?? months[months.length - 1];
      if (upcoming) return { kind: 'month', month: upcoming };
    }
  }
  return null;
}

/** The most days a month ever has (29 for February: a leap year's). */
const MOST_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const ORDINAL = '(?:st|nd|rd|th)?';
const YEAR = '(?<year>\\d{4})';
const IMPOSSIBLE: Record<Language, RegExp[]> = {
  en: [
    new RegExp(`^(?<day>\\d{1,2})${ORDINAL} (?:of )?(?<month>\\p{L}+)\\.?(?:,? ${YEAR})?$`, 'iu'),
    new RegExp(`^(?<month>\\p{L}+)\\.? (?<day>\\d{1,2})${ORDINAL}(?:,? ${YEAR})?$`, 'iu'),
  ],
  // Portuguese is bridged to Spanish words first ("31 de fevereiro" -> "31 de febrero").
  'pt-BR': [new RegExp(`^(?<day>\\d{1,2})º? de (?<month>\\p{L}+)(?: de(?:l)? ${YEAR})?$`, 'iu')],
  es: [new RegExp(`^(?<day>\\d{1,2}) de (?<month>\\p{L}+)(?: de(?:l)? ${YEAR})?$`, 'iu')],
  de: [new RegExp(`^(?<day>\\d{1,2})\\.\\s*(?<month>\\p{L}+\\.?)(?:\\s+${YEAR})?$`, 'iu')],
  ja: [/^(?:(?<year>\d{4})年)?(?<month>\d{1,2})月(?<day>\d{1,2})[日号]$/u],
  'zh-Hans': [/^(?:(?<year>\d{4})年)?(?<month>\d{1,2})月(?<day>\d{1,2})[日号]$/u],
};

function monthNumber(word: string, language: Language): number | null {
  if (/^\d+$/.test(word)) return Number(word);
  if (language === 'de') return germanMonth(word.toLowerCase());
  const names = MONTHS[language === 'en' ? 'en-us' : 'es-es'] ?? [];
  const w = word.toLowerCase().replace(/\.$/, '');
  // English "Feb" as well as "February"; Spanish and Portuguese are written out.
  const index = names.findIndex(
    (name) => name === w || (language === 'en' && w.length === 3 && name.startsWith(w)),
  );
  return index < 0 ? null : index + 1;
}

/**
 * True when the text names a day that no calendar has: "31 February", "30 de fevereiro",
 * "31 de abril", "2月30日", or "29 February 2027" (not a leap year). The chat then says the date
 * does not exist, instead of a hint to fill in the card. False for anything else, dates or not.
 */
export function isImpossibleDay(text: string, language: Language): boolean {
  if (text.length > 200) return false;
  const bridged = bridge(text.trim(), language);
  for (const pattern of IMPOSSIBLE[language]) {
    const groups = pattern.exec(bridged)?.groups;
    if (!groups) continue;
    const month = monthNumber(groups.month ?? '', language);
    const day = Number(groups.day);
    if (!month || month > 12 || day < 1) return false;
    if (groups.year) {
      const date = `${groups.year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      return !isCalendarDate(date);
    }
    return day > (MOST_DAYS[month - 1] ?? 31);
  }
  return false;
}
