import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  type CalendarMonth,
  calendarDateIn,
  compareDates,
  daysBetween,
  firstDayOfMonth,
  instantAt,
  isCalendarDate,
  isCalendarMonth,
  isoWeekday,
  monthOf,
  toCalendarDate,
} from '../../src/domain/index.js';
import { day } from './builders.js';

describe('calendar dates: validity and leap years', () => {
  it.each([
    ['2024-02-29', true],
    ['2026-02-29', false],
    ['2026-02-28', true],
    ['1900-02-29', false],
    ['2000-02-29', true],
    ['2100-02-29', false],
    ['0004-02-29', true],
    ['0001-01-01', true],
    ['9999-12-31', true],
    ['0000-01-01', false],
    ['2026-04-31', false],
    ['2026-12-31', true],
    ['2026-13-01', false],
    ['2026-00-01', false],
    ['2026-01-00', false],
    ['2026-01-32', false],
    ['', false],
    ['26-1-1', false],
    ['2026-1-01', false],
    ['2026-01-01T00:00:00Z', false],
    ['2026-01-01 ', false],
    ['２０２６-０１-０１', false],
  ])('isCalendarDate(%j) is %s', (value, expected) => {
    expect(isCalendarDate(value)).toBe(expected);
  });

  it.each([[20260101], [null], [undefined], [new Date('2026-01-01T00:00:00Z')], [['2026-01-01']]])(
    'isCalendarDate(%j) of the wrong type is false',
    (value) => {
      expect(isCalendarDate(value)).toBe(false);
    },
  );

  it.each([
    ['2026-01', true],
    ['2026-12', true],
    ['0001-01', true],
    ['2026-13', false],
    ['2026-00', false],
    ['0000-01', false],
    ['2026-1', false],
    ['2026-01-01', false],
    ['', false],
  ])('isCalendarMonth(%j) is %s', (value, expected) => {
    expect(isCalendarMonth(value)).toBe(expected);
  });

  it('toCalendarDate accepts a valid date and throws RangeError otherwise', () => {
    expect(toCalendarDate('2024-02-29')).toBe('2024-02-29');
    expect(() => toCalendarDate('2026-02-29')).toThrow(RangeError);
  });
});

