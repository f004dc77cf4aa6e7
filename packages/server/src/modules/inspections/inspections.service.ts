import { randomUUID } from "node:crypto";
import {
  canSeeInspection,
  canUseInspections,
  type Inspection,
  type InspectionCreateInput,
  inspectionAbilities,
  inspectionListAbilities,
  seesAllInspections,
} from "@duban/domain";
import { forbidden, invalid, notFound } from "../../errors.js";
import { authorize } from "../../http/authorize.js";
import type { ServiceContext } from "../../http/context.js";
import { audit } from "../audit/index.js";
import { findUnit } from "../units/index.js";
import * as repo from "./inspections.repository.js";

/** The stored findings, read defensively: the column is free JSON. */
export function findingsOf(row: repo.InspectionRow): repo.StoredFinding[] {
  return Array.isArray(row.findings) ? (row.findings as repo.StoredFinding[]) : [];
}

/** The API shape of a visit; findings are addressed by their position, from 0. */
export function toInspection(
  ctx: ServiceContext,
  { inspection: r, unitName }: repo.InspectionDetail,
): Inspection {
  return {
    id: r.id,
    unit: { id: r.unitId, name: unitName },
    inspectorId: r.inspectorId,
    visitDate: r.visitDate,
    kind: r.kind,
    findings: findingsOf(r).map((f, index) => ({ index, text: f.text, rectificationId: f.rectificationId })),
    createdAt: r.createdAt.toISOString(),
    abilities: inspectionAbilities(ctx.actor, r),
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
      inspectorId: seesAllInspections(ctx.actor) ? null : ctx.actor.userId,
      unitId: query.unitId,
    },
    query,
  );
  return {
    items: rows.map((row) => toInspection(ctx, row)),
    total,
    page: query.page,
    pageSize: query.pageSize,
    abilities: inspectionListAbilities(ctx.actor),
  };
}

/** An inspector records a 挂牌督导 visit to a school with what was found. */
export async function createInspection(
  ctx: ServiceContext,
  input: InspectionCreateInput,
): Promise<Inspection> {
  authorize(inspectionListAbilities(ctx.actor), "create");
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
