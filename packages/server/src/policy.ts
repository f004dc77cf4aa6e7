import { hasAnyRole as hasRole, type Role } from "@duban/domain";
import { forbidden } from "./errors.js";
import type { Actor } from "./http/context.js";

/** Whether the actor holds any of the roles (the domain's rule, for modules that still check roles here). */
export function hasAnyRole(actor: Actor, ...roles: Role[]): boolean {
  return hasRole(actor, ...roles);
}

/** Throws 403 unless the actor holds one of the roles: for endpoints a role may not use at all. */
export function assertAnyRole(actor: Actor, ...roles: Role[]): void {
  if (!hasAnyRole(actor, ...roles)) throw forbidden("您的角色无权使用此功能");
}
