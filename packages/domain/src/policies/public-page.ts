import type { PolicyActor } from "./actor.js";
import { canImportPlans } from "./plans.js";

/** Who decides what of a plan is public（政务公开）: those who publish plans, the 督查室 and administrators. */
export function canManagePublicPage(actor: PolicyActor): boolean {
  return canImportPlans(actor);
}
