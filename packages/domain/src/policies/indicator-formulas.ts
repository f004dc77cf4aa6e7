import { z } from "zod";
import { hasAnyRole, isLeadDepartment, type PolicyActor } from "./actor.js";
import { canViewPlans } from "./plans.js";

/** What the actor may do with an indicator's formula（计算公式）. */
export const indicatorFormulaAbilitiesSchema = z.object({
  /** Define, change or remove the formula that computes the indicator from a form's approved data. */
  define: z.boolean(),
});
/** What the actor may do with an indicator's formula. */
export type IndicatorFormulaAbilities = z.infer<typeof indicatorFormulaAbilitiesSchema>;

/**
 * Who defines how an indicator is computed: the supervision office, and the department that leads the
 * indicator's task (it knows which form carries the numbers). Admins, leaders, schools and inspectors do not.
 */
export function indicatorFormulaAbilities(
  actor: PolicyActor,
  task: { leadUnitId: string | null },
): IndicatorFormulaAbilities {
  return { define: hasAnyRole(actor, "supervisor") || isLeadDepartment(actor, task) };
}

/**
 * Who reads a computed indicator (its value, coverage, history and the unit rows behind it): everyone who reads
 * the task it belongs to, i.e. every role of the bureau once the plan is published.
 */
export function canReadComputedIndicator(actor: PolicyActor): boolean {
  return canViewPlans(actor);
}
