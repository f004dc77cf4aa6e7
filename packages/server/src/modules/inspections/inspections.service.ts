import { randomUUID } from "node:crypto";
import type { FindingRectifyInput, Inspection, InspectionCreateInput, Rectification } from "@duban/domain";
import { z } from "zod";
import { AppError, forbidden, invalid, notFound } from "../../errors.js";
import type { ServiceContext } from "../../http/context.js";
import { assertAnyRole } from "../../policy.js";
import { audit } from "../audit/index.js";
import { getRectification, insertRectificationIn } from "../rectifications/index.js";
import { findUnit } from "../units/index.js";
import {
  canRectifyFindings,
  canSeeAllInspections,
  canSeeInspection,
  canUseInspections,
} from "./inspections.policy.js";
import * as repo from "./inspections.repository.js";

/** The stored findings, read defensively: the column is free JSON. */
function findingsOf(row: repo.InspectionRow): repo.StoredFinding[] {
  return Array.isArray(row.findings) ? (row.findings as repo.StoredFinding[]) : [];
}

/** The API shape of a visit; findings are addressed by their position, from 0. */
export function toInspection(
  ctx: ServiceContext,
  { inspection: r, unitName }: repo.InspectionDetail,
): Inspection {
  const rectify = canRectifyFindings(ctx.actor, r);
  return {
    id: r.id,
    unit: { id: r.unitId, name: unitName },
    inspectorId: r.inspectorId,
    visitDate: r.visitDate,
    kind: r.kind,
    findings: findingsOf(r).map((f, index) => ({ index, text: f.text, rectificationId: f.rectificationId })),
    createdAt: r.createdAt.toISOString(),
    abilities: { rectify },
  };
}

/** One visit the actor may see; others' visits and other tenants' answer 404. */
export async function getInspectionRow(ctx: ServiceContext, id: string): Promise<repo.InspectionDetail> {
  if (!canUseInspections(ctx.actor)) throw forbidden("您的角色无权查看督导记录");
  const row = await repo.findInspection(ctx.database.db, ctx.actor.tenantId, id);
  if (!row || !canSeeInspection(ctx.actor, row.inspection)) throw notFound("督导记录");
  return row;
}

/** One visit as the API shows it. */
export async function getInspection(ctx: ServiceContext, id: string): Promise<Inspection> {
  return toInspection(ctx, await getInspectionRow(ctx, id));
}

/** A page of visits: an inspector's own, or everyone's for the supervision office, leaders and admins. */
export async function findInspectionsPage(
  ctx: ServiceContext,
  query: { page: number; pageSize: number; unitId?: string },
) {
  if (!canUseInspections(ctx.actor)) throw forbidden("您的角色无权查看督导记录");
  const { rows, total } = await repo.findInspectionPage(
    ctx.database.db,
    {
      tenantId: ctx.actor.tenantId,
      inspectorId: canSeeAllInspections(ctx.actor) ? null : ctx.actor.userId,
      unitId: query.unitId,
    },
    query,
  );
  return {
    items: rows.map((row) => toInspection(ctx, row)),
    total,
    page: query.page,
    pageSize: query.pageSize,
    abilities: { create: ctx.actor.roles.includes("inspector") },
  };
}

/** An inspector records a 挂牌督导 visit to a school with what was found. */
export async function createInspection(
  ctx: ServiceContext,
  input: InspectionCreateInput,
): Promise<Inspection> {
  assertAnyRole(ctx.actor, "inspector");
  const unit = await findUnit(ctx.database.db, ctx.actor.tenantId, input.unitId);
  if (unit?.kind !== "school") throw invalid([{ path: "unitId", message: "请选择一所学校" }]);
  const row = await ctx.database.db.transaction(async (tx) => {
    const created = await repo.insertInspection(tx, {
      tenantId: ctx.actor.tenantId,
      unitId: unit.id,
      inspectorId: ctx.actor.userId,
      visitDate: input.visitDate,
      kind: input.kind,
      findings: input.findings.map((f) => ({ key: randomUUID(), text: f.text, rectificationId: null })),
    });
    await audit(ctx, tx, {
      action: "inspection.create",
      entity: "inspection",
      entityId: created.id,
      summary: { unit: unit.name, visitDate: input.visitDate, findings: input.findings.length },
    });
    return created;
  });
  return toInspection(ctx, { inspection: row, unitName: unit.name });
}

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
  if (!canRectifyFindings(ctx.actor, inspection))
    throw forbidden("只有该次督导的责任督学或督查室可以下发整改");
  if (!findingsOf(inspection)[target.index]) throw notFound("督导发现的问题");
  const itemId = await ctx.database.db.transaction(async (tx) => {
    const locked = await repo.findInspection(tx, ctx.actor.tenantId, target.id, true);
    const findings = findingsOf(locked!.inspection);
    const finding = findings[target.index]!;
    if (finding.rectificationId) throw new AppError("conflict", "该问题已生成整改事项，请勿重复下发");
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
    await repo.updateFindings(tx, { tenantId: ctx.actor.tenantId, id: target.id }, findings);
    return item.id;
  });
  return getRectification(ctx, itemId);
}
