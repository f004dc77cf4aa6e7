import { dayNumber, planDateLastDay, planDateStart } from "./calendar.js";

/** The time window of a task, assignment or indicator, and the Shanghai calendar day to judge it on. */
export interface ExpectedProgressInput {
  /** First day of work; `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, a coarse date meaning its first day. */
  start: string;
  /** Due date; `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, a coarse date meaning its last day ("2023-02" → 02-28). */
  due: string;
  /** The Asia/Shanghai calendar date, `YYYY-MM-DD` (see `shanghaiDate`). */
  today: string;
}

/**
 * 序时进度: the share of the window [start, due] elapsed by the end of `today`, as a percentage 0–100.
 *
 * Days are counted inclusively and a day counts as elapsed once it has begun, so with
 * `totalDays = due − start + 1`: before start → 0; on the start day → 1/totalDays·100; on day k of the window →
 * k/totalDays·100; on and after the due day → 100. Counting today as elapsed is what makes 序时进度 reach 100
 * on the deadline itself, as 公文 practice expects ("按期完成" means done by the end of the due day).
 * A window whose start is after its due date is judged by the due date alone. Not rounded.
 */
export function expectedProgress(input: ExpectedProgressInput): number {
  const start = dayNumber(planDateStart(input.start));
  const due = dayNumber(planDateLastDay(input.due));
  const today = dayNumber(input.today);
  // Due first, so an inverted window still jumps straight from 0 to 100 at its due date.
  if (today >= due) return 100;
  if (today < start) return 0;
  return ((today - start + 1) / (due - start + 1)) * 100;
}