describe('calendar dates: arithmetic', () => {
  it.each([
    ['2026-12-31', 1, '2027-01-01'],
    ['2027-01-01', -1, '2026-12-31'],
    ['2026-01-31', 1, '2026-02-01'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2026-02-28', 1, '2026-03-01'],
    ['1900-02-28', 1, '1900-03-01'],
    ['2000-02-28', 1, '2000-02-29'],
    ['2026-11-22', 0, '2026-11-22'],
    ['2026-11-22', -365, '2025-11-22'],
    ['2026-11-22', 730, '2028-11-21'],
    ['2026-11-22', 36_524, '2126-11-22'],
    ['1969-12-31', 1, '1970-01-01'],
    ['1970-01-01', -1, '1969-12-31'],
    ['0050-01-01', 1, '0050-01-02'],
    ['0099-12-31', 1, '0100-01-01'],
    ['0001-01-01', 365, '0002-01-01'],
  ])('addDays(%s, %i) is %s', (date, n, expected) => {
    expect(addDays(day(date), n)).toBe(expected);
  });

  it.each([
    ['2024-02-28', '2024-03-01', 2],
    ['2026-02-28', '2026-03-01', 1],
    ['1900-02-28', '1900-03-01', 1],
    ['2000-02-28', '2000-03-01', 2],
    ['2026-11-22', '2026-11-22', 0],
    ['2026-12-31', '2026-01-01', -364],
    ['2024-01-01', '2025-01-01', 366],
    ['2025-11-22', '2026-11-22', 365],
    ['1969-12-31', '1970-01-02', 2],
    ['0050-01-01', '0051-01-01', 365],
    ['0001-01-01', '9999-12-31', 3_652_058],
  ])('daysBetween(%s, %s) is %i', (a, b, expected) => {
    expect(daysBetween(day(a), day(b))).toBe(expected);
  });

  it.each([
    ['2026-11-22', 7],
    ['2026-11-23', 1],
    ['2026-11-27', 5],
    ['2024-02-29', 4],
    ['2000-01-01', 6],
    ['1970-01-01', 4],
    ['1969-12-31', 3],
    ['0001-01-01', 1],
    ['0050-06-01', 3],
  ])('isoWeekday(%s) is %i (1 = Monday, 7 = Sunday)', (date, expected) => {
    expect(isoWeekday(day(date))).toBe(expected);
  });

  it.each([
    ['2026-11-22', '2026-11-23', -1],
    ['2026-11-23', '2026-11-22', 1],
    ['2026-11-22', '2026-11-22', 0],
    ['2026-12-31', '2027-01-01', -1],
    ['0999-12-31', '1000-01-01', -1],
  ])('compareDates(%s, %s) is %i', (a, b, expected) => {
    expect(compareDates(day(a), day(b))).toBe(expected);
  });

  it('R9: monthOf and firstDayOfMonth', () => {
    expect(monthOf(day('2026-11-22'))).toBe('2026-11');
    expect(firstDayOfMonth('2027-03' as CalendarMonth)).toBe('2027-03-01');
  });
});

describe('calendarDateIn: the day an instant falls on, in a time zone', () => {
  it.each([
    ['2026-11-22T02:30:00Z', 'America/Sao_Paulo', '2026-11-21'],
    ['2026-11-22T02:30:00Z', 'Europe/Madrid', '2026-11-22'],
    ['2026-11-22T02:30:00Z', 'UTC', '2026-11-22'],
    ['2026-11-22T02:59:59Z', 'America/Sao_Paulo', '2026-11-21'],
    ['2026-11-22T03:00:00Z', 'America/Sao_Paulo', '2026-11-22'],
    ['2026-11-21T22:59:59Z', 'Europe/Madrid', '2026-11-21'],
    ['2026-11-21T23:00:00Z', 'Europe/Madrid', '2026-11-22'],
    ['2026-07-21T21:59:59Z', 'Europe/Madrid', '2026-07-21'],
    ['2026-07-21T22:00:00Z', 'Europe/Madrid', '2026-07-22'],
    ['2026-11-21T18:29:00Z', 'Asia/Kolkata', '2026-11-21'],
    ['2026-11-21T18:30:00Z', 'Asia/Kolkata', '2026-11-22'],
    ['2026-12-31T14:59:59Z', 'Asia/Tokyo', '2026-12-31'],
    ['2026-12-31T15:00:00Z', 'Asia/Tokyo', '2027-01-01'],
    ['2027-01-01T07:59:59Z', 'America/Los_Angeles', '2026-12-31'],
    ['2027-01-01T08:00:00Z', 'America/Los_Angeles', '2027-01-01'],
    ['2026-03-08T04:59:00Z', 'America/New_York', '2026-03-07'],
    ['2026-03-08T05:00:00Z', 'America/New_York', '2026-03-08'],
    ['2026-11-22T09:59:59Z', 'Pacific/Kiritimati', '2026-11-22'],
    ['2026-11-22T10:00:00Z', 'Pacific/Kiritimati', '2026-11-23'],
    ['2026-11-22T10:59:59Z', 'Pacific/Pago_Pago', '2026-11-21'],
    ['2026-11-22T11:00:00Z', 'Pacific/Pago_Pago', '2026-11-22'],
    ['2024-02-29T12:00:00Z', 'Australia/Sydney', '2024-02-29'],
    ['0050-06-01T12:00:00Z', 'UTC', '0050-06-01'],
    ['0999-12-31T23:30:00Z', 'Europe/Berlin', '1000-01-01'],
  ])('calendarDateIn(%s, %s) is %s', (iso, tz, expected) => {
    const result = calendarDateIn(new Date(iso), tz);
    expect(result).toBe(expected);
    expect(isCalendarDate(result)).toBe(true);
  });

  // calendarDateIn remembers its last answer per zone and UTC minute: asked again and again,
  // across midnights, offsets in seconds (before 1973) and DST changes, it must say what Intl says.
  const intlDate = (instant: Date, timeZone: string) => {
    const parts = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).formatToParts(instant);
    const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
    return `${get('year').padStart(4, '0')}-${get('month')}-${get('day')}`;
  };
  const ZONES = [
    'UTC',
    'America/Sao_Paulo',
    'Europe/Madrid',
    'Asia/Kolkata',
    'Asia/Kathmandu',
    'Australia/Lord_Howe',
    'Africa/Monrovia',
    'Pacific/Kiritimati',
    'America/St_Johns',
  ];
  it('calendarDateIn agrees with Intl for any instant, asked in any order', () => {
    const instant = fc.oneof(
      // noInvalidDate: fast-check's date arbitrary makes new Date(NaN) by chance otherwise
      // (seed 840529949), and Intl throws on it: a failure of the generator, not of the code.
      fc.date({
        min: new Date('1900-01-01T00:00:00Z'),
        max: new Date('2100-01-01T00:00:00Z'),
        noInvalidDate: true,
      }),
      // Seconds around local midnights, where a remembered minute would show.
      fc
        .tuple(fc.integer({ min: 0, max: 40_000 }), fc.integer({ min: -90, max: 90 }))
        .map(([d, s]) => new Date(Date.UTC(1971, 0, 1 + d) + s * 1000)),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(instant, fc.constantFrom(...ZONES)), { maxLength: 40 }),
        (asks) => {
          for (const [at, tz] of asks) expect(calendarDateIn(at, tz)).toBe(intlDate(at, tz));
        },
      ),
      { numRuns: 300 },
    );
  });

  // UTC is read from the ISO string between 1583 and 9999 (no ICU at start-up, issue 20).
  it('calendarDateIn in UTC agrees with Intl from year 1 to 9999, at the fast path edges too', () => {
    const edges = ['1582-12-31T23:59:59.999Z', '1583-01-01T00:00:00Z', '9999-12-31T23:59:59.999Z'];
    for (const iso of edges)
      expect(calendarDateIn(new Date(iso), 'UTC')).toBe(intlDate(new Date(iso), 'UTC'));
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('0001-01-01T00:00:00Z'),
          max: new Date('9999-12-31T23:59:59Z'),
          noInvalidDate: true,
        }),
        (at) => {
          expect(calendarDateIn(at, 'UTC')).toBe(intlDate(at, 'UTC'));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('instantAt in UTC is the wall time itself', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1583-01-01T00:00:00Z'),
          max: new Date('9999-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        (at, h, m) => {
          const date = toCalendarDate(at.toISOString().slice(0, 10));
          const time = `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
          expect(instantAt(date, time, 'UTC').toISOString()).toBe(`${date}T${time}:00.000Z`);
        },
      ),
      { numRuns: 300 },
    );
  });

  it.each([
    ['1972-01-06T23:59:59Z', 'Africa/Monrovia', '1972-01-06'],
    ['1972-01-07T00:44:29Z', 'Africa/Monrovia', '1972-01-06'],
    ['1972-01-07T00:44:31Z', 'Africa/Monrovia', '1972-01-07'],
  ])('calendarDateIn at an offset in seconds: %s in %s is %s', (iso, tz, expected) => {
    calendarDateIn(new Date(iso.replace(/:\d\dZ$/, ':00Z')), tz);
    expect(calendarDateIn(new Date(iso), tz)).toBe(expected);
  });

  it('calendarDateIn rejects an unknown time zone with RangeError', () => {
    expect(() => calendarDateIn(new Date('2026-11-22T00:00:00Z'), 'Mars/Olympus_Mons')).toThrow(
      RangeError,
    );
  });
});

describe('daysBetween by arithmetic (issue 20: no Date per call)', () => {
  // The days as Date counts them (setUTCFullYear: no mapping of the years 0..99).
  const dateDays = (text: string) => {
    const [y, m, d] = text.split('-').map(Number) as [number, number, number];
    const utc = new Date(0);
    utc.setUTCFullYear(y, m - 1, d);
    return Math.floor(utc.getTime() / 86_400_000);
  };
  const anyDate = fc
    .date({
      min: new Date('0001-01-01T00:00:00Z'),
      max: new Date('9999-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((d) => toCalendarDate(d.toISOString().slice(0, 10)));

  it('equals Date on any two days from year 1 to 9999, and addDays walks back', () => {
    fc.assert(
      fc.property(anyDate, anyDate, (a, b) => {
        expect(daysBetween(a, b)).toBe(dateDays(b) - dateDays(a));
        expect(addDays(a, daysBetween(a, b))).toBe(b);
      }),
      { numRuns: 5000 },
    );
  });

  it('equals Date on every day of 1899–2101 (leap years and century rules)', () => {
    const start = day('1899-01-01');
    for (let n = 0; n < 203 * 366; n++) {
      const d = addDays(start, n);
      expect(daysBetween(start, d)).toBe(dateDays(d) - dateDays(start));
    }
  });
});
