import type { Actor } from "../../http/context.js";
import { hasAnyRole } from "../../policy.js";

/** Inspectors record visits; the supervision office, leaders and admins read every record. */
export function canUseInspections(actor: Actor): boolean {
  return hasAnyRole(actor, "inspector", "supervisor", "leader", "admin");
}

/** Whether the actor sees every inspector's visits, not only their own. */
export function canSeeAllInspections(actor: Actor): boolean {
  return hasAnyRole(actor, "supervisor", "leader", "admin");
}

/** Whether the actor may see one visit. */
export function canSeeInspection(actor: Actor, row: { inspectorId: string | null }): boolean {
  return canSeeAllInspections(actor) || (hasAnyRole(actor, "inspector") && row.inspectorId === actor.userId);
}

/** The inspector who made the visit, or the supervision office, turns its findings into 整改 items. */
export function canRectifyFindings(actor: Actor, row: { inspectorId: string | null }): boolean {
  return (
    hasAnyRole(actor, "supervisor") || (hasAnyRole(actor, "inspector") && row.inspectorId === actor.userId)
  );
}
