import { daysBetween, isWorkingDay, type WorkCalendar } from "@duban/domain";

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

// The quiet hours belong to the channels (notify/), which the notification path reaches without jobs/.
export { isQuietHour, robotSendTime } from "../notify/quiet-hours.js";

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
