import type { Actor } from "../../http/context.js";
import { hasAnyRole } from "../../policy.js";

/** A node's lead department staff, or the supervision office, hand it out and decompose it. */
export function canAssign(actor: Actor, node: { leadUnitId: string | null }): boolean {
  return (
    hasAnyRole(actor, "supervisor") ||
    (hasAnyRole(actor, "department") && !!actor.unitId && actor.unitId === node.leadUnitId)
  );
}

/** Only the lead unit reviews reports on its task. */
export function canReview(actor: Actor, node: { leadUnitId: string | null }): boolean {
  return hasAnyRole(actor, "department") && !!actor.unitId && actor.unitId === node.leadUnitId;
}

/** A unit's own people acknowledge and report on its assignments. */
export function isOwnUnit(actor: Actor, assignment: { unitId: string }): boolean {
  return !!actor.unitId && actor.unitId === assignment.unitId;
}

/** Schools and inspectors see only their own unit's assignments; bureau roles see all. */
export function canSeeAssignment(actor: Actor, assignment: { unitId: string }): boolean {
  return hasAnyRole(actor, "admin", "leader", "supervisor", "department") || isOwnUnit(actor, assignment);
}
