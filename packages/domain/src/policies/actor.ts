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

/** The roles that work at the bureau (局机关): they see every unit's records. */
export const bureauRoles = ["admin", "leader", "supervisor", "department"] as const satisfies readonly Role[];

/** Whether the actor belongs to the unit a record is about (an actor without a unit belongs to none). */
export function isOwnUnit(actor: PolicyActor, record: { unitId: string | null }): boolean {
  return !!actor.unitId && actor.unitId === record.unitId;
}

/** Whether the actor is staff of the department that leads a task（牵头科室）. */
export function isLeadDepartment(actor: PolicyActor, node: { leadUnitId: string | null }): boolean {
  return hasAnyRole(actor, "department") && isOwnUnit(actor, { unitId: node.leadUnitId });
}

/** A transitions table: for each status, the actions it allows and the status each leads to. */
export type Transitions<S extends string, A extends string> = Record<S, Partial<Record<A, S>>>;

/** The status an action leads to from `from`, or null when the table does not allow it there. */
export function nextStatus<S extends string, A extends string>(
  table: Transitions<S, A>,
  from: S,
  action: A,
): S | null {
  return table[from]?.[action] ?? null;
}
