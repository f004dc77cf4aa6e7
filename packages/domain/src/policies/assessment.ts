import { z } from "zod";
import type { AssessmentStatus } from "../assessment/states.js";
import type { AssessmentItemKind } from "../assessment/types.js";
import { hasAnyRole, nextStatus, type PolicyActor, type Transitions } from "./actor.js";

/**
 * Who may do what in 考评. The 督查室 owns it: edits the scheme, manages entries, runs, adjusts, publishes, decides
 * appeals and finalises. Leaders read every run and result. Departments enter 加分 / 扣分 for units. A school or
 * department reads its own unit's published result and may appeal it. Admins and inspectors have no part in it:
 * the year-end score of units is not system administration, nor a 督学's visit.
 */

/** What moves a run: adjust (a draft stays a draft), publish, finalise, delete (trial drafts only), appeal. */
export const assessmentActions = ["adjust", "publish", "finalise", "delete", "appeal", "decide"] as const;
/** An action on a run. */
export type AssessmentAction = (typeof assessmentActions)[number];

/** A run's life: draft → published (appeals) → finalised, which allows nothing. */
export const assessmentTransitions: Transitions<AssessmentStatus, AssessmentAction> = {
  draft: { adjust: "draft", publish: "published", delete: "draft" },
  published: { appeal: "published", decide: "published", finalise: "finalised" },
  finalised: {},
};

/** What a plan's scheme offers the actor: edit it (until locked), run an assessment. */
export interface AssessmentSchemeAbilities {
  edit: boolean;
  run: boolean;
}

/** Whether the actor is the 督查室, which owns the whole of 考评. */
export function managesAssessments(actor: PolicyActor): boolean {
  return hasAnyRole(actor, "supervisor");
}

/** The 督查室 and leaders read every run and every unit's result, drafts included. */
export function seesAllAssessments(actor: PolicyActor): boolean {
  return hasAnyRole(actor, "supervisor", "leader");
}

/** A unit's own people: a school or department user with a unit reads its own published result. */
export function isAssessedUnitUser(actor: PolicyActor): boolean {
  return !!actor.unitId && hasAnyRole(actor, "school", "department");
}

/** Who reads a plan's scheme and list of runs: everyone taking part (admins and inspectors do not). */
export function canReadAssessments(actor: PolicyActor): boolean {
  return seesAllAssessments(actor) || isAssessedUnitUser(actor);
}

/** The scheme's offers: the 督查室 edits it until the first formal run locks it, and runs assessments. */
export function assessmentSchemeAbilities(
  actor: PolicyActor,
  scheme: { locked: boolean },
): AssessmentSchemeAbilities {
  const may = managesAssessments(actor);
  return { edit: may && !scheme.locked, run: may };
}

/** What the entry list offers: enter a 加分 / 扣分 (the 督查室 and departments), see every entry. */
export const assessmentEntryListAbilitiesSchema = z.object({ create: z.boolean(), seeAll: z.boolean() });
/** What the entry list offers. */
export type AssessmentEntryListAbilities = z.infer<typeof assessmentEntryListAbilitiesSchema>;

/** Who reads entries: the 督查室 and leaders all of them, a department the ones it entered. */
export function assessmentEntryListAbilities(actor: PolicyActor): AssessmentEntryListAbilities {
  return {
    create: hasAnyRole(actor, "supervisor", "department"),
    seeAll: seesAllAssessments(actor),
  };
}

/** Whether the actor may read the entry list at all. */
export function canReadAssessmentEntries(actor: PolicyActor): boolean {
  return seesAllAssessments(actor) || hasAnyRole(actor, "department");
}

/** A 一票否决 is the 督查室's decision; a department enters 加分 / 扣分 only. */
export function canCreateAssessmentEntry(actor: PolicyActor, kind: AssessmentItemKind): boolean {
  if (managesAssessments(actor)) return true;
  return hasAnyRole(actor, "department") && kind === "manual";
}

