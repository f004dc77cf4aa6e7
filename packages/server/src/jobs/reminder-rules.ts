import { addDays, daysBetween, isWorkingDay, shanghaiDate, type WorkCalendar } from "@duban/domain";

/** A plan's 催办 settings; the domain's `defaultPlanReminderSettings` when the plan has none. */
export interface ReminderSettings {
  remindDaysBefore: number;
  escalateAfterDays: number;
  remindWorkdaysOnly: boolean;
}

/** Who a reminder is for: the unit's staff, its heads, or the bureau's supervisors. */
export type ReminderAudience = "unit" | "head" | "supervisor";

/** One reminder due today; `key` is its once-only kind in reminder_log. */
export interface DueReminder {
  key: string;
  kind: "due_soon" | "due" | "overdue" | "escalate_head" | "escalate_supervisor";
  audience: ReminderAudience;
  /** Days overdue (negative: days left). */
  daysLate: number;
}

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
/** 22:00–07:00 Shanghai: no robot or SMS messages, they wait for the morning. */
const QUIET_FROM_HOUR = 22;
const QUIET_UNTIL_HOUR = 7;

/**
 * The reminders due today for one thing a unit still owes: an assignment's report in an open cycle, an unfinished
 * task by its due date, or a 整改 item not yet submitted. The keys carry no date except the daily overdue one, so a reminder missed on its day (a
 * holiday, a restart) still goes out on the next run, and only once. "仅工作日" asks the bureau's working-day
 * calendar: nothing goes out on a 法定节假日 or an ordinary weekend, and reminders do go out on a 调休 Saturday.
 */
export function dueReminders(input: {
  today: string;
  dueDate: string;
  settings: ReminderSettings;
  calendar: WorkCalendar;
}): DueReminder[] {
  const { today, dueDate, settings } = input;
  if (settings.remindWorkdaysOnly && !isWorkingDay(input.calendar, today)) return [];
  const late = daysBetween(dueDate, today);
  if (late < 0)
    return -late <= settings.remindDaysBefore
      ? [{ key: "due_soon", kind: "due_soon", audience: "unit", daysLate: late }]
      : [];
  if (late === 0) return [{ key: "due", kind: "due", audience: "unit", daysLate: 0 }];
  const out: DueReminder[] = [{ key: `overdue:${today}`, kind: "overdue", audience: "unit", daysLate: late }];
  const m = Math.max(1, settings.escalateAfterDays);
  if (late >= m) out.push({ key: "escalate_head", kind: "escalate_head", audience: "head", daysLate: late });
  if (late >= 2 * m)
    out.push({
      key: "escalate_supervisor",
      kind: "escalate_supervisor",
      audience: "supervisor",
      daysLate: late,
    });
  return out;
}

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
