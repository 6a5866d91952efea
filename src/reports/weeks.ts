import { addDays, type CalendarDate, daysBetween, isoWeekday } from '../domain/index.js';

/** The Monday of the ISO week `date` falls in (weeks start on Monday). */
export function mondayOf(date: CalendarDate): CalendarDate {
  return addDays(date, 1 - isoWeekday(date));
}

/** ISO 8601 week-numbering year and week (1–53): the week belongs to the year of its Thursday. */
export function isoWeek(date: CalendarDate): { year: number; week: number } {
  const thursday = addDays(mondayOf(date), 3);
  const year = Number(thursday.slice(0, 4));
  const first = `${thursday.slice(0, 4)}-01-01` as CalendarDate;
  return { year, week: Math.floor(daysBetween(first, thursday) / 7) + 1 };
}

/** "2026-W48". */
export function isoWeekLabel(date: CalendarDate): string {
  const { year, week } = isoWeek(date);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export interface Week {
  /** Monday. */
  start: CalendarDate;
  /** Sunday. */
  end: CalendarDate;
  isoYear: number;
  isoWeek: number;
}

/** `count` consecutive ISO weeks, the first being the one `from` falls in. */
export function weeksFrom(from: CalendarDate, count: number): Week[] {
  const first = mondayOf(from);
  return Array.from({ length: count }, (_, i) => {
    const start = addDays(first, 7 * i);
    const { year, week } = isoWeek(start);
    return { start, end: addDays(start, 6), isoYear: year, isoWeek: week };
  });
}
