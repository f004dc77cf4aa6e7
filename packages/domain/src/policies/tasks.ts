import { z } from "zod";
import { hasAnyRole, isLeadDepartment, nextStatus, type PolicyActor, type Transitions } from "./actor.js";

/** A plan node is worked on, asked to be closed（申请办结）, then closed（销号）. */
export const nodeStatuses = ["active", "closing", "closed"] as const;
/** A plan node's status. */
export type NodeStatus = (typeof nodeStatuses)[number];

/** A close-out request waits for the supervision office, which confirms it or returns it. */
export const nodeClosureStatuses = ["requested", "confirmed", "returned"] as const;
/** A close-out request's status. */
export type NodeClosureStatus = (typeof nodeClosureStatuses)[number];

/** What changes a node's status: the lead unit asks to close it, the supervision office decides. */
export const nodeActions = ["requestClose", "confirmClose", "returnClose"] as const;
/** An action on a node's status. */
export type NodeAction = (typeof nodeActions)[number];

/** From-status × action → to-status: a returned close-out puts the task back to work; 销号 is final. */
export const nodeTransitions: Transitions<NodeStatus, NodeAction> = {
  active: { requestClose: "closing" },
  closing: { confirmClose: "closed", returnClose: "active" },
  closed: {},
};

/** What the actor may do with one task（plan node）. */
export const taskAbilitiesSchema = z.object({
  /** Hand the task to units（交办）. */
  assign: z.boolean(),
  /** Change its window, weight and items after publishing（分解）. */
  decompose: z.boolean(),
  /** Give the task another lead unit. */
  changeLead: z.boolean(),
  /** Ask to close it（申请办结）. */
  requestClose: z.boolean(),
  /** Confirm the close-out（销号）or return it. */
  decideClose: z.boolean(),
});
/** What the actor may do with one task. */
export type TaskAbilities = z.infer<typeof taskAbilitiesSchema>;

/**
 * Who may act on a task, whatever its state: its lead department or the supervision office hand it out and
 * decompose it; only the supervision office moves it to another lead unit or closes it; the lead department
 * asks for the close.
 */
export function taskPermissions(actor: PolicyActor, node: { leadUnitId: string | null }): TaskAbilities {
  const supervisor = hasAnyRole(actor, "supervisor");
  const lead = isLeadDepartment(actor, node);
  return {
    assign: supervisor || lead,
    decompose: supervisor || lead,
    changeLead: supervisor,
    requestClose: lead,
    decideClose: supervisor,
  };
}

/** Whether the node's status allows a change of its content or assignments: a closed task is frozen. */
export function isNodeOpen(node: { status: NodeStatus }): boolean {
  return node.status !== "closed";
}

/** What the actor may do with the task now. */
export function taskAbilities(
  actor: PolicyActor,
  node: { leadUnitId: string | null; status: NodeStatus },
): TaskAbilities {
  const may = taskPermissions(actor, node);
  const open = isNodeOpen(node);
  const allows = (action: NodeAction) => nextStatus(nodeTransitions, node.status, action) !== null;
  return {
    assign: may.assign && open,
    decompose: may.decompose && open,
    changeLead: may.changeLead && open,
    requestClose: may.requestClose && allows("requestClose"),
    decideClose: may.decideClose && allows("confirmClose"),
  };
}
