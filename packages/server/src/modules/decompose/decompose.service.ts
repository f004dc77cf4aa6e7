import {
  type indicatorEditSchema,
  isNodeOpen,
  type measureCreateSchema,
  type milestoneCreateSchema,
  type nodeUpdateSchema,
  taskPermissions,
} from "@duban/domain";
import type { z } from "zod";
import { AppError, invalid, notFound, staleVersion } from "../../errors.js";
import { authorize } from "../../http/authorize.js";
import type { ServiceContext } from "../../http/context.js";
import { getNode } from "../assignments/index.js";
import { audit, changeSummary } from "../audit/index.js";
import { findUnit } from "../units/index.js";
import * as repo from "./decompose.repository.js";
import { insertPlanChange } from "./plan-changes.repository.js";

type NodeUpdate = z.infer<typeof nodeUpdateSchema>;
type IndicatorEdit = z.infer<typeof indicatorEditSchema>;

/** A node the actor may decompose, or 403/404. */
async function getEditableNode(ctx: ServiceContext, nodeId: string) {
  const found = await getNode(ctx, nodeId);
  authorize(taskPermissions(ctx.actor, found.node), "decompose", "只有牵头科室或督查室可以分解此任务");
  if (!isNodeOpen(found.node)) throw new AppError("conflict", "任务已销号，不能再修改");
  return found;
}

/** Changes a task's window, weight, title or lead unit, recording the change and its reason. */
export async function updateNode(ctx: ServiceContext, nodeId: string, input: NodeUpdate) {
  const { node } = await getEditableNode(ctx, nodeId);
  if (input.leadUnitId !== undefined && input.leadUnitId !== node.leadUnitId)
    authorize(taskPermissions(ctx.actor, node), "changeLead", "只有督查室可以更换牵头单位");
  if (input.leadUnitId && !(await findUnit(ctx.database.db, ctx.actor.tenantId, input.leadUnitId)))
    throw invalid([{ path: "leadUnitId", message: "单位不存在" }]);
  const { reason, version, ...fields } = input;
  const values = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  const start = (values.startDate as string | null | undefined) ?? node.startDate;
  const due = (values.dueDate as string | null | undefined) ?? node.dueDate;
  if (start && due && due < start) throw invalid([{ path: "dueDate", message: "截止日期不能早于开始日期" }]);
  if (node.version !== version) throw staleVersion();
  await ctx.database.db.transaction(async (tx) => {
    const row = await repo.updateNodeAtVersion(
      tx,
      { tenantId: ctx.actor.tenantId, id: nodeId, version },
      { ...values, updatedAt: ctx.clock.now() },
    );
    if (!row) throw staleVersion();
    const summary = changeSummary(node as Record<string, unknown>, values);
    await insertPlanChange(tx, {
      tenantId: ctx.actor.tenantId,
      planId: node.planId,
      entity: "plan_node",
      entityId: nodeId,
      action: "update",
      ...summary,
      reason,
      actorId: ctx.actor.userId,
    });
    await audit(ctx, tx, {
      action: "plan_node.update",
      entity: "plan_node",
      entityId: nodeId,
      summary: { ...summary, reason },
    });
  });
}

/** Adds a measure, an indicator or a milestone to a task after publishing, with the reason on record. */
export async function addNodeItem(
  ctx: ServiceContext,
  nodeId: string,
  item:
    | { kind: "measure"; input: z.infer<typeof measureCreateSchema> }
    | { kind: "indicator"; input: IndicatorEdit }
    | { kind: "milestone"; input: z.infer<typeof milestoneCreateSchema> },
): Promise<{ id: string }> {
  const { node } = await getEditableNode(ctx, nodeId);
  const base = { tenantId: ctx.actor.tenantId, planId: node.planId, nodeId };
  const { reason, ...after } = item.input;
  if (
    item.kind === "indicator" &&
    item.input.comparator === "range" &&
    (item.input.targetMax === null || item.input.targetMax <= item.input.targetValue)
  )
    throw invalid([{ path: "targetMax", message: "区间的上限须大于下限" }]);
  return ctx.database.db.transaction(async (tx) => {
    let id: string;
    if (item.kind === "measure") id = await repo.insertMeasure(tx, base, item.input.text);
    else if (item.kind === "indicator") {
      const { name, comparator, targetValue, targetMax, unit, deadline, aggregation } = item.input;
      id = await repo.insertIndicator(tx, base, {
        name,
        comparator,
        targetValue,
        targetMax,
        unit,
        deadline,
        aggregation,
      });
    } else
      id = await repo.insertMilestone(tx, base, { title: item.input.title, deadline: item.input.deadline });
    await insertPlanChange(tx, {
      tenantId: ctx.actor.tenantId,
      planId: node.planId,
      entity: item.kind,
      entityId: id,
      action: "create",
      after,
      reason,
      actorId: ctx.actor.userId,
    });
    await audit(ctx, tx, {
      action: `${item.kind}.create`,
      entity: item.kind,
      entityId: id,
      summary: { after, reason },
    });
    return { id };
  });
}

/** Edits an indicator's target or aggregation after publishing, recording before, after and why. */
export async function updateIndicator(ctx: ServiceContext, indicatorId: string, input: IndicatorEdit) {
  const before = await repo.findIndicator(ctx.database.db, ctx.actor.tenantId, indicatorId);
  if (!before) throw notFound("指标");
  await getEditableNode(ctx, before.nodeId);
  const { reason, ...values } = input;
  if (values.comparator === "range" && (values.targetMax === null || values.targetMax <= values.targetValue))
    throw invalid([{ path: "targetMax", message: "区间的上限须大于下限" }]);
  await ctx.database.db.transaction(async (tx) => {
    await repo.updateIndicatorValues(tx, { tenantId: ctx.actor.tenantId, id: indicatorId }, values);
    const summary = changeSummary(before as Record<string, unknown>, values);
    await insertPlanChange(tx, {
      tenantId: ctx.actor.tenantId,
      planId: before.planId,
      entity: "indicator",
      entityId: indicatorId,
      action: "update",
      ...summary,
      reason,
      actorId: ctx.actor.userId,
    });
    await audit(ctx, tx, {
      action: "indicator.update",
      entity: "indicator",
      entityId: indicatorId,
      summary: { ...summary, reason },
    });
  });
}
