import { z } from "zod";
import { hasAnyRole, type PolicyActor } from "./actor.js";
import { canManageCycles } from "./cycles.js";

/**
 * Who downloads a plan's whole 工作台账: it names every unit's progress and problems, so those who oversee the
 * whole plan — the 督查室, leaders and administrators — as with the 督办台账's export.
 */
export function canExportLedger(actor: PolicyActor): boolean {
  return hasAnyRole(actor, "supervisor", "leader", "admin");
}

/** What the actor may do with a cycle's 报送情况. */
export const filingAbilitiesSchema = z.object({
  /** 一键催报: remind every unit whose report is missing. */
  urge: z.boolean(),
});
/** What the actor may do with a cycle's 报送情况. */
export type FilingAbilities = z.infer<typeof filingAbilitiesSchema>;

/** Who reads a cycle's 报送情况 (every unit's standing): the same people as the whole ledger. */
export function canViewFiling(actor: PolicyActor): boolean {
  return canExportLedger(actor);
}

/** The 督查室, who opens and closes cycles, is the one who 催报 their missing reports. */
export function filingAbilities(actor: PolicyActor, cycle: { status: "open" | "closed" }): FilingAbilities {
  return { urge: canManageCycles(actor) && cycle.status === "open" };
}
