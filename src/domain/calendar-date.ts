/**
 * Calendar dates as `YYYY-MM-DD` strings, end to end. A JS `Date` carries an instant and
 * a time zone would shift it; an Engagement Start Date is a day on the calendar, nothing more.
 */

declare const brand: unique symbol;
export type CalendarDate = string & { readonly [brand]: 'CalendarDate' };
/** `YYYY-MM`, for a month-only estimate (R9). */
export type CalendarMonth = string & { readonly [brand]: 'CalendarMonth' };

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const DAY_MS = 86_400_000;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isCalendarDate(value: unknown): value is CalendarDate {
  if (typeof value !== 'string') return false;
  const m = DATE.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function isCalendarMonth(value: unknown): value is CalendarMonth {
  if (typeof value !== 'string') return false;
  const m = MONTH.exec(value);
  return !!m && Number(m[1]) >= 1 && Number(m[2]) >= 1 && Number(m[2]) <= 12;
}

export function toCalendarDate(value: string): CalendarDate {
  if (!isCalendarDate(value)) throw new RangeError(`not a calendar date: ${JSON.stringify(value)}`);
  return value;
}

/**
 * Days since 1970-01-01, by arithmetic on the digits (H. Hinnant's days_from_civil): a turn
 * computes dozens of these (the window, the card's months), and building a Date for each was
 * ~60 µs of a profiled turn (bench:turn). Exact for every year from 1 (no Date.UTC mapping of
 * the years 0..99 to 1900..1999); test/domain/calendar-date.test.ts holds it to Date.
 */
function toEpochDay(date: CalendarDate): number {
  const d = Number(date.slice(8, 10));
  const m = Number(date.slice(5, 7));
  const y = Number(date.slice(0, 4)) - (m <= 2 ? 1 : 0);
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function fromEpochDay(day: number): CalendarDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10) as CalendarDate;
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/** Whole days from `a` to `b` (positive when `b` is later). */
export function daysBetween(a: CalendarDate, b: CalendarDate): number {
  return toEpochDay(b) - toEpochDay(a);
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function monthOf(date: CalendarDate): CalendarMonth {
  return date.slice(0, 7) as CalendarMonth;
}

/** R9: a month-only estimate is the first day of that month. */
export function firstDayOfMonth(month: CalendarMonth): CalendarDate {
  return `${month}-01` as CalendarDate;
}

/** ISO weekday: 1 = Monday ... 7 = Sunday. */
export function isoWeekday(date: CalendarDate): number {
  const dow = new Date(toEpochDay(date) * DAY_MS).getUTCDay();
  return dow === 0 ? 7 : dow;
}

/**
 * Intl.DateTimeFormat objects are costly to build (a fraction of a millisecond each) and cheap to
 * use: one per kind and time zone, made on first use. An unknown zone throws, as before, and
 * is not kept; there are a few hundred valid ones at most.
 */
const formats = new Map<string, Intl.DateTimeFormat>();
function formatFor(
  kind: 'date' | 'dateTime',
  timeZone: string,
  make: () => Intl.DateTimeFormat,
): Intl.DateTimeFormat {
  const key = `${kind}|${timeZone}`;
  let format = formats.get(key);
  if (!format) {
    format = make();
    formats.set(key, format);
  }
  return format;
}

/**
 * The last answer per time zone, with the UTC minute it was for: every turn and every sweep
 * candidate asks for "today" in a zone, and formatToParts is the slow part of a turn's set-up.
 * Since 1973 every zone's offset is a whole number of minutes, so one UTC minute falls on one
 * local date; earlier instants (offsets in seconds, e.g. Monrovia's -0:44:30) are not remembered.
 */
const lastDayIn = new Map<string, { minute: number; date: CalendarDate }>();
const WHOLE_MINUTE_OFFSETS_FROM = Date.UTC(1973, 0, 1);

/** The calendar date that `instant` falls on in `timeZone` (an IANA name). */
export function calendarDateIn(instant: Date, timeZone: string): CalendarDate {
  const ms = instant.getTime();
  const minute = Math.floor(ms / 60_000);
  const last = lastDayIn.get(timeZone);
  if (last && last.minute === minute) return last.date;
  const date = formatCalendarDate(instant, timeZone);
  // Keyed by the zone names seen (validated by Intl above): a few hundred at most.
  if (ms >= WHOLE_MINUTE_OFFSETS_FROM) lastDayIn.set(timeZone, { minute, date });
  return date;
}

/** Where UTC's date is the ISO string's (four-digit years, the Gregorian calendar throughout). */
const ISO_DATES_FROM = Date.UTC(1583, 0, 1);
const ISO_DATES_UNTIL = Date.UTC(10_000, 0, 1);

function formatCalendarDate(instant: Date, timeZone: string): CalendarDate {
  // UTC's date needs no time zone data: the sweep asks for it at start-up, and building a
  // DateTimeFormat pages in ~6 MiB of ICU that an idle bot otherwise never touches (issue 20).
  const ms = instant.getTime();
  if (timeZone === 'UTC' && ms >= ISO_DATES_FROM && ms < ISO_DATES_UNTIL)
    return instant.toISOString().slice(0, 10) as CalendarDate;
  const parts = formatFor(
    'date',
    timeZone,
    () =>
      new Intl.DateTimeFormat('en-CA', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      }),
  ).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  // 'numeric' gives years before 1000 unpadded ("999").
  return `${get('year').padStart(4, '0')}-${get('month')}-${get('day')}` as CalendarDate;
}

/** `n` business days (Monday to Friday) after `date`. */
export function addBusinessDays(date: CalendarDate, n: number): CalendarDate {
  let day = date;
  let left = n;
  while (left > 0) {
    day = addDays(day, 1);
    if (isoWeekday(day) <= 5) left--;
  }
  return day;
}

function offsetMinutes(instant: Date, timeZone: string): number {
  // UTC is UTC (see formatCalendarDate): reminders in the default zone need no ICU either.
  const ms = instant.getTime();
  if (timeZone === 'UTC' && ms >= ISO_DATES_FROM && ms < ISO_DATES_UNTIL) return 0;
  const parts = formatFor(
    'dateTime',
    timeZone,
    () =>
      new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      }),
  ).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return Math.round((asUtc - instant.getTime()) / 60_000);
}

/**
 * The instant at which the wall clock in `timeZone` shows `time` (HH:MM) on `date`. In a
 * daylight-saving gap (a time that never shows) the result is within an hour of it.
 */
export function instantAt(date: CalendarDate, time: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  // Two passes settle the offset on both sides of a transition.
  let guess = wall - offsetMinutes(new Date(wall), timeZone) * 60_000;
  guess = wall - offsetMinutes(new Date(guess), timeZone) * 60_000;
  return new Date(guess);
}
