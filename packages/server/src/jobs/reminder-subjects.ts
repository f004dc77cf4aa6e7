import { defaultPlanReminderSettings, isPlanDate, planDateLastDay } from "@duban/domain";
import type { DbOrTx } from "../db/client.js";
import type { ReminderSettings } from "./reminder-rules.js";
import {
  findUnansweredRectifications,
  findUnfinishedAssignments,
  findUnreportedCycles,
  type ReminderClaimKey,
  type UnansweredRectification,
  type UnfinishedAssignment,
  type UnreportedCycle,
} from "./reminders.repository.js";

/** The words a reminder fills into its 催办 template. */
export interface ReminderWording {
  /** The thing owed, quoted: 「…」2026年5月进展反馈, 「…」任务, 「整改事项：…」. */
  what: string;
  /** Its deadline as the notice names it: 截止日期 …, 完成时限 …, 整改期限 …. */
  when: string;
  /** What the unit is asked to do: 填报, 推进落实并更新进展, 整改并提交佐证. */
  action: string;
  /** What is still not done, for the escalations: 填报, 完成, 提交整改情况. */
  missing: string;
  /** The supervisors' headline after the unit's name: 逾期未报, 逾期未完成, 逾期未整改. */
  lapse: string;
}

/**
 * One thing a unit owes by a date — an assignment's report for a cycle, the assigned task itself, or a 整改 item —
 * reminded and escalated by the same rules, claimed once per kind under `claim`.
 */
export interface ReminderSubject {
  tenantId: string;
  unitId: string;
  unitName: string;
  dueDate: string;
  settings: ReminderSettings;
  /** The notification's entity, and the page of it in the web app. */
  entity: "assignment" | "rectification";
  entityId: string;
  link: string;
  claim: ReminderClaimKey;
  /**
   * Whether the claimed kinds carry the due date (`due_soon@2026-06-10`), so a due date moved by an extension or
   * an edit earns its reminders again. A cycle's due date never moves, so its kinds stay bare.
   */
  keyedByDueDate: boolean;
  wording: ReminderWording;
}

/**
 * Every subject reminders may be due for `today` (archived and past years' plans have none), of one tenant or of
 * all: only those whose reminder window has opened, selected in SQL.
 */
export async function findReminderSubjects(
  db: DbOrTx,
  today: string,
  tenantId?: string,
): Promise<ReminderSubject[]> {
  const year = Number(today.slice(0, 4));
  // One after the other: PGlite serves a single connection anyway.
  const cycles = await findUnreportedCycles(db, year, today, tenantId);
  const tasks = await findUnfinishedAssignments(db, year, today, tenantId);
  const items = await findUnansweredRectifications(db, today, tenantId);
  return [
    ...cycles.map(cycleSubject),
    ...tasks.flatMap((row) => taskSubject(row) ?? []),
    ...items.map(rectificationSubject),
  ];
}

/** A plan's settings row, left-joined (all null without one): its values, or the defaults. */
function planSettings(row: {
  remindDaysBefore: number | null;
  escalateAfterDays: number | null;
  remindWorkdaysOnly: boolean | null;
}): ReminderSettings {
  const d = defaultPlanReminderSettings;
  return {
    remindDaysBefore: row.remindDaysBefore ?? d.remindDaysBefore,
    escalateAfterDays: row.escalateAfterDays ?? d.escalateAfterDays,
    remindWorkdaysOnly: row.remindWorkdaysOnly ?? d.remindWorkdaysOnly,
  };
}

/** An assignment's unreported cycle, with its plan's settings or the defaults. */
export function cycleSubject(row: UnreportedCycle): ReminderSubject {
  return {
    tenantId: row.tenantId,
    unitId: row.unitId,
    unitName: row.unitName,
    dueDate: row.cycleDue,
    settings: planSettings(row),
    entity: "assignment",
    entityId: row.assignmentId,
    link: `/assignments/${row.assignmentId}`,
    claim: { assignmentId: row.assignmentId, cycleId: row.cycleId },
    keyedByDueDate: false,
    wording: {
      what: `「${row.nodeTitle}」${row.cycleName}进展反馈`,
      when: `截止日期 ${row.cycleDue}`,
      action: "填报",
      missing: "填报",
      lapse: "逾期未报",
    },
  };
}

/**
 * An unfinished assignment owing its task by the assignment's or the node's due date, taken to its last day
 * (`2023-09` → 2023-09-30). Null for a malformed date: one bad row must not stop the run for every tenant.
 */
export function taskSubject(row: UnfinishedAssignment): ReminderSubject | null {
  if (!isPlanDate(row.due)) return null;
  const due = planDateLastDay(row.due);
  return {
    tenantId: row.tenantId,
    unitId: row.unitId,
    unitName: row.unitName,
    dueDate: due,
    settings: planSettings(row),
    entity: "assignment",
    entityId: row.assignmentId,
    link: `/assignments/${row.assignmentId}`,
    // No cycle: the row shape of a task's own reminders, once-only under reminder_log_task_key.
    claim: { assignmentId: row.assignmentId },
    keyedByDueDate: true,
    wording: {
      what: `「${row.nodeTitle}」任务`,
      when: `完成时限 ${due}`,
      action: "推进落实并更新进展",
      missing: "完成",
      lapse: "逾期未完成",
    },
  };
}

/** Longest problem text quoted in a reminder; a robot message's title should fit a phone screen. */
const PROBLEM_QUOTE_MAX = 30;

/** A 整改 item: it belongs to no plan, so the tenant defaults apply. */
export function rectificationSubject(row: UnansweredRectification): ReminderSubject {
  const problem =
    row.problem.length > PROBLEM_QUOTE_MAX ? `${row.problem.slice(0, PROBLEM_QUOTE_MAX)}…` : row.problem;
  // A returned item owes an answer again, and the unit should know it is the verifier's objections it answers.
  const returned = row.status === "returned";
  return {
    tenantId: row.tenantId,
    unitId: row.unitId,
    unitName: row.unitName,
    dueDate: row.deadline,
    settings: defaultPlanReminderSettings,
    entity: "rectification",
    entityId: row.rectificationId,
    link: `/rectifications/${row.rectificationId}`,
    claim: { rectificationId: row.rectificationId },
    keyedByDueDate: true,
    wording: {
      what: `「整改事项：${problem}」`,
      when: `整改期限 ${row.deadline}`,
      action: returned ? "按退回意见整改并重新提交佐证" : "整改并提交佐证",
      missing: returned ? "重新提交整改情况" : "提交整改情况",
      lapse: "逾期未整改",
    },
  };
}
