import {
  type ClosurePage,
  nodeTransitions,
  notificationLinks,
  type PageQuery,
  pageFrom,
  taskPermissions,
} from "@duban/domain";
import { staleVersion } from "../../errors.js";
import { authorize, transition } from "../../http/authorize.js";
import type { ServiceContext } from "../../http/context.js";
import { getNode } from "../assignments/index.js";
import { audit } from "../audit/index.js";
import { findAttachableFiles, findTenantFiles, toFileRef } from "../evidence/index.js";
import { notify } from "../notifications/index.js";
import * as repo from "./decompose.repository.js";
import { insertPlanChange } from "./plan-changes.repository.js";

/** The lead unit asks to close a task（申请办结）with a summary and final evidence. */
export async function requestClose(
  ctx: ServiceContext,
  nodeId: string,
  input: { summary: string; fileIds: string[]; version: number },
) {
  const { node } = await getNode(ctx, nodeId);
  authorize(taskPermissions(ctx.actor, node), "requestClose", "只有牵头科室可以申请办结");
  const status = transition(nodeTransitions, node.status, "requestClose", (from) =>
    from === "closed" ? "任务已销号" : "已申请办结，等待督查室确认",
  );
  if (node.version !== input.version) throw staleVersion();
  await findAttachableFiles(ctx.database.db, ctx.actor, input.fileIds);
  await ctx.database.db.transaction(async (tx) => {
    const row = await repo.updateNodeAtVersion(
      tx,
      { tenantId: ctx.actor.tenantId, id: nodeId, version: input.version },
      { status },
    );
    if (!row) throw staleVersion();
    await repo.insertClosure(tx, {
      tenantId: ctx.actor.tenantId,
      nodeId,
      summary: input.summary,
      fileIds: input.fileIds,
      requestedBy: ctx.actor.userId,
    });
    await notify(tx, {
      tenantId: ctx.actor.tenantId,
      kind: "task.close_requested",
      recipients: { roles: ["supervisor"] },
      title: `申请办结，请确认销号：${node.title}`,
      body: input.summary,
      link: notificationLinks.task(node.planId, nodeId),
      entity: "plan_node",
      entityId: nodeId,
      dedupeKey: `task.close_requested:${nodeId}:v${input.version}`,
      now: ctx.clock.now(),
    });
    await audit(ctx, tx, {
      action: "plan_node.close_request",
      entity: "plan_node",
      entityId: nodeId,
      summary: { summary: input.summary },
    });
  });
}

/** The supervision office confirms the close-out（销号）or sends it back with a reason. */
export async function decideClose(
  ctx: ServiceContext,
  nodeId: string,
  input: { decision: "confirm" | "return"; reason?: string | undefined; version: number },
) {
  const { node } = await getNode(ctx, nodeId);
  authorize(taskPermissions(ctx.actor, node), "decideClose", "只有督查室可以销号");
  const confirm = input.decision === "confirm";
  const status = transition(
    nodeTransitions,
    node.status,
    confirm ? "confirmClose" : "returnClose",
    "该任务没有待确认的办结申请",
  );
  if (node.version !== input.version) throw staleVersion();
  const now = ctx.clock.now();
  // The node, its close-out request, the change history and the audit entry move together or not at all.
  await ctx.database.db.transaction(async (tx) => {
    const row = await repo.updateNodeAtVersion(
      tx,
      { tenantId: ctx.actor.tenantId, id: nodeId, version: input.version },
      { status, closedAt: status === "closed" ? now : null, updatedAt: now },
    );
    if (!row) throw staleVersion();
    await repo.decideOpenClosure(
      tx,
      { tenantId: ctx.actor.tenantId, nodeId },
      {
        status: input.decision === "confirm" ? "confirmed" : "returned",
        decidedBy: ctx.actor.userId,
        decidedAt: now,
        decisionReason: input.reason ?? null,
      },
    );
    await insertPlanChange(tx, {
      tenantId: ctx.actor.tenantId,
      planId: node.planId,
      entity: "plan_node",
      entityId: nodeId,
      action: `status:${status}`,
      before: { status: node.status },
      after: { status },
      reason: input.reason ?? null,
      actorId: ctx.actor.userId,
    });
    // The lead unit asked; it hears the outcome.
    await notify(tx, {
      tenantId: ctx.actor.tenantId,
      kind: confirm ? "task.closed" : "task.close_returned",
      recipients: node.leadUnitId ? { unitId: node.leadUnitId } : { userIds: [] },
      title: confirm ? `任务已销号：${node.title}` : `办结申请被退回：${node.title}`,
      body: confirm ? "" : `退回原因：${input.reason ?? ""}`,
      link: notificationLinks.task(node.planId, nodeId),
      entity: "plan_node",
      entityId: nodeId,
      dedupeKey: `task.close_decided:${nodeId}:v${input.version}`,
      now,
    });
    await audit(ctx, tx, {
      action: confirm ? "plan_node.close" : "plan_node.close_return",
      entity: "plan_node",
      entityId: nodeId,
      summary: { reason: input.reason ?? null },
    });
  });
}

/** A page of the close-out requests of a task, newest first, with their evidence. */
export async function findClosures(
  ctx: ServiceContext,
  nodeId: string,
  query: PageQuery,
): Promise<ClosurePage> {
  await getNode(ctx, nodeId);
  const rows = await repo.findNodeClosures(ctx.database.db, ctx.actor.tenantId, nodeId);
  const page = pageFrom(rows, query, {});
  const fileIds = [...new Set(page.items.flatMap((r) => r.closure.fileIds))];
  const files = new Map(
    (await findTenantFiles(ctx.database.db, ctx.actor.tenantId, fileIds)).map((f) => [f.id, toFileRef(f)]),
  );
  const items = page.items.map(({ closure: c, requester }) => ({
    id: c.id,
    status: c.status,
    summary: c.summary,
    files: c.fileIds.map((id) => files.get(id)).filter((f) => f !== undefined),
    requestedBy: requester,
    requestedAt: c.createdAt.toISOString(),
    decidedAt: c.decidedAt?.toISOString() ?? null,
    decisionReason: c.decisionReason,
  }));
  return { ...page, items };
}
