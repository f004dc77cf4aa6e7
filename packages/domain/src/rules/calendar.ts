import { isPlanDate, planDateEnd } from "../plans.js";

// Asia/Shanghai has been UTC+8 all year since 1991 (no DST), so a fixed offset gives the users' calendar day
// without Intl, and the answer never depends on the process time zone.
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether a value is a real `YYYY-MM-DD` calendar day. */
export function isCalendarDate(value: string): boolean {
  return CALENDAR_DATE.test(value) && isPlanDate(value);
}

/**
 * A stored plan date as readers take it: the value when it is a real `YYYY`, `YYYY-MM` or `YYYY-MM-DD` date, else
 * null, i.e. unknown. Rules throw on a bad date; a page built from many stored rows must not, or one bad value
 * would stop everyone from reading it.
 */
export function knownPlanDate(value: string | null | undefined): string | null {
  return typeof value === "string" && isPlanDate(value) ? value : null;
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` date; throws RangeError on anything else. */
export function dayNumber(date: string): number {
  const m = CALENDAR_DATE.exec(date);
  if (!m || !isPlanDate(date)) throw new RangeError(`不是有效的日期（YYYY-MM-DD）：${date}`);
  return daysFromCivil(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** The `YYYY-MM-DD` date of a day number (days since 1970-01-01); the inverse of `dayNumber`. */
export function dateOfDayNumber(days: number): string {
  if (!Number.isSafeInteger(days)) throw new RangeError(`不是整数天数：${days}`);
  const [y, m, d] = civilFromDays(days);
  if (y < 0 || y > 9999) throw new RangeError(`日期超出 0000–9999 年：${days}`);
  return `${String(y).padStart(4, "0")}-${pad2(m)}-${pad2(d)}`;
}

/** The Asia/Shanghai calendar date (`YYYY-MM-DD`) of an instant, whatever the process time zone. */
export function shanghaiDate(instant: Date): string {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError("无效的时间");
  return dateOfDayNumber(Math.floor((ms + SHANGHAI_OFFSET_MS) / DAY_MS));
}

/** The Asia/Shanghai hour of the day (0–23) of an instant, whatever the process time zone. */
export function shanghaiHour(instant: Date): number {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError("无效的时间");
  return Math.floor(((((ms + SHANGHAI_OFFSET_MS) % DAY_MS) + DAY_MS) % DAY_MS) / 3_600_000);
}

/** Signed whole days from `a` to `b` (`daysBetween("2023-01-01", "2023-01-02")` is 1). */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

/** The date `n` days after `date` (negative `n` goes back). */
export function addDays(date: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`天数应为整数：${n}`);
  return dateOfDayNumber(dayNumber(date) + n);
}

/** Orders two `YYYY-MM-DD` dates: negative if `a` is earlier, 0 if equal, positive if later. */
export function compareDates(a: string, b: string): number {
  return Math.sign(dayNumber(a) - dayNumber(b));
}

/** Whether `a` is a strictly earlier day than `b`. */
export function isBeforeDate(a: string, b: string): boolean {
  return compareDates(a, b) < 0;
}

/** Whether `a` is a strictly later day than `b`. */
export function isAfterDate(a: string, b: string): boolean {
  return compareDates(a, b) > 0;
}

/** The first calendar day a plan date covers: "2023" → 2023-01-01, "2023-09" → 2023-09-01. */
export function planDateStart(value: string): string {
  assertPlanDate(value);
  const [y, m, d] = value.split("-");
  return `${y}-${m ?? "01"}-${d ?? "01"}`;
}

/** The last calendar day a plan date covers, checked: "2023-02" → 2023-02-28; throws RangeError if invalid. */
export function planDateLastDay(value: string): string {
  assertPlanDate(value);
  return planDateEnd(value);
}

function assertPlanDate(value: string): void {
  if (!isPlanDate(value)) throw new RangeError(`不是有效的计划日期（YYYY、YYYY-MM 或 YYYY-MM-DD）：${value}`);
}

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

// Howard Hinnant's days_from_civil / civil_from_days: plain integer arithmetic on the proleptic Gregorian
// calendar, so no Date object (and no local time zone) is involved.
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [era * 400 + yoe + (month <= 2 ? 1 : 0), month, day];
}
