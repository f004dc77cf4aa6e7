import {
  addDays,
  daysBetween,
  expectedProgress,
  knownPlanDate,
  type NoticeLevel,
  noticeLevels,
  planDateLastDay,
  shanghaiDate,
} from "@duban/domain";
import { lightToday } from "../plans/index.js";

/** Days before the due date within which an item behind 序时进度 gets a blue 提醒 (configurable later). */
export const DUE_SOON_DAYS = 7;

/** Days a unit has to answer an automatic notice, by level: the worse, the sooner. */
export const AUTO_REPLY_DAYS: Record<NoticeLevel, number> = { blue: 7, yellow: 5, red: 3 };

/** How many closed cycles in a row without a report turn an item yellow. */
export const MISSED_CYCLES = 2;

/** What the level of one assignment is judged from. */
export interface AutoSubject {
  startDate: string | null;
  dueDate: string | null;
  progress: number;
  done: boolean;
  /** Whether the unit reported nothing in the last `MISSED_CYCLES` closed cycles of its plan. */
  missedReports: boolean;
  plan: { year: number; lightTolerance: number };
}

/** The level and the reason written on the notice, or null when the item needs no notice. */
export interface AutoLevel {
  level: NoticeLevel;
  reason: string;
}

/**
 * The automatic 督办 level of an item today: red when overdue, yellow when behind 序时进度 beyond the plan's
 * tolerance or silent for two closed cycles, blue when due within a week and behind 序时进度 at all.
 */
export function autoLevel(subject: AutoSubject, now: Date): AutoLevel | null {
  const light = lightToday(subject, subject.plan, now);
  if (light === "blue" || light === "grey") return null;
  const today = shanghaiDate(now);
  // A stored date that is no date counts as none, as in the light: one bad row must not stop the scan.
  const due = planDateLastDay(knownPlanDate(subject.dueDate) ?? `${subject.plan.year}-12-31`);
  const expected = expectedProgress({
    start: knownPlanDate(subject.startDate) ?? `${subject.plan.year}-01-01`,
    due,
    today,
  });
  const progress = Math.round(subject.progress);
  if (light === "red") return { level: "red", reason: `已超过完成时限（${due}），当前进度 ${progress}%` };
  if (light === "yellow")
    return {
      level: "yellow",
      reason: `进度 ${progress}% 落后序时进度 ${Math.round(expected)}% 超过 ${subject.plan.lightTolerance} 个百分点`,
    };
  if (subject.missedReports) return { level: "yellow", reason: `连续 ${MISSED_CYCLES} 个填报周期未反馈进展` };
  if (daysBetween(today, due) <= DUE_SOON_DAYS && subject.progress < expected)
    return {
      level: "blue",
      reason: `距完成时限（${due}）不足 ${DUE_SOON_DAYS} 天，进度 ${progress}% 落后序时进度 ${Math.round(expected)}%`,
    };
  return null;
}

/** Whether level `a` is worse than level `b`. */
export function isWorse(a: NoticeLevel, b: NoticeLevel): boolean {
  return noticeLevels.indexOf(a) > noticeLevels.indexOf(b);
}

/** The reply deadline of an automatic notice raised or upgraded today. */
export function autoReplyDue(level: NoticeLevel, now: Date): string {
  return addDays(shanghaiDate(now), AUTO_REPLY_DAYS[level]);
}
