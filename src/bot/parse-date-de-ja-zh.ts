import {
  addDays,
  type CalendarDate,
  type CalendarMonth,
  isCalendarDate,
  isCalendarMonth,
  monthOf,
} from '../domain/index.js';

/**
 * Dates typed in German, Japanese and Chinese chat. The recognizers package has no German or
 * Japanese date model, and its Chinese one reads "2027年3月" as the whole year 2027; so the common
 * written forms are read here, and Chinese falls back to the recognizer for the rest ("下周一").
 *
 * German: "15. Januar", "15. Januar 2027", "15. Jan.", "15.01.2027", "15.1.", "Januar 2027",
 * "März" (month only), "heute", "morgen", "übermorgen", "Montag", "nächsten Montag".
 * Japanese and Chinese: "1月15日", "1月15号", "2027年1月15日", "2027年1月", "1月" (month only),
 * "2027/1/15", "1/15"; Japanese "今日", "明日", "明後日", "月曜日", "来週月曜日".
 * Any of them: "2027-01-15".
 *
 * A day without a year is the next one on or after today; a month without a year is the next
 * one from this month on (a start date is usually ahead; R9 estimates are never in the past).
 */
export type OwnDate =
  | { kind: 'date'; date: CalendarDate }
  | { kind: 'month'; month: CalendarMonth };
export type OwnDateLanguage = 'de' | 'ja' | 'zh-Hans';

export function isOwnDateLanguage(language: string): language is OwnDateLanguage {
  return language === 'de' || language === 'ja' || language === 'zh-Hans';
}

const DE_MONTHS: readonly RegExp[] = [
  /^(?:januar|jänner|jaenner|jan)$/,
  /^(?:februar|feber|feb)$/,
  /^(?:märz|maerz|mär|mrz)$/,
  /^(?:april|apr)$/,
  /^mai$/,
  /^(?:juni|jun)$/,
  /^(?:juli|jul)$/,
  /^(?:august|aug)$/,
  /^(?:september|sept|sep)$/,
  /^(?:oktober|okt)$/,
  /^(?:november|nov)$/,
  /^(?:dezember|dez)$/,
];

/** 1–12 for a German month name or abbreviation ("März", "Feb."), else null. */
export function germanMonth(word: string): number | null {
  const w = word.replace(/\.$/, '');
  const index = DE_MONTHS.findIndex((re) => re.test(w));
  return index < 0 ? null : index + 1;
}

// 0 = Monday … 6 = Sunday.
const DE_WEEKDAYS = [
  'montag',
  'dienstag',
  'mittwoch',
  'donnerstag',
  'freitag',
  'samstag',
  'sonntag',
];
const CJK_WEEKDAYS = '月火水木金土日';

const pad = (n: number) => String(n).padStart(2, '0');

/** 0 = Monday … 6 = Sunday. */
function weekday(date: CalendarDate): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
}

/** The next `day` strictly after today ("Montag" on a Monday is the one a week later). */
function nextWeekday(day: number, today: CalendarDate): CalendarDate {
  const ahead = (day - weekday(today) + 7) % 7 || 7;
  return addDays(today, ahead);
}

/** `day` in the week (Monday to Sunday) after this one: 来週月曜日. */
function weekdayNextWeek(day: number, today: CalendarDate): CalendarDate {
  return addDays(today, 7 - weekday(today) + day);
}

