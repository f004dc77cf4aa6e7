import { z } from "zod";
import { hasAnyRole, type PolicyActor } from "./actor.js";

/** What the actor may do with the keyword → department dictionary: replace it. */
export const unitKeywordAbilitiesSchema = z.object({ update: z.boolean() });
/** What the actor may do with the keyword dictionary. */
export type UnitKeywordAbilities = z.infer<typeof unitKeywordAbilitiesSchema>;

/** The supervision office, which imports plans, reads the dictionary; admins maintain it. */
export function canViewUnitKeywords(actor: PolicyActor): boolean {
  return hasAnyRole(actor, "admin", "supervisor");
}

/** Administrators replace the dictionary. */
export function unitKeywordAbilities(actor: PolicyActor): UnitKeywordAbilities {
  return { update: hasAnyRole(actor, "admin") };
}
