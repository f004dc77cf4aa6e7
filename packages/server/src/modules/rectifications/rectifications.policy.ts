import type { Actor } from "../../http/context.js";
import { hasAnyRole } from "../../policy.js";

/** The roles that see the whole 整改台账 of the tenant; a school sees only its own items. */
export function canSeeAllRectifications(actor: Actor): boolean {
  return hasAnyRole(actor, "admin", "leader", "supervisor", "department", "inspector");
}

/** Whether the actor may see one item. */
export function canSeeRectification(actor: Actor, item: { unitId: string }): boolean {
  return canSeeAllRectifications(actor) || (!!actor.unitId && actor.unitId === item.unitId);
}

/** The supervision office and admins raise items for any unit; an inspector only for schools. */
export function canCreateRectification(actor: Actor, unit?: { kind: string }): boolean {
  if (hasAnyRole(actor, "supervisor", "admin")) return true;
  return hasAnyRole(actor, "inspector") && (!unit || unit.kind === "school");
}

/** The responsible unit's own people report the measures taken, while the item awaits them. */
export function canSubmitRectification(actor: Actor, item: { unitId: string; status: string }): boolean {
  return (
    !!actor.unitId && actor.unitId === item.unitId && (item.status === "open" || item.status === "returned")
  );
}

/** The creator's side verifies: the supervision office, admins, or the inspector who raised the item. */
export function canVerifyRectification(actor: Actor, item: { createdBy: string | null }): boolean {
  if (hasAnyRole(actor, "supervisor", "admin")) return true;
  return hasAnyRole(actor, "inspector") && item.createdBy === actor.userId;
}