function fullDate(year: number, month: number, day: number): OwnDate | null {
  const date = `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
  return isCalendarDate(date) ? { kind: 'date', date } : null;
}

/** A day and month without a year: the next one on or after today (29 February: the next leap year's). */
function upcomingDate(month: number, day: number, today: CalendarDate): OwnDate | null {
  const year = Number(today.slice(0, 4));
  for (let y = year; y <= year + 4; y++) {
    const date = `${y}-${pad(month)}-${pad(day)}`;
    if (isCalendarDate(date) && date >= today) return { kind: 'date', date };
  }
  return null;
}

function monthOnly(month: number, year: number | null, today: CalendarDate): OwnDate | null {
  const thisYear = Number(today.slice(0, 4));
  let value = `${year ?? thisYear}-${pad(month)}`;
  if (year === null && value < monthOf(today)) value = `${thisYear + 1}-${pad(month)}`;
  return isCalendarMonth(value) ? { kind: 'month', month: value } : null;
}

function withYear(
  year: number | null,
  month: number,
  day: number,
  today: CalendarDate,
): OwnDate | null {
  return year === null ? upcomingDate(month, day, today) : fullDate(year, month, day);
}

/** "27" is 2027: a two-digit year in a date typed for a start is this century's. */
function fullYear(text: string | undefined): number | null {
  if (!text) return null;
  return text.length === 2 ? 2000 + Number(text) : Number(text);
}

/** Full-width digits and letters as ASCII, lower case, outer blanks and final punctuation dropped. */
function tidy(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[。！!？?、,]+$/u, '')
    .trim();
}

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

function parseGerman(text: string, today: CalendarDate): OwnDate | null {
  const s = text.replace(/^(?:am|ab|zum|bis zum) /, '');
  if (s === 'heute') return { kind: 'date', date: today };
  if (s === 'morgen') return { kind: 'date', date: addDays(today, 1) };
  if (s === 'übermorgen' || s === 'uebermorgen') return { kind: 'date', date: addDays(today, 2) };
  const wd = /^(?:(?:nächsten|nächster|naechsten|naechster|kommenden|kommender) )?(\p{L}+)$/u.exec(
    s,
  );
  if (wd) {
    const day = DE_WEEKDAYS.indexOf(wd[1] as string);
    if (day >= 0) return { kind: 'date', date: nextWeekday(day, today) };
  }
  // 15.01.2027, 15.1.27, 15.01., 15.1
  const numeric = /^(\d{1,2})\.(\d{1,2})\.?(?:(\d{4}|\d{2}))?$/.exec(s);
  if (numeric) {
    const [, d, m, y] = numeric;
    return withYear(fullYear(y), Number(m), Number(d), today);
  }
  // 15. Januar, 15. Jan. 2027, 15 Januar
  const named = /^(\d{1,2})\.? ?(\p{L}+\.?)(?: (\d{4}))?$/u.exec(s);
  if (named) {
    const [, d, name, y] = named;
    const month = germanMonth(name as string);
    if (month !== null) return withYear(fullYear(y), month, Number(d), today);
    return null;
  }
  // Januar 2027, März
  const monthName = /^(\p{L}+\.?)(?: (\d{4}))?$/u.exec(s);
  if (monthName) {
    const month = germanMonth(monthName[1] as string);
    if (month !== null) return monthOnly(month, fullYear(monthName[2]), today);
  }
  return null;
}

function parseJapanese(text: string, today: CalendarDate): OwnDate | null {
  const s = text.replace(/ /g, '');
  if (s === '今日' || s === 'きょう' || s === '本日') return { kind: 'date', date: today };
  if (s === '明日' || s === 'あした' || s === 'あす')
    return { kind: 'date', date: addDays(today, 1) };
  if (s === '明後日' || s === 'あさって') return { kind: 'date', date: addDays(today, 2) };
  const wd = new RegExp(`^(来週の?|次の)?([${CJK_WEEKDAYS}])曜日?$`, 'u').exec(s);
  if (wd) {
    const day = CJK_WEEKDAYS.indexOf(wd[2] as string);
    return {
      kind: 'date',
      date: wd[1]?.startsWith('来週') ? weekdayNextWeek(day, today) : nextWeekday(day, today),
    };
  }
  return null;
}

/** Forms written alike in Japanese and Chinese: 2027年1月15日, 1月15号, 2027年1月, 1月, 2027/1/15. */
function parseCjkNumeric(text: string, today: CalendarDate): OwnDate | null {
  const s = text.replace(/ /g, '');
  const ymd = /^(?:(\d{4})年)?(\d{1,2})月(\d{1,2})[日号]$/u.exec(s);
  if (ymd) {
    const [, y, m, d] = ymd;
    return withYear(fullYear(y), Number(m), Number(d), today);
  }
  // 1月, 2027年3月, 3月頃 / 3月ごろ / 3月份 (only the month is known: R9 estimate)
  const ym = /^(?:(\d{4})年)?(\d{1,2})月(?:頃|ごろ|份|中)?$/u.exec(s);
  if (ym) return monthOnly(Number(ym[2]), fullYear(ym[1]), today);
  const slash = /^(?:(\d{4})\/)?(\d{1,2})\/(\d{1,2})$/.exec(s);
  if (slash) {
    const [, y, m, d] = slash;
    return withYear(fullYear(y), Number(m), Number(d), today);
  }
  return null;
}

/**
 * A date typed in German, Japanese or Chinese, or null when it is none of the forms above
 * (for Chinese, the caller then asks the recognizer).
 */
export function parseDateDeJaZh(
  text: string,
  language: OwnDateLanguage,
  today: CalendarDate,
): OwnDate | null {
  const s = tidy(text);
  if (!s || s.length > 40) return null;
  const iso = ISO.exec(s);
  if (iso) return fullDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  if (language === 'de') return parseGerman(s, today);
  return (language === 'ja' ? parseJapanese(s, today) : null) ?? parseCjkNumeric(s, today);
}
