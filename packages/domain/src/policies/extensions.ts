import { z } from "zod";
import {
  bureauRoles,
  hasAnyRole,
  isLeadDepartment,
  isOwnUnit,
  nextStatus,
  type PolicyActor,
  type Transitions,
} from "./actor.js";

/** A 延期 request goes to the task's lead department, then to the supervision office. */
export const extensionStatuses = ["pending_lead", "pending_supervisor", "approved", "refused"] as const;
/** An extension request's status. */
export type ExtensionStatus = (typeof extensionStatuses)[number];

/** The decisions on a request. */
export const extensionActions = ["approve", "refuse"] as const;
/** A decision on a request. */
export type ExtensionAction = (typeof extensionActions)[number];

/** From-status × decision → to-status: the lead's approval passes it on, the office's approval is final. */
export const extensionTransitions: Transitions<ExtensionStatus, ExtensionAction> = {
  pending_lead: { approve: "pending_supervisor", refuse: "refused" },
  pending_supervisor: { approve: "approved", refuse: "refused" },
  approved: {},
  refused: {},
};

/** What the actor may do with one request. */
export const extensionAbilitiesSchema = z.object({
  /** Approve or refuse it at its current step. */
  decide: z.boolean(),
});
/** What the actor may do with one request. */
export type ExtensionAbilities = z.infer<typeof extensionAbilitiesSchema>;

/** Whether the actor sees every unit's requests (the bureau) rather than only its own unit's. */
export function seesAllExtensions(actor: PolicyActor): boolean {
  return hasAnyRole(actor, ...bureauRoles);
}

/** The bureau sees every request; a school sees its own unit's. */
export function canSeeExtension(actor: PolicyActor, request: { unitId: string }): boolean {
  return seesAllExtensions(actor) || isOwnUnit(actor, request);
}

/**
 * What the actor may do with the request now. Who decides depends on the step: the task's lead department
 * first, the supervision office second; a decided request is decided by no one.
 */
export function extensionAbilities(
  actor: PolicyActor,
  request: { status: ExtensionStatus },
  context: { node: { leadUnitId: string | null } },
): ExtensionAbilities {
  const decider =
    request.status === "pending_lead"
      ? isLeadDepartment(actor, context.node)
      : request.status === "pending_supervisor" && hasAnyRole(actor, "supervisor");
  return { decide: decider && nextStatus(extensionTransitions, request.status, "approve") !== null };
}
