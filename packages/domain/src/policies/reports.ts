import { z } from "zod";
import { isLeadDepartment, isOwnUnit, nextStatus, type PolicyActor, type Transitions } from "./actor.js";
import { type CycleStatus, isCycleOpen } from "./cycles.js";

/** The lifecycle of a progress report（反馈）. */
export const reportStatuses = ["draft", "submitted", "returned", "approved"] as const;
/** A report's status. */
export type ReportStatus = (typeof reportStatuses)[number];

/** What can be done to a report: save as draft, submit, and the lead department's approve or return. */
export const reportActions = ["save", "submit", "approve", "return"] as const;
/** An action on a report. */
export type ReportAction = (typeof reportActions)[number];

/**
 * From-status × action → to-status. A report not yet written starts as a draft; one that was returned is
 * rewritten in place and submitted again; approval is final.
 */
export const reportTransitions: Transitions<ReportStatus, ReportAction> = {
  draft: { save: "draft", submit: "submitted" },
  returned: { save: "returned", submit: "submitted" },
  submitted: { approve: "approved", return: "returned" },
  approved: {},
};

/** What the actor may do with one report. */
export const reportAbilitiesSchema = z.object({
  /** Change the report's fields (saved as a draft). */
  edit: z.boolean(),
  /** Hand the report in for review. */
  submit: z.boolean(),
  /** Approve it or return it with a reason. */
  review: z.boolean(),
});
/** What the actor may do with one report. */
export type ReportAbilities = z.infer<typeof reportAbilitiesSchema>;

/** The report as far as its policy is concerned. */
export interface ReportSubject {
  unitId: string;
  status: ReportStatus;
}

/** What beyond the report decides: whether its cycle is still open, and who leads its task. */
export interface ReportContext {
  cycle: { status: CycleStatus };
  node: { leadUnitId: string | null };
}

/**
 * Who may act on a report, whatever its state: a unit reports only for itself (never another unit, bureau
 * staff included), and only the task's lead department reviews.
 */
export function reportPermissions(
  actor: PolicyActor,
  report: { unitId: string },
  context: Pick<ReportContext, "node">,
) {
  const own = isOwnUnit(actor, report);
  return { edit: own, submit: own, review: isLeadDepartment(actor, context.node) } satisfies ReportAbilities;
}

/** What the actor may do with the report now: who may, in a state that allows it, while its cycle is open. */
export function reportAbilities(
  actor: PolicyActor,
  report: ReportSubject,
  context: ReportContext,
): ReportAbilities {
  const may = reportPermissions(actor, report, context);
  const open = isCycleOpen(context.cycle);
  const allows = (action: ReportAction) => nextStatus(reportTransitions, report.status, action) !== null;
  return {
    edit: may.edit && open && allows("save"),
    submit: may.submit && open && allows("submit"),
    // A closed cycle still gets its last reports reviewed.
    review: may.review && allows("approve"),
  };
}
