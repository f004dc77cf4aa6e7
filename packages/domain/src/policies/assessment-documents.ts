import { hasAnyRole, type PolicyActor } from "./actor.js";
import { seesAllAssessments } from "./assessment.js";

/**
 * Who reads a run's whole results table (every unit's score, rank and grade, as the .xlsx and the 考评结果通报
 * print them): whoever sees every run — the 督查室 that runs the assessment and the leaders it reports to. A unit
 * reads only its own row.
 */
export function canReadAllAssessmentResults(actor: PolicyActor): boolean {
  return seesAllAssessments(actor);
}

/**
 * Who downloads a plan's 年度工作总结 draft: it gathers every unit's reports and open problems into a text the
 * 督查室 drafts for the bureau, so, as with a 督查通报's draft, the 督查室 and the leaders who read it.
 */
export function canDraftAnnualSummary(actor: PolicyActor): boolean {
  return hasAnyRole(actor, "supervisor", "leader");
}
