import { z } from "zod";
import { hasAnyRole, type PolicyActor } from "./actor.js";

/** The life of a 整改 item: open → submitted → accepted（销号）, or returned and submitted again. */
export const rectificationStatuses = ["open", "submitted", "accepted", "returned"] as const;
/** A rectification status. */
export type RectificationStatus = (typeof rectificationStatuses)[number];
/** Chinese labels of rectification statuses. */
export const rectificationStatusLabels: Record<RectificationStatus, string> = {
  open: "待整改",
  submitted: "待验收",
  accepted: "已销号",
  returned: "已退回",
};

/** What moves an item: the unit submits its measures; the verifier accepts（销号）or returns them. */
export const rectificationActions = ["submit", "accept", "return"] as const;
/** A rectification action. */
export type RectificationAction = (typeof rectificationActions)[number];

/** The life of a 整改 item, state × action → state; an accepted item is closed out for good. */
export const rectificationTransitions = {
  open: { submit: "submitted" },
  submitted: { accept: "accepted", return: "returned" },
  returned: { submit: "submitted" },
  accepted: {},
} as const satisfies Record<RectificationStatus, Partial<Record<RectificationAction, RectificationStatus>>>;

/** The state an action leads to from `status`, or null when the action does not apply there. */
export function nextRectificationStatus(
  status: RectificationStatus,
  action: RectificationAction,
): RectificationStatus | null {
  const moves: Partial<Record<RectificationAction, RectificationStatus>> = rectificationTransitions[status];
  return moves[action] ?? null;
}

/** Whether an item is still being worked on (not closed out): only such an item can be overdue. */
export function isRectificationLive(status: RectificationStatus): boolean {
  return Object.keys(rectificationTransitions[status]).length > 0;
}

/** What the actor may do with one item: submit measures as its unit, verify as its creator's side. */
export const rectificationAbilitiesSchema = z.object({ submit: z.boolean(), verify: z.boolean() });
/** What the actor may do with one item. */
export type RectificationAbilities = z.infer<typeof rectificationAbilitiesSchema>;

/** What the 整改台账 offers the actor: raise items, export, and filter by any unit. */
export const rectificationLedgerAbilitiesSchema = z.object({
  create: z.boolean(),
  export: z.boolean(),
  seeAllUnits: z.boolean(),
});
/** What the 整改台账 offers the actor. */
export type RectificationLedgerAbilities = z.infer<typeof rectificationLedgerAbilitiesSchema>;

/** The parts of an item its policy reads. */
export interface RectificationPolicySubject {
  unitId: string;
  status: RectificationStatus;
  createdBy: string | null;
}

/** The roles that see the whole 整改台账 of the tenant; a school sees only its own items. */
export function seesAllRectifications(actor: PolicyActor): boolean {
  return hasAnyRole(actor, "admin", "leader", "supervisor", "department", "inspector");
}

/** Whether the actor may see one item. */
export function canSeeRectification(actor: PolicyActor, item: { unitId: string }): boolean {
  return seesAllRectifications(actor) || (!!actor.unitId && actor.unitId === item.unitId);
}

/** The supervision office and admins raise items for any unit; an inspector only for schools. */
export function canCreateRectification(actor: PolicyActor, unit?: { kind: string }): boolean {
  if (hasAnyRole(actor, "supervisor", "admin")) return true;
  return hasAnyRole(actor, "inspector") && (!unit || unit.kind === "school");
}

/**
 * Who may act on the item whatever its state: the responsible unit's people submit; the supervision office,
 * admins, or the inspector who raised it verify. The server refuses with 403 on these, 409 on the state.
 */
export function rectificationPermissions(
  actor: PolicyActor,
  item: Omit<RectificationPolicySubject, "status">,
): RectificationAbilities {
  const verify =
    hasAnyRole(actor, "supervisor", "admin") ||
    (hasAnyRole(actor, "inspector") && item.createdBy === actor.userId);
  return { submit: !!actor.unitId && actor.unitId === item.unitId, verify };
}

/** What the actor may do with the item now: permitted, and the item's state allows it. */
export function rectificationAbilities(
  actor: PolicyActor,
  item: RectificationPolicySubject,
): RectificationAbilities {
  const may = rectificationPermissions(actor, item);
  return {
    submit: may.submit && nextRectificationStatus(item.status, "submit") !== null,
    verify: may.verify && nextRectificationStatus(item.status, "accept") !== null,
  };
}

/** The 整改台账's offers: anyone who sees it may export it. */
export function rectificationLedgerAbilities(actor: PolicyActor): RectificationLedgerAbilities {
  return { create: canCreateRectification(actor), export: true, seeAllUnits: seesAllRectifications(actor) };
}
