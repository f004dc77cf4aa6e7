import { canSeeAssignment } from "@duban/domain";
import type { ServiceContext } from "../../http/context.js";
import { findLatestApprovedOfNode } from "./latest-approved.repository.js";

/** A node's latest approved report in short: its cycle, what was done, when it was approved. */
export interface LatestApproved {
  cycle: string;
  doneText: string;
  approvedAt: string | null;
}

/**
 * The approved report of a node that the first page of its approved reports would show first, as the actor may
 * see it (every unit's for bureau roles, else the actor's unit's); null when there is none. The node is the
 * caller's to have found in the actor's tenant: an id of another tenant's node finds nothing.
 */
export async function findLatestApprovedReport(
  ctx: ServiceContext,
  nodeId: string,
): Promise<LatestApproved | null> {
  // Asked about a unit no one belongs to, the policy says whether the actor sees every unit's reports.
  const seesAll = canSeeAssignment(ctx.actor, { unitId: "" });
  if (!seesAll && !ctx.actor.unitId) return null;
  const row = await findLatestApprovedOfNode(ctx.database.db, {
    tenantId: ctx.actor.tenantId,
    nodeId,
    unitId: seesAll ? null : ctx.actor.unitId,
  });
  return row
    ? { cycle: row.cycleName, doneText: row.doneText, approvedAt: row.reviewedAt?.toISOString() ?? null }
    : null;
}
