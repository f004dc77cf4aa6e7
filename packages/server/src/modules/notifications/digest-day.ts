import { addDays, shanghaiDate, shanghaiHour } from "@duban/domain";

/** The hour (Asia/Shanghai) at which a day's digest goes out. */
export const DIGEST_HOUR = 8;

/** Whether the instant is at or after the digest hour of its Shanghai day. */
export function isPastDigestHour(now: Date): boolean {
  return shanghaiHour(now) >= DIGEST_HOUR;
}

/**
 * The day whose 08:00 digest lists a notification made at `now`: today's if it is not 08:00 yet, else
 * tomorrow's, so an item after 08:00 never goes out within the minute as if it were pushed.
 */
export function digestDayOf(now: Date): string {
  const today = shanghaiDate(now);
  return isPastDigestHour(now) ? addDays(today, 1) : today;
}
