import { z } from "zod";
import { knownPlanDate, planDateLastDay } from "../rules/calendar.js";
import {
  bureauRoles,
  hasAnyRole,
  isOwnUnit,
  nextStatus,
  type PolicyActor,
  type Transitions,
} from "./actor.js";
import { taskPermissions } from "./tasks.js";

/** An assignment（交办）is active until it is withdrawn; a withdrawn one stays as history. */
export const assignmentStatuses = ["active", "removed"] as const;
/** An assignment's status. */
export type AssignmentStatus = (typeof assignmentStatuses)[number];

/** The part a unit plays on an assignment. */
export const assignmentRoles = ["lead", "co", "executor"] as const;
/** A unit's part on an assignment. */
export type AssignmentRole = (typeof assignmentRoles)[number];

/** What can be done with an assignment; `extend` is an approved 延期 moving its due date. */
export const assignmentActions = ["acknowledge", "report", "requestExtension", "extend", "remove"] as const;
/** An action on an assignment. */
export type AssignmentAction = (typeof assignmentActions)[number];

/** From-status × action → to-status: only an active assignment is acknowledged, reported on or withdrawn. */
export const assignmentTransitions: Transitions<AssignmentStatus, AssignmentAction> = {
  active: {
    acknowledge: "active",
    report: "active",
    requestExtension: "active",
    extend: "active",
    remove: "removed",
  },
  removed: {},
};

/** What the actor may do with one assignment. */
export const assignmentAbilitiesSchema = z.object({
  /** Acknowledge receipt（签收）. */
  acknowledge: z.boolean(),
  /** Write this cycle's report（反馈）. */
  report: z.boolean(),
  /** Ask for a later due date（延期）. */
  requestExtension: z.boolean(),
  /** Withdraw the assignment from its unit. */
  remove: z.boolean(),
});
/** What the actor may do with one assignment. */
export type AssignmentAbilities = z.infer<typeof assignmentAbilitiesSchema>;

/** The assignment as far as its policy is concerned. */
export interface AssignmentSubject {
  unitId: string;
  status: AssignmentStatus;
  acknowledged: boolean;
}

/** What beyond the assignment decides: who leads its task, its last due day and today (Shanghai dates). */
export interface AssignmentContext {
  node: { leadUnitId: string | null };
  dueDay: string;
  today: string;
}

/** Schools and inspectors see only their own unit's assignments; the bureau sees all. */
export function canSeeAssignment(actor: PolicyActor, assignment: { unitId: string }): boolean {
  return seesEveryAssignment(actor) || isOwnUnit(actor, assignment);
}

/** Whether the actor sees every unit's assignments (the bureau's roles), not only their own unit's. */
export function seesEveryAssignment(actor: PolicyActor): boolean {
  return hasAnyRole(actor, ...bureauRoles);
}

/**
 * The last day an assignment is due: its own date, else its task's, else the end of the plan year, a
 * month-only date taken to the month's last day. A stored value that is no date counts as none.
 */
export function assignmentDueDay(
  dueDate: string | null,
  nodeDueDate: string | null,
  planYear: number,
): string {
  return planDateLastDay(knownPlanDate(dueDate) ?? knownPlanDate(nodeDueDate) ?? `${planYear}-12-31`);
}

/**
 * Who may act on an assignment, whatever its state: the receiving unit's own people acknowledge it, report on
 * it and ask for more time (bureau staff never act for a school); whoever may hand out the task withdraws it.
 */
export function assignmentPermissions(
  actor: PolicyActor,
  assignment: { unitId: string },
  context: Pick<AssignmentContext, "node">,
): AssignmentAbilities {
  const own = isOwnUnit(actor, assignment);
  return {
    acknowledge: own,
    report: own,
    requestExtension: own,
    remove: taskPermissions(actor, context.node).assign,
  };
}

/** What the actor may do with the assignment now. */
export function assignmentAbilities(
  actor: PolicyActor,
  assignment: AssignmentSubject,
  context: AssignmentContext,
): AssignmentAbilities {
  const may = assignmentPermissions(actor, assignment, context);
  const allows = (action: AssignmentAction) =>
    nextStatus(assignmentTransitions, assignment.status, action) !== null;
  return {
    acknowledge: may.acknowledge && allows("acknowledge") && !assignment.acknowledged,
    report: may.report && allows("report"),
    // More time is asked for before the due day, not on it.
    requestExtension: may.requestExtension && allows("requestExtension") && context.today < context.dueDay,
    remove: may.remove && allows("remove"),
  };
}
