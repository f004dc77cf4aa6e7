import {
  type Assignment,
  type AssignmentCreateInput,
  type AssignmentPage,
  type PageQuery,
  pageFrom,
} from "@duban/domain";
import { and, eq, inArray } from "drizzle-orm";
import { assignments, indicators, measures, unitGroups } from "../../db/schema.js";
import { AppError, forbidden, invalid, notFound, staleVersion } from "../../errors.js";
import type { ServiceContext } from "../../http/context.js";
import { audit } from "../../policy.js";
import { resolveGroup } from "../groups/group-rule.js";
import { findMemberIds } from "../groups/groups.repository.js";
import { findNodeWithPlan } from "../plans/plans.repository.js";
import { findAllUnits } from "../units/units.repository.js";
import { canAssign, canSeeAssignment, isOwnUnit } from "./assignments.policy.js";
import * as repo from "./assignments.repository.js";
import { lightToday } from "./lights.js";

/** Builds the API shape of an assignment, with its light today. */
export function toAssignment(ctx: ServiceContext, d: repo.AssignmentDetail): Assignment {
  const a = d.assignment;
  const active = a.status === "active";
  const light = lightToday(
    {
      startDate: d.node.startDate,
      dueDate: a.dueDate ?? d.node.dueDate,
      progress: a.progress,
      done: a.progress >= 100 || d.node.status === "closed",
    },
    d.plan,
    ctx.clock.now(),
  );
  return {
    id: a.id,
    planId: a.planId,
    node: { id: d.node.id, title: d.node.title, label: d.node.label, number: d.node.number },
    measure: a.measureId ? { id: a.measureId, text: d.measureText ?? "" } : null,
    unit: { id: a.unitId, name: d.unitName },
    role: a.role as Assignment["role"],
    responsiblePerson: a.responsiblePerson,
    dueDate: a.dueDate ?? d.node.dueDate,
    status: a.status as Assignment["status"],
    acknowledgedAt: a.acknowledgedAt?.toISOString() ?? null,
    progress: a.progress,
    light,
    indicatorIds: d.indicatorIds,
    removedReason: a.removedReason,
    version: a.version,
    createdAt: a.createdAt.toISOString(),
    abilities: {
      acknowledge: active && !a.acknowledgedAt && isOwnUnit(ctx.actor, a),
      report: active && isOwnUnit(ctx.actor, a),
      remove: active && canAssign(ctx.actor, d.node),
    },
  };
}

/** A node of the actor's tenant, or 404. */
export async function getNode(ctx: ServiceContext, nodeId: string) {
  const found = await findNodeWithPlan(ctx.database.db, ctx.actor.tenantId, nodeId);
  if (!found) throw notFound("任务");
  return found;
}

/** The units named one by one plus the current members of the groups named, without repeats. */
async function resolveTargets(ctx: ServiceContext, input: AssignmentCreateInput) {
  const { db } = ctx.database;
  const all = await findAllUnits(db, ctx.actor.tenantId);
  const byId = new Map(all.map((u) => [u.id, u]));
  const issues = (input.unitIds ?? []).flatMap((id, i) =>
    byId.has(id) ? [] : [{ path: `unitIds.${i}`, message: "单位不存在或已停用" }],
  );
  const groupIds = input.groupIds ?? [];
  const groups = groupIds.length
    ? await db
        .select()
        .from(unitGroups)
        .where(
          and(
            eq(unitGroups.tenantId, ctx.actor.tenantId),
            inArray(unitGroups.id, groupIds),
            eq(unitGroups.enabled, true),
          ),
        )
    : [];
  groupIds.forEach((id, i) => {
    if (!groups.some((g) => g.id === id))
      issues.push({ path: `groupIds.${i}`, message: "分组不存在或已停用" });
  });
  if (issues.length) throw invalid(issues);
  const members = await findMemberIds(db, ctx.actor.tenantId, groupIds);
  const fromGroups = groups.flatMap((g) => resolveGroup(g, members.get(g.id) ?? [], all).map((u) => u.id));
  return [...new Set([...(input.unitIds ?? []), ...fromGroups])];
}

/** Checks that the measure and indicators belong to the node. */
async function assertNodeItems(ctx: ServiceContext, nodeId: string, input: AssignmentCreateInput) {
  const { db } = ctx.database;
  if (input.measureId) {
    const [m] = await db
      .select({ id: measures.id })
      .from(measures)
      .where(
        and(
          eq(measures.tenantId, ctx.actor.tenantId),
          eq(measures.id, input.measureId),
          eq(measures.nodeId, nodeId),
        ),
      );
    if (!m) throw invalid([{ path: "measureId", message: "该措施不属于此任务" }]);
  }
  const wanted = input.indicatorIds ?? [];
  if (wanted.length) {
    const found = await db
      .select({ id: indicators.id })
      .from(indicators)
      .where(
        and(
          eq(indicators.tenantId, ctx.actor.tenantId),
          eq(indicators.nodeId, nodeId),
          inArray(indicators.id, wanted),
        ),
      );
    const ok = new Set(found.map((f) => f.id));
    const issues = wanted.flatMap((id, i) =>
      ok.has(id) ? [] : [{ path: `indicatorIds.${i}`, message: "该指标不属于此任务" }],
    );
    if (issues.length) throw invalid(issues);
  }
}

