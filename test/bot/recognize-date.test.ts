import { describe, expect, it, vi } from 'vitest';
import {
  bridge,
  dayAndMonth,
  isImpossibleDay,
  recognize,
  recognizeTypedDate,
} from '../../src/bot/recognize-date.js';
import { addDays, type CalendarDate } from '../../src/domain/index.js';
import { ENGLISH_MONTHS, PORTUGUESE_MONTHS, SPANISH_MONTHS } from '../support/months.js';
import { scaled } from '../support/time.js';

// Each test's and hook's limit, scaled on a busy machine (test/support/time.ts).
vi.setConfig({ testTimeout: scaled(60_000), hookTimeout: scaled(60_000) });

const EN = ENGLISH_MONTHS;
const ES = SPANISH_MONTHS;
const PT = PORTUGUESE_MONTHS;

const pad = (n: number) => String(n).padStart(2, '0');

describe('a day and a month name, read without the recognizer', () => {
  // The fast path must answer exactly what the recognizer answers: every month, days at both
  // ends, and "today" just before, on and just after that day and at the turn of the year.
  const cases: { text: string; language: 'en' | 'es' | 'pt-BR'; today: CalendarDate }[] = [];
  for (let m = 0; m < 12; m++) {
    for (const d of [1, 15, 28, 30, 31]) {
      if (m === 1 && d > 28) continue;
      if ([3, 5, 8, 10].includes(m) && d === 31) continue;
      const day = `2026-${pad(m + 1)}-${pad(d)}` as CalendarDate;
      const todays = [addDays(day, -1), day, addDays(day, 1), '2026-12-31' as CalendarDate];
      const today = todays[(m + d) % todays.length] as CalendarDate;
      cases.push({ text: `${d} ${EN[m]}`, language: 'en', today });
      cases.push({
        text: `${EN[m]} ${d}`,
        language: 'en',
        today: todays[(m + d + 1) % 4] as CalendarDate,
      });
      cases.push({
        text: `${d} de ${ES[m]}`,
        language: 'es',
        today: todays[(m + d + 2) % 4] as CalendarDate,
      });
      cases.push({
        text: `${d} de ${PT[m]}`,
        language: 'pt-BR',
        today: todays[(m + d + 3) % 4] as CalendarDate,
      });
    }
  }

  it('agrees with the recognizer on every month, at both ends of the month and of the year', () => {
    const culture = { en: 'en-us', es: 'es-es', 'pt-BR': 'es-es' } as const;
    for (const { text, language, today } of cases) {
      // The production Portuguese→Spanish bridge, as recognizeTypedDate applies it.
      const bridged = bridge(text, language);
      const fast = dayAndMonth(bridged, culture[language], today);
      expect(fast, `${text} (${language})`).not.toBeNull();
      expect(fast, `${text} (${language}) as of ${today}`).toEqual(
        recognize(bridged, language, today),
      );
    }
  });

  it('leaves 29 February, impossible days and other wordings to the recognizer', () => {
    for (const text of [
      '29 February',
      '31 April',
      '0 March',
      '15 January 2027',
      'next Monday',
      '15th January',
      '15  January',
    ])
      expect(dayAndMonth(text, 'en-us', '2026-11-22' as CalendarDate), text).toBeNull();
    expect(recognizeTypedDate('29 February', 'en', '2026-11-22' as CalendarDate)).toEqual(
      recognize('29 February', 'en', '2026-11-22' as CalendarDate),
    );
  });

  it('gives the nearest such day, today included, when it is ahead', () => {
    expect(recognizeTypedDate('15 January', 'en', '2026-11-22' as CalendarDate)).toEqual({
      kind: 'date',
      date: '2027-01-15',
    });
    expect(recognizeTypedDate('22 November', 'en', '2026-11-22' as CalendarDate)).toEqual({
      kind: 'date',
      date: '2026-11-22',
    });
    expect(recognizeTypedDate('15 de janeiro', 'pt-BR', '2026-11-22' as CalendarDate)).toEqual({
      kind: 'date',
      date: '2027-01-15',
    });
  });
});

