import { z } from "zod";
import { hasAnyRole, type PolicyActor } from "./actor.js";

/** Where a finding of a visit stands: open, or already turned into a 整改 item. */
export const findingStatuses = ["open", "rectified"] as const;
/** A finding's state. */
export type FindingStatus = (typeof findingStatuses)[number];

/** What moves a finding: turning it into a 整改 item. */
export const findingActions = ["rectify"] as const;
/** A finding action. */
export type FindingAction = (typeof findingActions)[number];

/** A finding yields one 整改 item, once. */
export const findingTransitions = {
  open: { rectify: "rectified" },
  rectified: {},
} as const satisfies Record<FindingStatus, Partial<Record<FindingAction, FindingStatus>>>;

/** The state an action leads to from `status`, or null when the action does not apply there. */
export function nextFindingStatus(status: FindingStatus, action: FindingAction): FindingStatus | null {
  const moves: Partial<Record<FindingAction, FindingStatus>> = findingTransitions[status];
  return moves[action] ?? null;
}

/** A finding's state from its stored link to the item it became. */
export function findingStatusOf(finding: { rectificationId: string | null }): FindingStatus {
  return finding.rectificationId ? "rectified" : "open";
}

/** What the actor may do with one visit: turn its open findings into 整改 items. */
export const inspectionAbilitiesSchema = z.object({ rectify: z.boolean() });
/** What the actor may do with one visit. */
export type InspectionAbilities = z.infer<typeof inspectionAbilitiesSchema>;

/** What the list of visits offers the actor: record a new visit. */
export const inspectionListAbilitiesSchema = z.object({ create: z.boolean() });
/** What the list of visits offers the actor. */
export type InspectionListAbilities = z.infer<typeof inspectionListAbilitiesSchema>;

/** Inspectors record visits; the supervision office, leaders and admins read every record. */
export function canUseInspections(actor: PolicyActor): boolean {
  return hasAnyRole(actor, "inspector", "supervisor", "leader", "admin");
}

/** Whether the actor sees every inspector's visits, not only their own. */
export function seesAllInspections(actor: PolicyActor): boolean {
  return hasAnyRole(actor, "supervisor", "leader", "admin");
}

/** Whether the actor may see one visit. */
export function canSeeInspection(actor: PolicyActor, visit: { inspectorId: string | null }): boolean {
  return seesAllInspections(actor) || (hasAnyRole(actor, "inspector") && visit.inspectorId === actor.userId);
}

/** The inspector who made the visit, or the supervision office, turns its findings into 整改 items. */
export function inspectionAbilities(
  actor: PolicyActor,
  visit: { inspectorId: string | null },
): InspectionAbilities {
  const rectify =
    hasAnyRole(actor, "supervisor") || (hasAnyRole(actor, "inspector") && visit.inspectorId === actor.userId);
  return { rectify };
}

/** Only inspectors record visits. */
export function inspectionListAbilities(actor: PolicyActor): InspectionListAbilities {
  return { create: hasAnyRole(actor, "inspector") };
}
