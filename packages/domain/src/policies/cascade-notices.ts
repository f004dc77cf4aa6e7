import { z } from "zod";
import { hasAnyRole, type PolicyActor } from "./actor.js";

/**
 * Where a superior bureau's 督办单 to a subordinate bureau stands: waiting for the subordinate's answer, answered,
 * accepted by the superior（办结）, or returned for a better answer.
 */
export const cascadeNoticeStatuses = ["open", "replied", "accepted", "returned"] as const;
/** A cross-bureau notice's state. */
export type CascadeNoticeStatus = (typeof cascadeNoticeStatuses)[number];
/** The Chinese names of the states. */
export const cascadeNoticeStatusLabels = {
  open: "待回复",
  replied: "已回复",
  accepted: "已办结",
  returned: "已退回",
} as const satisfies Record<CascadeNoticeStatus, string>;

/** What moves a cross-bureau notice: the subordinate's reply, the superior's accept or return. */
export const cascadeNoticeActions = ["reply", "accept", "return"] as const;
/** A cross-bureau notice action. */
export type CascadeNoticeAction = (typeof cascadeNoticeActions)[number];

/** The steps its history records: issued, replied, accepted, returned. */
export const cascadeNoticeEventActions = ["issue", "reply", "accept", "return"] as const;
/** A step in a cross-bureau notice's history. */
export type CascadeNoticeEventAction = (typeof cascadeNoticeEventActions)[number];

/** A returned answer may be answered again; an accepted notice is settled. */
export const cascadeNoticeTransitions = {
  open: { reply: "replied" },
  replied: { accept: "accepted", return: "returned" },
  returned: { reply: "replied" },
  accepted: {},
} as const satisfies Record<CascadeNoticeStatus, Partial<Record<CascadeNoticeAction, CascadeNoticeStatus>>>;

/** The state an action leads to from `status`, or null when the action does not apply there. */
export function nextCascadeNoticeStatus(
  status: CascadeNoticeStatus,
  action: CascadeNoticeAction,
): CascadeNoticeStatus | null {
  const moves: Partial<Record<CascadeNoticeAction, CascadeNoticeStatus>> = cascadeNoticeTransitions[status];
  return moves[action] ?? null;
}

/** The states in which a notice is still live: a second one to the same bureau on the same item repeats it. */
export const liveCascadeNoticeStatuses = [
  "open",
  "replied",
  "returned",
] as const satisfies readonly CascadeNoticeStatus[];

/**
 * Which side of a notice the reader stands on: the superior that issued it, or the subordinate it is addressed
 * to. The same notice offers the one side a reply and the other a decision.
 */
export type CascadeNoticeSide = "issued" | "received";

/** What the list of a hand-down's notices offers: issuing one (the superior's 督查室). */
export const cascadeNoticeListAbilitiesSchema = z.object({ issue: z.boolean() });
/** What the list of a hand-down's notices offers. */
export type CascadeNoticeListAbilities = z.infer<typeof cascadeNoticeListAbilitiesSchema>;

/** The superior's 督查室 issues 督办单 to subordinate bureaus; leaders read them. */
export function cascadeNoticeListAbilities(actor: PolicyActor): CascadeNoticeListAbilities {
  return { issue: hasAnyRole(actor, "supervisor") };
}

/** What the actor may do with one notice: reply (the addressed bureau) or decide (the issuing bureau). */
export const cascadeNoticeAbilitiesSchema = z.object({ reply: z.boolean(), decide: z.boolean() });
/** What the actor may do with one notice. */
export type CascadeNoticeAbilities = z.infer<typeof cascadeNoticeAbilitiesSchema>;

/**
 * Who may act on a notice whatever its state: the addressed bureau's 督查室 replies, the issuing bureau's 督查室
 * decides. The server refuses with 403 on these; the state is the transitions table's to refuse (409).
 */
export function cascadeNoticePermissions(
  actor: PolicyActor,
  side: CascadeNoticeSide,
): CascadeNoticeAbilities {
  const office = hasAnyRole(actor, "supervisor");
  return { reply: office && side === "received", decide: office && side === "issued" };
}

/** What the actor may do with the notice now (a button per true). */
export function cascadeNoticeAbilities(
  actor: PolicyActor,
  side: CascadeNoticeSide,
  notice: { status: CascadeNoticeStatus },
): CascadeNoticeAbilities {
  const may = cascadeNoticePermissions(actor, side);
  return {
    reply: may.reply && nextCascadeNoticeStatus(notice.status, "reply") !== null,
    decide: may.decide && nextCascadeNoticeStatus(notice.status, "accept") !== null,
  };
}
