import { daysBetween, knownPlanDate, planDateLastDay } from "./calendar.js";

/**
 * What can wait for someone in 我的工作, in the order a tie on the due date is broken: what came back or is
 * owed first, decisions others wait on next, reading last. A superior bureau's 督办单 ranks beside a unit's, a
 * hand-down to 接收 beside an assignment to 签收, and a subordinate bureau's answer beside a unit's.
 */
export const workItemKinds = [
  "report_returned",
  "notice_reply",
  "cascade_notice_reply",
  "rectification_submit",
  "report_due",
  "assignment_acknowledge",
  "hand_down_link",
  "instruction_acknowledge",
  "extension_decide",
  "report_review",
  "notice_decide",
  "cascade_notice_decide",
  "rectification_verify",
] as const;
/** A kind of 我的工作 item. */
export type WorkItemKind = (typeof workItemKinds)[number];

/** The Chinese name of each kind, as the item's tag shows it. */
export const workItemKindLabels: Record<WorkItemKind, string> = {
  report_returned: "被退回",
  notice_reply: "督办单待回复",
  cascade_notice_reply: "上级督办待回复",
  rectification_submit: "待整改",
  report_due: "待填报",
  assignment_acknowledge: "待签收",
  hand_down_link: "上级下达待接收",
  instruction_acknowledge: "批示待签收",
  extension_decide: "延期待审批",
  report_review: "待审核",
  notice_decide: "督办单待办结",
  cascade_notice_decide: "下级回复待审核",
  rectification_verify: "整改待验收",
};

/** How near an item's due date is: red past it, yellow within `soonDays`, green later, grey with no date. */
export type DueLight = "red" | "yellow" | "green" | "grey";

/** Days before the due date from which an item shows yellow (临期). */
export const dueSoonDays = 3;

/**
 * The light of a due date on a day: red once the day after it has begun, yellow from `dueSoonDays` days before
 * it through the day itself, green before that, grey when there is no date or it is unreadable. Month-only or
 * year-only dates count to their last day, as everywhere else.
 */
export function dueLight(due: string | null, today: string): DueLight {
  const left = daysLeft(due, today);
  if (left === null) return "grey";
  if (left < 0) return "red";
  return left <= dueSoonDays ? "yellow" : "green";
}

/** Whole days from `today` to the last day of `due`, negative once past it; null without a readable date. */
export function daysLeft(due: string | null, today: string): number | null {
  const known = knownPlanDate(due);
  return known ? daysBetween(today, planDateLastDay(known)) : null;
}

/** What ordering 我的工作 needs of an item. */
export interface WorkItemOrder {
  kind: WorkItemKind;
  /** `YYYY-MM-DD`, or null when the item has no deadline. */
  due: string | null;
  /** When it began waiting (ISO instant or date), to order undated items oldest first. */
  since: string;
}

/**
 * Most urgent first: by due date, soonest (most overdue) first; undated items after every dated one, oldest
 * waiting first; ties by kind (`workItemKinds` order), then by when they began waiting.
 */
export function compareWorkItems(a: WorkItemOrder, b: WorkItemOrder): number {
  const dueOf = (x: WorkItemOrder) => {
    const known = knownPlanDate(x.due);
    return known ? planDateLastDay(known) : "9999-12-31";
  };
  return (
    dueOf(a).localeCompare(dueOf(b)) ||
    (a.due === null && b.due === null ? a.since.localeCompare(b.since) : 0) ||
    workItemKinds.indexOf(a.kind) - workItemKinds.indexOf(b.kind) ||
    a.since.localeCompare(b.since)
  );
}