describe('a day and month without a year: the nearest occurrence (R4/R5: the date recorded is often a day just past)', () => {
  const june15 = '2026-06-15' as CalendarDate;
  it.each([
    ['en', '12 June'],
    ['en', 'June 12'],
    ['pt-BR', '12 de junho'],
    ['es', '12 de junio'],
  ] as const)(
    '%s: %j typed on 15 June is this year’s 12 June, not next year’s',
    (language, text) => {
      expect(recognizeTypedDate(text, language, june15)).toEqual({
        kind: 'date',
        date: '2026-06-12',
      });
    },
  );

  it.each([
    ['en', '3 January'],
    ['pt-BR', '3 de janeiro'],
    ['es', '3 de enero'],
  ] as const)('%s: %j typed on 28 December is next year’s', (language, text) => {
    expect(recognizeTypedDate(text, language, '2026-12-28' as CalendarDate)).toEqual({
      kind: 'date',
      date: '2027-01-03',
    });
  });

  it.each([
    ['en', '28 December'],
    ['pt-BR', '28 de dezembro'],
    ['es', '28 de diciembre'],
  ] as const)('%s: %j typed on 3 January is last year’s', (language, text) => {
    expect(recognizeTypedDate(text, language, '2027-01-03' as CalendarDate)).toEqual({
      kind: 'date',
      date: '2026-12-28',
    });
  });

  it.each([
    ['en', '20 June'],
    ['pt-BR', '20 de junho'],
    ['es', '20 de junio'],
  ] as const)('%s: %j typed on 15 June is still this year’s (ahead)', (language, text) => {
    expect(recognizeTypedDate(text, language, june15)).toEqual({
      kind: 'date',
      date: '2026-06-20',
    });
  });

  it('the recognizer path (29 February) takes the nearest too', () => {
    expect(recognizeTypedDate('29 February', 'en', '2028-03-02' as CalendarDate)).toEqual({
      kind: 'date',
      date: '2028-02-29',
    });
  });

  it('a month alone stays the coming one (R9: an estimate is never in the past)', () => {
    expect(recognizeTypedDate('May', 'en', june15)).toEqual({ kind: 'month', month: '2027-05' });
  });
});

/** Portuguese month names become Spanish ones before either reader sees them. */

describe('a day that no calendar has (issue 15: "31 February" says the date does not exist)', () => {
  const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  it.each(['en', 'es', 'pt-BR'] as const)(
    '%s: the day after each month’s last is impossible, its last day is not',
    (language) => {
      const names = language === 'en' ? EN : language === 'es' ? ES : PT;
      names.forEach((name, i) => {
        const last = DAYS[i] as number;
        const write = (day: number) => (language === 'en' ? `${day} ${name}` : `${day} de ${name}`);
        expect(isImpossibleDay(write(last + 1), language), write(last + 1)).toBe(true);
        expect(isImpossibleDay(write(last), language), write(last)).toBe(false);
        // Whatever is impossible is also never read as a date.
        expect(recognizeTypedDate(write(last + 1), language, '2026-11-22' as CalendarDate)).toBe(
          null,
        );
      });
    },
  );

  it.each([
    ['31 February', 'en'],
    ['February 30', 'en'],
    ['February 30th, 2027', 'en'],
    ['31 Apr', 'en'],
    ['29 February 2027', 'en'],
    ['30 de fevereiro', 'pt-BR'],
    ['31 de abril de 2027', 'pt-BR'],
    ['31 de febrero', 'es'],
    ['31 de abril del 2027', 'es'],
    ['31. Februar', 'de'],
    ['31. April 2027', 'de'],
    ['2月30日', 'ja'],
    ['2027年4月31日', 'zh-Hans'],
  ] as const)('“%s” (%s) is impossible', (text, language) => {
    expect(isImpossibleDay(text, language)).toBe(true);
  });

  it.each([
    ['29 February 2028', 'en'],
    ['29 February', 'en'],
    ['15 January', 'en'],
    ['next Monday', 'en'],
    ['não sei', 'pt-BR'],
    ['32', 'es'],
    ['13 de 2027', 'es'],
    ['2月29日', 'ja'],
    ['', 'en'],
  ] as const)('“%s” (%s) is not called impossible', (text, language) => {
    expect(isImpossibleDay(text, language)).toBe(false);
  });
});
