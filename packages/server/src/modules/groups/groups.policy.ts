import type { Actor } from "../../http/context.js";
import { hasAnyRole } from "../../policy.js";

/** Who may list and read unit groups (they pick groups when handing out tasks). */
export function canViewGroups(actor: Actor): boolean {
  return hasAnyRole(actor, "admin", "leader", "supervisor", "department");
}

/** Who may create, edit, disable and preview unit groups. */
export function canManageGroups(actor: Actor): boolean {
  return hasAnyRole(actor, "admin", "supervisor");
}