/** What the actor may do with one entry: revoke it (the 督查室, or who entered it) while it counts. */
export const assessmentEntryAbilitiesSchema = z.object({ revoke: z.boolean() });
/** What the actor may do with one entry. */
export type AssessmentEntryAbilities = z.infer<typeof assessmentEntryAbilitiesSchema>;

/** Whether the actor may revoke an entry whatever its state (403 otherwise; a revoked one is 409). */
export function assessmentEntryPermissions(
  actor: PolicyActor,
  entry: { createdBy: string },
): AssessmentEntryAbilities {
  return {
    revoke:
      managesAssessments(actor) || (hasAnyRole(actor, "department") && entry.createdBy === actor.userId),
  };
}

/** What the actor may do with an entry now. */
export function assessmentEntryAbilities(
  actor: PolicyActor,
  entry: { createdBy: string; revoked: boolean },
): AssessmentEntryAbilities {
  return { revoke: assessmentEntryPermissions(actor, entry).revoke && !entry.revoked };
}

/** What the actor may do with one run. */
export const assessmentAbilitiesSchema = z.object({
  adjust: z.boolean(),
  publish: z.boolean(),
  finalise: z.boolean(),
  delete: z.boolean(),
  appeal: z.boolean(),
  decide: z.boolean(),
});
/** What the actor may do with one run. */
export type AssessmentAbilities = z.infer<typeof assessmentAbilitiesSchema>;

/** The parts of a run its policy reads. */
export interface AssessmentPolicySubject {
  status: AssessmentStatus;
  final: boolean;
}

/** Whether the actor may see a run: the 督查室 and leaders always, a unit's people once it is published. */
export function canSeeAssessment(actor: PolicyActor, run: AssessmentPolicySubject): boolean {
  if (seesAllAssessments(actor)) return true;
  return isAssessedUnitUser(actor) && run.status !== "draft";
}

/** Whether the actor may see one unit's result row of a visible run: all of them, or its own unit's. */
export function canSeeAssessmentResult(
  actor: PolicyActor,
  run: AssessmentPolicySubject,
  result: { unitId: string },
): boolean {
  if (!canSeeAssessment(actor, run)) return false;
  return seesAllAssessments(actor) || actor.unitId === result.unitId;
}

/**
 * Who may act on a run whatever its state (403 otherwise; the state is the transitions table's, 409): the
 * 督查室 runs the review, publication and appeals; a unit's people appeal (their own unit's result).
 */
export function assessmentPermissions(actor: PolicyActor): AssessmentAbilities {
  const may = managesAssessments(actor);
  return {
    adjust: may,
    publish: may,
    finalise: may,
    decide: may,
    delete: may,
    appeal: isAssessedUnitUser(actor),
  };
}

/**
 * What the actor may do with a run now: permitted and allowed by its state. `appeal` also needs the window
 * open on `today`, the unit among those assessed and no appeal of the unit yet.
 */
export function assessmentAbilities(
  actor: PolicyActor,
  run: AssessmentPolicySubject & { appealUntil: string | null },
  context: { today: string; assessedUnit: boolean; appealed: boolean },
): AssessmentAbilities {
  const may = assessmentPermissions(actor);
  const allowed = (action: AssessmentAction) =>
    nextStatus(assessmentTransitions, run.status, action) !== null;
  const windowOpen = run.appealUntil !== null && context.today <= run.appealUntil;
  return {
    adjust: may.adjust && allowed("adjust"),
    publish: may.publish && run.final && allowed("publish"),
    finalise: may.finalise && allowed("finalise"),
    // A trial run（试评）is a working copy; a formal one is kept even before publication.
    delete: may.delete && !run.final && allowed("delete"),
    decide: may.decide && allowed("decide"),
    appeal: may.appeal && allowed("appeal") && windowOpen && context.assessedUnit && !context.appealed,
  };
}
