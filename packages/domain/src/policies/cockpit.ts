import { z } from "zod";
import type { CockpitScope } from "../schemas/cockpit.js";
import { hasAnyRole, type PolicyActor } from "./actor.js";

/**
 * Whose part of a plan the actor's cockpit shows: the bureau's leaders, 督查室 and administrators the whole plan,
 * a department the tasks it leads, a school its own assignments. Null when the actor has no cockpit (a 责任督学,
 * or department / school staff without a unit).
 */
export function cockpitScopeOf(actor: PolicyActor): CockpitScope | null {
  if (hasAnyRole(actor, "leader", "supervisor", "admin")) return "plan";
  if (!actor.unitId) return null;
  if (hasAnyRole(actor, "department")) return "department";
  if (hasAnyRole(actor, "school")) return "school";
  return null;
}

/** What the menu offers of the cockpit: whether it opens, and whether it is the actor's home page. */
export const cockpitMenuAbilitiesSchema = z.object({ open: z.boolean(), home: z.boolean() });
/** Cockpit menu abilities. */
export type CockpitMenuAbilities = z.infer<typeof cockpitMenuAbilitiesSchema>;

/** The cockpit opens for anyone with a scope and is the home page of leaders and the 督查室. */
export function cockpitMenuAbilities(actor: PolicyActor): CockpitMenuAbilities {
  const open = cockpitScopeOf(actor) !== null;
  return { open, home: open && hasAnyRole(actor, "leader", "supervisor") };
}
