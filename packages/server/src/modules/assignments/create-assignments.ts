import { type AssignmentCreateInput, isNodeOpen, notificationLinks, taskPermissions } from "@duban/domain";
import { AppError, invalid } from "../../errors.js";
import { authorize } from "../../http/authorize.js";
import type { ServiceContext } from "../../http/context.js";
import { audit } from "../audit/index.js";
import { findEnabledGroups, findMemberIds, resolveGroup } from "../groups/index.js";
import { notifyUnit } from "../notifications/index.js";
import { findAllUnits } from "../units/index.js";
import * as repo from "./assignments.repository.js";
import { getNode } from "./assignments.service.js";

/** The units named one by one plus the current members of the groups named, without repeats. */
async function resolveTargets(ctx: ServiceContext, input: AssignmentCreateInput) {
  const { db } = ctx.database;
  const all = await findAllUnits(db, ctx.actor.tenantId);
  const byId = new Map(all.map((u) => [u.id, u]));
  const issues = (input.unitIds ?? []).flatMap((id, i) =>
    byId.has(id) ? [] : [{ path: `unitIds.${i}`, message: "单位不存在或已停用" }],
  );
  const groupIds = input.groupIds ?? [];
  const groups = groupIds.length ? await findEnabledGroups(db, ctx.actor.tenantId, groupIds) : [];
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
    if (!(await repo.isNodeMeasure(db, { tenantId: ctx.actor.tenantId, nodeId, measureId: input.measureId })))
      throw invalid([{ path: "measureId", message: "该措施不属于此任务" }]);
  }
  const wanted = input.indicatorIds ?? [];
  if (wanted.length) {
    const ok = await repo.findNodeIndicatorIds(db, { tenantId: ctx.actor.tenantId, nodeId, ids: wanted });
    const issues = wanted.flatMap((id, i) =>
      ok.has(id) ? [] : [{ path: `indicatorIds.${i}`, message: "该指标不属于此任务" }],
    );
    if (issues.length) throw invalid(issues);
  }
}

/** Hands a task or measure to units（交办）: one assignment per unit; units already assigned are skipped. */
export async function createAssignments(ctx: ServiceContext, nodeId: string, input: AssignmentCreateInput) {
  const { node } = await getNode(ctx, nodeId);
  authorize(taskPermissions(ctx.actor, node), "assign", "只有牵头科室或督查室可以交办此任务");
  if (!isNodeOpen(node)) throw new AppError("conflict", "任务已销号，不能再交办");
  await assertNodeItems(ctx, nodeId, input);
  const unitIds = await resolveTargets(ctx, input);
  const { db } = ctx.database;
  const existing = await repo.findActiveAssignmentUnits(db, ctx.actor.tenantId, nodeId);
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
        // The automatic notices count missed cycles from this day, so it is the app's day, not the database's.
        createdAt: ctx.clock.now(),
      })),
      input.indicatorIds ?? [],
    );
    for (const a of rows)
      await notifyUnit(tx, {
        tenantId: ctx.actor.tenantId,
        unitId: a.unitId,
        kind: "assignment.created",
        title: `新的交办任务：${node.title}`,
        body: `请签收并按时反馈${a.dueDate ? `，完成时限 ${a.dueDate}` : ""}`,
        link: notificationLinks.assignment(a.id),
        entity: "assignment",
        entityId: a.id,
        dedupeKey: `assignment.created:${a.id}`,
        now: ctx.clock.now(),
      });
    await audit(ctx, tx, {
      action: "assignment.create",
      entity: "plan_node",
      entityId: nodeId,
      summary: { units: fresh, role: input.role, groups: input.groupIds ?? [] },
    });
    // The task's progress with the new units at 0 %.
    if (rows.length > 0) await repo.rollupNodeProgress(tx, ctx.actor.tenantId, nodeId);
    return rows;
  });
  return { created: created.length, skipped: unitIds.length - fresh.length };
}
