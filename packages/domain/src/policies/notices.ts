import { z } from "zod";
import { hasAnyRole, type PolicyActor } from "./actor.js";

/** States of a 督办单: open, replied, accepted, returned, or closed (the item recovered on its own). */
export const noticeStatuses = ["open", "replied", "accepted", "returned", "closed"] as const;
/** A 督办单 state. */
export type NoticeStatus = (typeof noticeStatuses)[number];
/** Chinese names of the states. */
export const noticeStatusLabels: Record<NoticeStatus, string> = {
  open: "待回复",
  replied: "已回复",
  accepted: "已办结",
  returned: "已退回",
  closed: "已自动关闭",
};

/** Where a notice came from: raised by the scan from the lights, or by hand. */
export const noticeSources = ["auto", "manual"] as const;
/** A notice source. */
export type NoticeSource = (typeof noticeSources)[number];

/** The steps a notice's history records: raised, upgraded, replied, accepted, returned, closed by the scan. */
export const noticeEventActions = ["raise", "upgrade", "reply", "accept", "return", "auto_close"] as const;
/** A step in a notice's history. */
export type NoticeEventAction = (typeof noticeEventActions)[number];

/** What moves a notice: the unit's reply, the office's accept or return, the scan's upgrade or close. */
export const noticeActions = ["reply", "accept", "return", "upgrade", "close"] as const;
/** A notice action. */
export type NoticeAction = (typeof noticeActions)[number];

/**
 * The life of a 督办单, state × action → state. A worse light upgrades a live notice in place and opens it
 * again (a new level needs a new answer); a recovered item closes it; accepted and closed are final.
 */
export const noticeTransitions = {
  open: { reply: "replied", upgrade: "open", close: "closed" },
  replied: { accept: "accepted", return: "returned", upgrade: "open", close: "closed" },
  returned: { reply: "replied", upgrade: "open", close: "closed" },
  accepted: {},
  closed: {},
} as const satisfies Record<NoticeStatus, Partial<Record<NoticeAction, NoticeStatus>>>;

/** The state an action leads to from `status`, or null when the action does not apply there. */
export function nextNoticeStatus(status: NoticeStatus, action: NoticeAction): NoticeStatus | null {
  const moves: Partial<Record<NoticeAction, NoticeStatus>> = noticeTransitions[status];
  return moves[action] ?? null;
}

/** The states from which an action applies (e.g. `close` → the live states an automatic notice may be in). */
export function noticeStatusesAllowing(action: NoticeAction): NoticeStatus[] {
  return noticeStatuses.filter((status) => nextNoticeStatus(status, action) !== null);
}

/** What the actor may do with one notice: reply as its unit, decide (accept or return) as the office. */
export const noticeAbilitiesSchema = z.object({ reply: z.boolean(), decide: z.boolean() });
/** What the actor may do with one notice. */
export type NoticeAbilities = z.infer<typeof noticeAbilitiesSchema>;

/** What the 督办台账 offers the actor: raise by hand, scan now, export, and filter by any unit. */
export const noticeLedgerAbilitiesSchema = z.object({
  create: z.boolean(),
  scan: z.boolean(),
  export: z.boolean(),
  seeAllUnits: z.boolean(),
});
/** What the 督办台账 offers the actor. */
export type NoticeLedgerAbilities = z.infer<typeof noticeLedgerAbilitiesSchema>;

/** The parts of a notice its policy reads. */
export interface NoticePolicySubject {
  unitId: string;
  status: NoticeStatus;
}

/** Whether the actor sees every unit's notices (the bureau roles) rather than only its own unit's. */
export function seesAllNotices(actor: PolicyActor): boolean {
  return hasAnyRole(actor, "admin", "leader", "supervisor", "department");
}

/** Whether the actor belongs to the unit the notice went to. */
export function isNoticeUnit(actor: PolicyActor, notice: { unitId: string }): boolean {
  return !!actor.unitId && actor.unitId === notice.unitId;
}

/** Bureau roles see the whole 督办台账; a school or inspector sees only its own unit's notices. */
export function canSeeNotice(actor: PolicyActor, notice: { unitId: string }): boolean {
  return seesAllNotices(actor) || isNoticeUnit(actor, notice);
}

/**
 * Who may act on the notice whatever its state: the unit it went to replies, the supervision office decides.
 * The server refuses with 403 on these; the state is the transitions table's to refuse (409).
 */
export function noticePermissions(actor: PolicyActor, notice: { unitId: string }): NoticeAbilities {
  return { reply: isNoticeUnit(actor, notice), decide: hasAnyRole(actor, "supervisor") };
}

/** What the actor may do with the notice now: permitted, and the notice's state allows it. */
export function noticeAbilities(actor: PolicyActor, notice: NoticePolicySubject): NoticeAbilities {
  const may = noticePermissions(actor, notice);
  return {
    reply: may.reply && nextNoticeStatus(notice.status, "reply") !== null,
    decide: may.decide && nextNoticeStatus(notice.status, "accept") !== null,
  };
}

/** The 督办台账's offers: supervisors and leaders raise by hand; the office scans; the office and leaders export. */
export function noticeLedgerAbilities(actor: PolicyActor): NoticeLedgerAbilities {
  return {
    create: hasAnyRole(actor, "supervisor", "leader"),
    scan: hasAnyRole(actor, "supervisor"),
    export: hasAnyRole(actor, "supervisor", "leader", "admin"),
    seeAllUnits: seesAllNotices(actor),
  };
}
