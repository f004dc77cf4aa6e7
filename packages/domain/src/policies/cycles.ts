import { z } from "zod";
import { hasAnyRole, nextStatus, type PolicyActor, type Transitions } from "./actor.js";

/** A reporting cycle is open for reports until it is closed. */
export const cycleStatuses = ["open", "closed"] as const;
/** A cycle's status. */
export type CycleStatus = (typeof cycleStatuses)[number];

/** Kinds of cycle: a plan's cadence, or one opened by hand (adhoc). */
export const cycleKinds = ["monthly", "weekly", "quarterly", "adhoc"] as const;
/** A cycle's kind. */
export type CycleKind = (typeof cycleKinds)[number];

/** What can be done to a cycle. */
export const cycleActions = ["close"] as const;
/** An action on a cycle. */
export type CycleAction = (typeof cycleActions)[number];

/** From-status × action → to-status: a closed cycle stays closed. */
export const cycleTransitions: Transitions<CycleStatus, CycleAction> = {
  open: { close: "closed" },
  closed: {},
};

/** What the actor may do with one cycle. */
export const cycleAbilitiesSchema = z.object({ close: z.boolean() });
/** What the actor may do with one cycle. */
export type CycleAbilities = z.infer<typeof cycleAbilitiesSchema>;

/** The supervision office sets a plan's cadence and opens and closes its cycles. */
export function canManageCycles(actor: PolicyActor): boolean {
  return hasAnyRole(actor, "supervisor");
}

/** Whether a cycle still takes reports. */
export function isCycleOpen(cycle: { status: CycleStatus }): boolean {
  return cycle.status === "open";
}

/** Who may act on a cycle, whatever its state. */
export function cyclePermissions(actor: PolicyActor): CycleAbilities {
  return { close: canManageCycles(actor) };
}

/** What the actor may do with the cycle now. */
export function cycleAbilities(actor: PolicyActor, cycle: { status: CycleStatus }): CycleAbilities {
  return {
    close: cyclePermissions(actor).close && nextStatus(cycleTransitions, cycle.status, "close") !== null,
  };
}
