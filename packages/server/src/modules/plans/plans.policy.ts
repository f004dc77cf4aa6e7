import type { Actor } from "../../http/context.js";
import { hasAnyRole } from "../../policy.js";

/** Every role of the bureau reads its plans. */
export function canViewPlans(actor: Actor): boolean {
  return actor.roles.length > 0;
}

/** Who imports, reviews, publishes and copies plans: the supervision office and administrators. */
export function canImportPlans(actor: Actor): boolean {
  return hasAnyRole(actor, "supervisor", "admin");
}

/**
 * Whether the actor may read a plan or an imported document in this status. What is published is for every
 * role; a draft under review (or given up) is the work of those who import plans, so to everyone else, leaders
 * included (they read what the bureau has published), it does not exist.
 */
export function canViewPlanStatus(actor: Actor, status: string): boolean {
  return canViewPlans(actor) && (status === "published" || canImportPlans(actor));
}
