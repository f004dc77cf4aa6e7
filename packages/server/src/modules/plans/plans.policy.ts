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
