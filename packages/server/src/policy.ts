import type { Role } from "@duban/domain";
import { forbidden } from "./errors.js";
import type { Actor } from "./http/context.js";

/** Whether the actor holds any of the roles. */
export function hasAnyRole(actor: Actor, ...roles: Role[]): boolean {
  return actor.roles.some((r) => roles.includes(r));
}

/** Throws 403 unless the actor holds one of the roles: for endpoints a role may not use at all. */
export function assertAnyRole(actor: Actor, ...roles: Role[]): void {
  if (!hasAnyRole(actor, ...roles)) throw forbidden("您的角色无权使用此功能");
}

/** What the menu may offer: one flag per area, computed once from the roles. */
export function menuAbilities(actor: Actor): Record<string, boolean> {
  return {
    viewUnits: hasAnyRole(actor, "admin", "leader", "supervisor", "department", "inspector"),
    manageUnits: hasAnyRole(actor, "admin"),
    viewGroups: hasAnyRole(actor, "admin", "leader", "supervisor", "department"),
    manageGroups: hasAnyRole(actor, "admin", "supervisor"),
    viewUsers: hasAnyRole(actor, "admin", "leader"),
    manageUsers: hasAnyRole(actor, "admin"),
    viewAudit: hasAnyRole(actor, "admin"),
    viewPlans: actor.roles.length > 0,
    importPlans: hasAnyRole(actor, "supervisor", "admin"),
    viewUnitKeywords: hasAnyRole(actor, "admin", "supervisor"),
    manageUnitKeywords: hasAnyRole(actor, "admin"),
    manageCycles: hasAnyRole(actor, "supervisor"),
    manageChannels: hasAnyRole(actor, "admin"),
  };
}
