import type { Actor } from "../../http/context.js";
import { hasAnyRole } from "../../policy.js";

/** Who may list and read users. */
export function canViewUsers(actor: Actor): boolean {
  return hasAnyRole(actor, "admin", "leader");
}

/** Who may create, edit, disable, reset, unlock and import users. */
export function canManageUsers(actor: Actor): boolean {
  return hasAnyRole(actor, "admin");
}

/** Whether the actor may disable this user: an admin never disables themself, so someone can always sign in. */
export function canDisableUser(actor: Actor, user: { id: string; enabled: boolean }): boolean {
  return canManageUsers(actor) && user.enabled && user.id !== actor.userId;
}
