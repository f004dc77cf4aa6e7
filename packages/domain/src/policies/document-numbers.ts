import type { DocumentNumberAbilities } from "../schemas/document-numbers.js";
import { hasAnyRole, type PolicyActor } from "./actor.js";

/** Whether the actor may read the 文号 settings: the bureau's office roles that issue or sign 公文. */
export function canSeeDocumentNumbers(actor: PolicyActor): boolean {
  return hasAnyRole(actor, "admin", "leader", "supervisor");
}

/** The 督查室 and administrators set the 文号 prefixes. */
export function documentNumberAbilities(actor: PolicyActor): DocumentNumberAbilities {
  return { update: hasAnyRole(actor, "supervisor", "admin") };
}