/** Hands a task or measure to units（交办）: one assignment per unit; units already assigned are skipped. */
export async function createAssignments(ctx: ServiceContext, nodeId: string, input: AssignmentCreateInput) {
  const { node } = await getNode(ctx, nodeId);
  if (!canAssign(ctx.actor, node)) throw forbidden("只有牵头科室或督查室可以交办此任务");
  if (node.status === "closed") throw new AppError("conflict", "任务已销号，不能再交办");
  await assertNodeItems(ctx, nodeId, input);
  const unitIds = await resolveTargets(ctx, input);
  const { db } = ctx.database;
  const existing = await db
    .select({ unitId: assignments.unitId, measureId: assignments.measureId })
    .from(assignments)
    .where(
      and(
        eq(assignments.tenantId, ctx.actor.tenantId),
        eq(assignments.nodeId, nodeId),
        eq(assignments.status, "active"),
      ),
    );
  const taken = new Set(
    existing.filter((e) => (e.measureId ?? null) === (input.measureId ?? null)).map((e) => e.unitId),
  );
  const fresh = unitIds.filter((id) => !taken.has(id));
  const created = await db.transaction(async (tx) => {
    const rows = await repo.insertAssignments(
      tx,
      fresh.map((unitId) => ({
        tenantId: ctx.actor.tenantId,
        planId: node.planId,
        nodeId,
        measureId: input.measureId ?? null,
        unitId,
        role: input.role,
        responsiblePerson: input.responsiblePerson ?? null,
        dueDate: input.dueDate ?? null,
        createdBy: ctx.actor.userId,
      })),
      input.indicatorIds ?? [],
    );
    await audit(ctx, tx, {
      action: "assignment.create",
      entity: "plan_node",
      entityId: nodeId,
      summary: { units: fresh, role: input.role, groups: input.groupIds ?? [] },
    });
    return rows;
  });
  return { created: created.length, skipped: unitIds.length - fresh.length };
}

/**
 * A page of a node's assignments, removed ones included (history), as the actor may see them; whoever may
 * 交办 the task may add more.
 */
export async function findNodeAssignments(
  ctx: ServiceContext,
  nodeId: string,
  query: PageQuery,
): Promise<AssignmentPage> {
  const { node } = await getNode(ctx, nodeId);
  const rows = await repo.findAssignmentDetails(
    ctx.database.db,
    ctx.actor.tenantId,
    eq(assignments.nodeId, nodeId),
  );
  const visible = rows
    .filter((r) => canSeeAssignment(ctx.actor, r.assignment))
    .map((r) => toAssignment(ctx, r));
  return pageFrom(visible, query, { create: canAssign(ctx.actor, node) });
}

/** One assignment the actor may see, or 404. */
export async function getAssignment(ctx: ServiceContext, id: string): Promise<repo.AssignmentDetail> {
  const row = await repo.findAssignmentDetail(ctx.database.db, ctx.actor.tenantId, id);
  if (!row || !canSeeAssignment(ctx.actor, row.assignment)) throw notFound("交办事项");
  return row;
}

/** The receiving unit acknowledges（签收）. */
export async function acknowledgeAssignment(
  ctx: ServiceContext,
  id: string,
  version: number,
): Promise<Assignment> {
  const d = await getAssignment(ctx, id);
  if (!isOwnUnit(ctx.actor, d.assignment)) throw forbidden("只有承办单位可以签收");
  if (d.assignment.status !== "active") throw new AppError("conflict", "该交办已撤销");
  if (d.assignment.acknowledgedAt) throw new AppError("conflict", "已经签收过了");
  return saveAssignment(
    ctx,
    d,
    version,
    { acknowledgedAt: ctx.clock.now(), acknowledgedBy: ctx.actor.userId },
    "assignment.acknowledge",
  );
}

/** Withdraws an assignment from a unit; it stays in the history with the reason. */
export async function removeAssignment(
  ctx: ServiceContext,
  id: string,
  input: { reason: string; version: number },
): Promise<Assignment> {
  const d = await getAssignment(ctx, id);
  if (!canAssign(ctx.actor, d.node)) throw forbidden("只有牵头科室或督查室可以撤销交办");
  if (d.assignment.status !== "active") throw new AppError("conflict", "该交办已撤销");
  return saveAssignment(
    ctx,
    d,
    input.version,
    { status: "removed", removedAt: ctx.clock.now(), removedReason: input.reason },
    "assignment.remove",
  );
}

/** Writes a versioned change to an assignment with its audit entry. */
async function saveAssignment(
  ctx: ServiceContext,
  d: repo.AssignmentDetail,
  version: number,
  values: Parameters<typeof repo.updateAssignment>[2],
  action: string,
) {
  if (d.assignment.version !== version) throw staleVersion();
  await ctx.database.db.transaction(async (tx) => {
    const updated = await repo.updateAssignment(
      tx,
      { tenantId: ctx.actor.tenantId, id: d.assignment.id, version },
      values,
    );
    if (!updated) throw staleVersion();
    await audit(ctx, tx, {
      action,
      entity: "assignment",
      entityId: d.assignment.id,
      summary: { unit: d.unitName, ...(values.removedReason ? { reason: values.removedReason } : {}) },
    });
  });
  return toAssignment(
    ctx,
    (await repo.findAssignmentDetail(ctx.database.db, ctx.actor.tenantId, d.assignment.id))!,
  );
}
