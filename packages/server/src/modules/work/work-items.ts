import {
  type Assignment,
  assignmentRoleLabels,
  daysLeft,
  dueLight,
  type Extension,
  handDownKindLabels,
  type Instruction,
  knownPlanDate,
  type Notice,
  noticeLevelLabels,
  notificationLinks,
  planDateLastDay,
  type Rectification,
  type WorkItem,
  type WorkItemKind,
} from "@duban/domain";
import type { CascadeNoticeWaiting, HandDownToReceive } from "../cascade/index.js";
import type { findReportsToReview } from "./work.repository.js";

/** The last day of a plan date (`2023-12` → `2023-12-31`); null when there is none or it is no date. */
export function dueDay(date: string | null): string | null {
  const known = knownPlanDate(date);
  return known ? planDateLastDay(known) : null;
}

/** "9. 促进学前教育普及普惠发展": a task's number and title. */
export const taskTitle = (node: { number: number | null; title: string }) =>
  `${node.number ? `${node.number}. ` : ""}${node.title}`;

/** The parts of an item each builder supplies; the key and the light follow from them. */
type ItemParts = Omit<WorkItem, "key" | "light" | "daysLeft"> & { key?: string };

/** Completes an item with its key and light on `today`. */
export function item(parts: ItemParts, today: string): WorkItem {
  return {
    ...parts,
    key: parts.key ?? `${parts.kind}:${parts.id}`,
    light: dueLight(parts.due, today),
    daysLeft: daysLeft(parts.due, today),
  };
}

/** A report to write or rewrite in an open cycle. */
export interface DueReport {
  assignment: Assignment;
  cycle: { id: string; name: string; dueDate: string };
  report: { id: string; status: string; returnReason: string | null } | null;
}

/** 待填报 and 被退回: this cycle's report of an assignment, still to write or returned for changes. */
export function reportItem(d: DueReport): ItemParts {
  const returned = d.report?.status === "returned";
  const draft = d.report?.status === "draft" ? " · 草稿" : "";
  return {
    kind: returned ? "report_returned" : "report_due",
    key: `${returned ? "report_returned" : "report_due"}:${d.assignment.id}:${d.cycle.id}`,
    id: returned ? d.report!.id : d.assignment.id,
    title: taskTitle(d.assignment.node),
    detail: returned
      ? `${d.cycle.name} · 退回原因：${d.report?.returnReason ?? "—"}`
      : `${d.cycle.name}${draft}`,
    due: d.cycle.dueDate,
    link: `/assignments/${d.assignment.id}/report`,
    since: d.assignment.createdAt,
  };
}

/** 待签收: an assignment the unit has not acknowledged; it carries the assignment to 签收 in place. */
export function acknowledgeItem(a: Assignment): ItemParts {
  return {
    kind: "assignment_acknowledge",
    id: a.id,
    title: taskTitle(a.node),
    detail: `${assignmentRoleLabels[a.role]}${a.measure ? ` · ${a.measure.text}` : ""}`,
    due: dueDay(a.dueDate),
    link: `/assignments/${a.id}/report`,
    since: a.createdAt,
    assignment: a,
  };
}

/** 待审核: a submitted report on a task the actor's department leads; reviews have no deadline of their own. */
export function reviewItem(r: Awaited<ReturnType<typeof findReportsToReview>>[number]): ItemParts {
  return {
    kind: "report_review",
    id: r.id,
    title: `${r.unitName}：${taskTitle({ number: r.nodeNumber, title: r.nodeTitle })}`,
    detail: `${r.cycleName} · 进度 ${Math.round(r.progress)}%${r.late ? " · 迟报" : ""}`,
    due: null,
    link: `/assignments/${r.assignmentId}?report=${r.id}`,
    since: r.submittedAt?.toISOString() ?? r.cycleDue,
  };
}

/** 督办单 to answer (the unit, by the reply date) or to decide (the office). */
export function noticeItem(n: Notice): ItemParts {
  const kind: WorkItemKind = n.abilities.reply ? "notice_reply" : "notice_decide";
  return {
    kind,
    id: n.id,
    title: [n.node.label, n.node.title].filter(Boolean).join(" "),
    detail: `${noticeLevelLabels[n.level]} · ${n.unit.name} · ${n.reason}`,
    due: kind === "notice_reply" ? dueDay(n.replyDue) : null,
    link: `/notices/${n.id}`,
    since: n.createdAt,
  };
}

/** 整改 items to carry out (the unit, by the deadline) or to verify（销号）. */
export function rectificationItem(r: Rectification): ItemParts {
  const kind: WorkItemKind = r.abilities.submit ? "rectification_submit" : "rectification_verify";
  const returned = r.status === "returned" ? ` · 退回原因：${r.returnReason ?? "—"}` : "";
  return {
    kind,
    id: r.id,
    title: r.problem,
    detail: `${r.unit.name} · 整改期限 ${r.deadline}${returned}`,
    due: kind === "rectification_submit" ? r.deadline : null,
    link: `/rectifications/${r.id}`,
    since: r.submittedAt ?? r.createdAt,
  };
}

/** 延期 to decide: due by the date it asks to move, after which the request is moot. */
export function extensionItem(e: Extension): ItemParts {
  return {
    kind: "extension_decide",
    id: e.id,
    title: e.nodeTitle,
    detail: `${e.unit.name} 申请延期至 ${e.requestedDue}：${e.reason}`,
    due: e.oldDue,
    link: "/extensions",
    since: e.createdAt,
  };
}

/** 批示 to 签收, opening the item it was written on (`link`, resolved by the caller). */
export function instructionItem(i: Instruction, link: string): ItemParts {
  return {
    kind: "instruction_acknowledge",
    id: i.id,
    title: i.text,
    detail: `${i.leader.name}的批示`,
    due: null,
    link,
    since: i.createdAt,
  };
}

/** "9. 促进学前教育普及普惠发展": the superior's node label and the handed-down item's title. */
const handedTitle = (x: { label: string | null; title: string }) =>
  [x.label, x.title].filter(Boolean).join(" ");

/** 上级下达待接收: a hand-down in the bureau's inbox to link to an own item or return, by the superior's date. */
export function handDownItem(h: HandDownToReceive): ItemParts {
  return {
    kind: "hand_down_link",
    id: h.id,
    title: handedTitle(h),
    detail: `${h.from}下达的${handDownKindLabels[h.kind]}`,
    due: dueDay(h.dueDate),
    link: notificationLinks.received(h.id),
    since: h.handedAt,
  };
}

/** 上级督办待回复: a superior's 督办单 to answer by its reply date (again, once the answer came back). */
export function cascadeNoticeReplyItem(n: CascadeNoticeWaiting): ItemParts {
  const returned = n.status === "returned" ? " · 回复被退回" : "";
  return {
    kind: "cascade_notice_reply",
    id: n.id,
    title: handedTitle(n),
    detail: `${noticeLevelLabels[n.level]} · ${n.bureau} · ${n.reason}${returned}`,
    due: dueDay(n.replyDue),
    link: notificationLinks.receivedCascadeNotice(n.id),
    since: n.createdAt,
  };
}

/** 下级回复待审核: a subordinate bureau's answer to accept or return, waiting since it came. */
export function cascadeNoticeDecideItem(n: CascadeNoticeWaiting): ItemParts {
  return {
    kind: "cascade_notice_decide",
    id: n.id,
    title: handedTitle(n),
    detail: `${noticeLevelLabels[n.level]} · ${n.bureau} · ${n.reason}`,
    due: null,
    link: notificationLinks.issuedCascadeNotice(n.handDownId),
    since: n.updatedAt,
  };
}
