import { createRequire } from 'node:module';
import {
  type CalendarDate,
  type CalendarMonth,
  isCalendarDate,
  isCalendarMonth,
  monthOf,
} from '../domain/index.js';
import type { Language } from '../i18n/language.js';

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
// botbuilder's own date recognizer (the one DateTimePrompt uses), loaded untyped to keep its
// CommonJS typings out of this ESM build.
const recognizers = createRequire(import.meta.url)('@microsoft/recognizers-text-date-time') as {
  recognizeDateTime(text: string, culture: string, options?: number, refDate?: Date): ModelResult[];
};

export type TypedDate =
  | { kind: 'date'; date: CalendarDate }
  | { kind: 'month'; month: CalendarMonth };

const CULTURE: Record<Language, string> = { en: 'en-us', 'pt-BR': 'es-es', es: 'es-es' };

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

function bridge(text: string, language: Language): string {
  if (language !== 'pt-BR') return text;
  let out = text.toLowerCase();
  for (const [pattern, replacement] of PT_PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

/**
 * A date (or only a month) typed in chat, in the person's language: "15 de janeiro",
 * "1 de diciembre", "next Monday", "January 2027". Dates without a year are the next one to
 * come (a start date is usually ahead). Returns null when nothing date-like was said.
 */
export function recognizeTypedDate(
  text: string,
  language: Language,
  today: CalendarDate,
): TypedDate | null {
  if (text.length > 200) return null;
  const reference = new Date(`${today}T12:00:00`);
  const results = recognizers.recognizeDateTime(
    bridge(text, language),
    CULTURE[language],
    undefined,
    reference,
  );
  for (const result of results) {
    const values = result.resolution?.values ?? [];
    if (result.typeName === 'datetimeV2.date') {
      const dates = values.map((v) => v.value).filter(isCalendarDate);
      const upcoming = dates.find((d) => d >= today) ?? dates[dates.length - 1];
      if (upcoming) return { kind: 'date', date: upcoming };
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
