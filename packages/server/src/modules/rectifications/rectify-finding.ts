import {
  type FindingRectifyInput,
  findingStatusOf,
  inspectionAbilities,
  nextFindingStatus,
  type Rectification,
} from "@duban/domain";
import { z } from "zod";
import { AppError, notFound } from "../../errors.js";
import { authorize } from "../../http/authorize.js";
import type { ServiceContext } from "../../http/context.js";
import { findInspection, findingsOf, getInspectionRow, updateFindings } from "../inspections/index.js";
import { getRectification, insertRectificationIn } from "./rectifications.service.js";

/** A finding's position in the path. */
export const findingIndexSchema = z.coerce.number().int().min(0).max(99);

/**
 * Turns one finding into a 整改 item for the school in one step (source inspection, sourceId the visit) and
 * records the item on the finding. The visit row is locked, so one finding never yields two items.
 */
export async function rectifyFinding(
  ctx: ServiceContext,
  target: { id: string; index: number },
  input: FindingRectifyInput,
): Promise<Rectification> {
  const { inspection } = await getInspectionRow(ctx, target.id);
  authorize(inspectionAbilities(ctx.actor, inspection), "rectify");
  if (!findingsOf(inspection)[target.index]) throw notFound("督导发现的问题");
  const itemId = await ctx.database.db.transaction(async (tx) => {
    const locked = await findInspection(tx, ctx.actor.tenantId, target.id, true);
    const findings = findingsOf(locked!.inspection);
    const finding = findings[target.index]!;
    if (!nextFindingStatus(findingStatusOf(finding), "rectify"))
      throw new AppError("conflict", "该问题已生成整改事项，请勿重复下发");
    const item = await insertRectificationIn(ctx, tx, {
      unitId: inspection.unitId,
      problem: finding.text,
      requirement: input.requirement,
      deadline: input.deadline,
      responsiblePerson: input.responsiblePerson ?? null,
      source: "inspection",
      sourceId: inspection.id,
    });
    findings[target.index] = { ...finding, rectificationId: item.id };
    await updateFindings(tx, { tenantId: ctx.actor.tenantId, id: target.id }, findings);
    return item.id;
  });
  return getRectification(ctx, itemId);
}
