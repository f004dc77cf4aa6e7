import type { Actor } from "../../http/context.js";
import { hasAnyRole } from "../../policy.js";
import { canReview } from "../assignments/index.js";

/** Bureau roles see every request; a school sees its own unit's. */
export function canSeeExtension(actor: Actor, request: { unitId: string }): boolean {
  return hasAnyRole(actor, "admin", "leader", "supervisor", "department") || actor.unitId === request.unitId;
}

/** Whether the actor sees every unit's requests. */
export function seesAllExtensions(actor: Actor): boolean {
  return hasAnyRole(actor, "admin", "leader", "supervisor", "department");
}

/** The task's lead department decides first, the supervision office second. */
export function canDecideExtension(
  actor: Actor,
  request: { status: string },
  node: { leadUnitId: string | null },
): boolean {
  if (request.status === "pending_lead") return canReview(actor, node);
  if (request.status === "pending_supervisor") return hasAnyRole(actor, "supervisor");
  return false;
}
