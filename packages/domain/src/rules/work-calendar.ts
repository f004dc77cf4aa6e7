import { addDays, dayNumber, isCalendarDate } from "./calendar.js";
import { officialArrangements } from "./official-holidays.js";

/** What a listed day is: a 法定节假日 day off, or a Saturday or Sunday worked in exchange (调休上班). */
export const calendarDayKinds = ["holiday", "workday"] as const;
/** The kind of a listed day. */
export type CalendarDayKind = (typeof calendarDayKinds)[number];

/** One listed day of a year's calendar; every day not listed is a working day from Monday to Friday. */
export interface CalendarDay {
  date: string;
  kind: CalendarDayKind;
  /** The holiday it belongs to (春节, 国庆节 …). */
  name: string;
}

/** A year's listed days, as shipped or as a bureau's administrator entered them. */
export interface CalendarYearDays {
  year: number;
  days: readonly CalendarDay[];
}

/** A loaded working-day calendar: the listed days of every year it knows. Build it with `workCalendarOf`. */
export interface WorkCalendar {
  readonly years: ReadonlyMap<number, ReadonlyMap<string, CalendarDayKind>>;
}

/** The listed days of a shipped year's official arrangement, in date order; null for a year not shipped. */
export function officialCalendarDays(year: number): CalendarDay[] | null {
  const arrangement = officialArrangements.find((a) => a.year === year);
  if (!arrangement) return null;
  const days = arrangement.holidays.flatMap((h) => [
    ...dateRange(h.off[0], h.off[1]).map((date) => ({ date, kind: "holiday" as const, name: h.name })),
    ...h.workdays.map((date) => ({ date, kind: "workday" as const, name: h.name })),
  ]);
  return days.sort((a, b) => a.date.localeCompare(b.date));
}

/** The State Council notice a shipped year's arrangement comes from, or null for a year not shipped. */
export function officialCalendarSource(year: number): string | null {
  return officialArrangements.find((a) => a.year === year)?.source ?? null;
}

/** The years whose official arrangement ships with the project, ascending. */
export function officialCalendarYears(): number[] {
  return officialArrangements.map((a) => a.year).sort((a, b) => a - b);
}

/**
 * The calendar a bureau works by: the shipped official arrangements, each replaced by the bureau's own table for
 * that year where it has one (a local 调休, a year entered before the project ships it).
 */
export function workCalendarOf(ownYears: readonly CalendarYearDays[] = []): WorkCalendar {
  const years = new Map<number, ReadonlyMap<string, CalendarDayKind>>();
  for (const year of officialCalendarYears()) years.set(year, dayMap(officialCalendarDays(year) ?? []));
  for (const own of ownYears) years.set(own.year, dayMap(own.days));
  return { years };
}

/** Whether the calendar has the year's arrangement; without it the year counts Monday to Friday. */
export function hasCalendarYear(calendar: WorkCalendar, year: number): boolean {
  return calendar.years.has(year);
}

/**
 * Whether a day is a working day: not a listed holiday, and Monday to Friday unless listed as a 调休 working
 * day. A year the calendar lacks counts Monday to Friday (see `missingCalendarYears`).
 */
export function isWorkingDay(calendar: WorkCalendar, date: string): boolean {
  const listed = calendar.years.get(Number(date.slice(0, 4)))?.get(date);
  if (listed) return listed === "workday";
  return !isWeekendDay(date);
}

/** Whether a `YYYY-MM-DD` day is a Saturday or Sunday. */
export function isWeekendDay(date: string): boolean {
  // 1970-01-01 was a Thursday, so (day + 3) mod 7 is 0 on Mondays.
  const weekday = (((dayNumber(date) + 3) % 7) + 7) % 7;
  return weekday >= 5;
}

/**
 * Signed working days from `from` to `to`: the working days after `from` up to and including `to` (negative
 * when `to` is earlier), so a due date is 0 working days from itself and the next working day is 1.
 */
export function workingDaysBetween(calendar: WorkCalendar, from: string, to: string): number {
  const sign = dayNumber(to) >= dayNumber(from) ? 1 : -1;
  const [start, end] = sign > 0 ? [from, to] : [to, from];
  let count = 0;
  for (let day = addDays(start, 1); dayNumber(day) <= dayNumber(end); day = addDays(day, 1))
    if (isWorkingDay(calendar, day)) count++;
  return sign * count;
}

/** The day `n` working days after `date` (before it when `n` is negative); 0 gives `date` itself. */
export function addWorkingDays(calendar: WorkCalendar, date: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`工作日数应为整数：${n}`);
  const step = n >= 0 ? 1 : -1;
  let day = date;
  for (let left = Math.abs(n); left > 0; ) {
    day = addDays(day, step);
    if (isWorkingDay(calendar, day)) left--;
  }
  return day;
}

/**
 * The years whose arrangement matters on a day: its own year, and from December on the next one too, since the
 * State Council publishes the next year's arrangement in November or December.
 */
export function calendarYearsToCheck(today: string): number[] {
  const year = Number(today.slice(0, 4));
  return today.slice(5, 7) === "12" ? [year, year + 1] : [year];
}

/** The years among `calendarYearsToCheck(today)` the calendar lacks. */
export function missingCalendarYears(calendar: WorkCalendar, today: string): number[] {
  return calendarYearsToCheck(today).filter((year) => !hasCalendarYear(calendar, year));
}

/** What users and the log are told about a year without an arrangement. */
export function missingCalendarYearMessage(year: number): string {
  return `${year} 年的法定节假日安排尚未录入，按周一至周五计算工作日`;
}

/** A field problem in a year's table, keyed by its path in the request body. */
export interface CalendarDayIssue {
  path: string;
  message: string;
}

/**
 * What is wrong with a year's listed days: a day outside the year, a day listed twice, or a 调休 working day that
 * is not a Saturday or Sunday (a weekday is a working day already).
 */
export function calendarYearIssues(year: number, days: readonly CalendarDay[]): CalendarDayIssue[] {
  const seen = new Set<string>();
  return days.flatMap((day, i) => {
    const path = `days.${i}.date`;
    if (!isCalendarDate(day.date)) return [{ path, message: "日期应为 YYYY-MM-DD" }];
    if (Number(day.date.slice(0, 4)) !== year)
      return [{ path, message: `${day.date} 不在 ${year} 年内，请在对应年份的日历中填写` }];
    if (seen.has(day.date))
      return [{ path, message: `${day.date} 重复列出，每天只能是休息日或调休上班日之一` }];
    seen.add(day.date);
    if (day.kind === "workday" && !isWeekendDay(day.date))
      return [{ path, message: `${day.date} 不是周六或周日，本来就是工作日，无需列为调休上班` }];
    return [];
  });
}

function dayMap(days: readonly CalendarDay[]): ReadonlyMap<string, CalendarDayKind> {
  return new Map(days.map((d) => [d.date, d.kind]));
}

function dateRange(first: string, last: string): string[] {
  const out: string[] = [];
  for (let day = first; dayNumber(day) <= dayNumber(last); day = addDays(day, 1)) out.push(day);
  return out;
}
