import type { Actor } from "../../http/context.js";
import { hasAnyRole } from "../../policy.js";

/** Who may list and read units. */
export function canViewUnits(actor: Actor): boolean {
  return hasAnyRole(actor, "admin", "leader", "supervisor", "department", "inspector");
}

/** Who may create, edit, disable and import units. */
export function canManageUnits(actor: Actor): boolean {
  return hasAnyRole(actor, "admin");
}
