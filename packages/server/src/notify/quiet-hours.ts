import { addDays, shanghaiDate } from "@duban/domain";

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
/** 22:00–07:00 Shanghai: no robot or SMS messages, they wait for the morning. */
const QUIET_FROM_HOUR = 22;
const QUIET_UNTIL_HOUR = 7;

/** Whether an instant falls in the night quiet hours (Shanghai time). */
export function isQuietHour(now: Date): boolean {
  const hour = new Date(now.getTime() + SHANGHAI_OFFSET_MS).getUTCHours();
  return hour >= QUIET_FROM_HOUR || hour < QUIET_UNTIL_HOUR;
}

/** When a robot message may go out: now, or 07:00 Shanghai after the quiet hours. */
export function robotSendTime(now: Date): Date {
  if (!isQuietHour(now)) return now;
  const today = shanghaiDate(now);
  const hour = new Date(now.getTime() + SHANGHAI_OFFSET_MS).getUTCHours();
  const day = hour >= QUIET_FROM_HOUR ? addDays(today, 1) : today;
  return new Date(`${day}T0${QUIET_UNTIL_HOUR}:00:00+08:00`);
}
