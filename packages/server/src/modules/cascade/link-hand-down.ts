import {
  type CascadeLinkAction,
  type CascadeLinkInput,
  type CascadeLinkStatus,
  type CascadeReturnInput,
  cascadeLinkPermissions,
  cascadeLinkStatusLabels,
  cascadeLinkTransitions,
  type ReceivedHandDown,
} from "@duban/domain";
import type { DbOrTx } from "../../db/client.js";
import { invalid, notFound, staleVersion } from "../../errors.js";
import { authorize, transition } from "../../http/authorize.js";
import type { ServiceContext } from "../../http/context.js";
import { audit } from "../audit/index.js";
import { addTask, findNodeWithPlan, findPlan } from "../plans/index.js";
import type { ReceivedRow } from "./cascade.repository.js";
import * as repo from "./cascade.repository.js";
import { getReceived, getReceivedRow } from "./cascade.service.js";

const taskLevels = new Set(["task", "subtask"]);
const sectionLevels = new Set(["section", "subsection"]);

/** An own task of a published plan to link to: 404 for another bureau's, 400 for a section or a closed plan. */
async function ownTask(ctx: ServiceContext, tx: DbOrTx, nodeId: string): Promise<string> {
  const found = await findNodeWithPlan(tx, ctx.actor.tenantId, nodeId);
  if (!found) throw notFound("任务");
  if (!taskLevels.has(found.node.level))
    throw invalid([{ path: "nodeId", message: "请选择一项任务，而不是一个部分" }]);
  const plan = await findPlan(tx, ctx.actor.tenantId, found.plan.id);
  if (plan?.plan.status !== "published")
    throw invalid([{ path: "nodeId", message: "只能关联已发布且未归档计划中的任务" }]);
  return nodeId;
}

/** A new own task made from the hand-down（据此新建）: the superior's title, text, targets and due date. */
async function taskFromHandDown(
  ctx: ServiceContext,
  tx: DbOrTx,
  row: ReceivedRow,
  create: { planId: string; parentId: string | null },
): Promise<string> {
  const found = await findPlan(tx, ctx.actor.tenantId, create.planId);
  if (!found) throw notFound("计划");
  if (found.plan.status !== "published")
    throw invalid([{ path: "create.planId", message: "只能在已发布且未归档的计划中新建任务" }]);
  if (create.parentId) {
    const parent = await findNodeWithPlan(tx, ctx.actor.tenantId, create.parentId);
    if (!parent || parent.plan.id !== found.plan.id || !sectionLevels.has(parent.node.level))
      throw invalid([{ path: "create.parentId", message: "请选择该计划中的一个部分" }]);
  }
  return addTask(tx, {
    tenantId: ctx.actor.tenantId,
    plan: { id: found.plan.id, year: found.plan.year },
    parentId: create.parentId,
    title: row.handDown.title,
    text: row.handDown.text,
    dueDate: row.handDown.dueDate,
    targets: row.handDown.targets,
  });
}

/**
 * 关联: the subordinate's 督查室 links a received hand-down to a task of its own plan, or creates one from it. From
 * then on the superior reads that task's approved state through the link.
 */
export async function linkHandDown(
  ctx: ServiceContext,
  id: string,
  input: CascadeLinkInput,
): Promise<ReceivedHandDown> {
  const row = await getReceivedRow(ctx, id);
  authorize(cascadeLinkPermissions(ctx.actor), "link", "只有督查室可以接收上级下达的任务");
  transition<CascadeLinkStatus, CascadeLinkAction>(
    cascadeLinkTransitions,
    row.link.status,
    "link",
    (from) => `该任务${cascadeLinkStatusLabels[from]}`,
  );
  await ctx.database.db.transaction(async (tx) => {
    const nodeId =
      "nodeId" in input
        ? await ownTask(ctx, tx, input.nodeId)
        : await taskFromHandDown(ctx, tx, row, input.create);
    const now = ctx.clock.now();
    const moved = await repo.updateLink(
      tx,
      { tenantId: ctx.actor.tenantId, id, version: input.version },
      { status: "linked", nodeId, linkedAt: now, linkedBy: ctx.actor.userId, returnReason: null },
      now,
    );
    if (!moved) throw staleVersion();
    await audit(ctx, tx, {
      action: "cascade_link.link",
      entity: "cascade_link",
      entityId: id,
      summary: { from: row.from.name, nodeId, created: "create" in input },
    });
  });
  return getReceived(ctx, id);
}

/** 退回: the subordinate's 督查室 returns a hand-down to the superior with its reason. */
export async function returnHandDown(
  ctx: ServiceContext,
  id: string,
  input: CascadeReturnInput,
): Promise<ReceivedHandDown> {
  const row = await getReceivedRow(ctx, id);
  authorize(cascadeLinkPermissions(ctx.actor), "return", "只有督查室可以退回上级下达的任务");
  transition<CascadeLinkStatus, CascadeLinkAction>(
    cascadeLinkTransitions,
    row.link.status,
    "return",
    (from) => `该任务${cascadeLinkStatusLabels[from]}`,
  );
  await ctx.database.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const moved = await repo.updateLink(
      tx,
      { tenantId: ctx.actor.tenantId, id, version: input.version },
      { status: "returned", returnReason: input.reason, returnedAt: now },
      now,
    );
    if (!moved) throw staleVersion();
    await audit(ctx, tx, {
      action: "cascade_link.return",
      entity: "cascade_link",
      entityId: id,
      summary: { from: row.from.name, reason: input.reason },
    });
  });
  return getReceived(ctx, id);
}
