import { z } from "zod";
import { hasAnyRole, type PolicyActor } from "./actor.js";

/**
 * Where a hand-down（下达）stands at one subordinate bureau: waiting in its inbox, linked to an item of its own
 * plan, or returned to the superior with a reason.
 */
export const cascadeLinkStatuses = ["pending", "linked", "returned"] as const;
/** A received hand-down's state. */
export type CascadeLinkStatus = (typeof cascadeLinkStatuses)[number];
/** The Chinese names of the states. */
export const cascadeLinkStatusLabels = {
  pending: "待接收",
  linked: "已关联",
  returned: "已退回",
} as const satisfies Record<CascadeLinkStatus, string>;

/** What moves a received hand-down: 关联 (link to an own item, or create one) and 退回. */
export const cascadeLinkActions = ["link", "return"] as const;
/** A received hand-down action. */
export type CascadeLinkAction = (typeof cascadeLinkActions)[number];

/**
 * A hand-down is linked or returned once; a returned one may still be linked (the superior handed it down
 * and it stays in the inbox), a linked one is settled.
 */
export const cascadeLinkTransitions = {
  pending: { link: "linked", return: "returned" },
  returned: { link: "linked" },
  linked: {},
} as const satisfies Record<CascadeLinkStatus, Partial<Record<CascadeLinkAction, CascadeLinkStatus>>>;

/** The state an action leads to from `status`, or null when the action does not apply there. */
export function nextCascadeLinkStatus(
  status: CascadeLinkStatus,
  action: CascadeLinkAction,
): CascadeLinkStatus | null {
  const moves: Partial<Record<CascadeLinkAction, CascadeLinkStatus>> = cascadeLinkTransitions[status];
  return moves[action] ?? null;
}

/** The 督查室 and leaders follow what goes up and down between bureaus; the 督查室 alone acts. */
export function canReadCascade(actor: PolicyActor): boolean {
  return hasAnyRole(actor, "supervisor", "leader");
}

/** What the actor may do with the cascade lists: hand a node down (superior side). */
export const cascadeListAbilitiesSchema = z.object({ handDown: z.boolean() });
/** What the cascade lists offer the actor. */
export type CascadeListAbilities = z.infer<typeof cascadeListAbilitiesSchema>;

/** The 督查室 hands items down to subordinate bureaus. */
export function cascadeListAbilities(actor: PolicyActor): CascadeListAbilities {
  return { handDown: hasAnyRole(actor, "supervisor") };
}

/** What the actor may do with one received hand-down. */
export const cascadeLinkAbilitiesSchema = z.object({ link: z.boolean(), return: z.boolean() });
/** What the actor may do with one received hand-down. */
export type CascadeLinkAbilities = z.infer<typeof cascadeLinkAbilitiesSchema>;

/** Who may act on a received hand-down whatever its state: the subordinate's 督查室. */
export function cascadeLinkPermissions(actor: PolicyActor): CascadeLinkAbilities {
  const office = hasAnyRole(actor, "supervisor");
  return { link: office, return: office };
}

/** What the actor may do with a received hand-down in its state (a button per true). */
export function cascadeLinkAbilities(
  actor: PolicyActor,
  link: { status: CascadeLinkStatus },
): CascadeLinkAbilities {
  const allowed = cascadeLinkPermissions(actor);
  return {
    link: allowed.link && nextCascadeLinkStatus(link.status, "link") !== null,
    return: allowed.return && nextCascadeLinkStatus(link.status, "return") !== null,
  };
}

/** Bureaus nest province → city → county: no tenant sits deeper than this. */
export const tenantDepthMax = 3;
