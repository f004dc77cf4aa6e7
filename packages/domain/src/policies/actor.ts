import type { Role } from "../roles.js";

/** The person a policy decides for: the signed-in user's id, tenant, unit and roles. */
export interface PolicyActor {
  userId: string;
  tenantId: string;
  unitId: string | null;
  roles: readonly Role[];
}

/** Whether the actor holds any of the roles. */
export function hasAnyRole(actor: PolicyActor, ...roles: Role[]): boolean {
  return actor.roles.some((role) => roles.includes(role));
}
