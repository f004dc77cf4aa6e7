import { type Closure, type ClosurePage, type PageQuery, pageFrom } from "@duban/domain";
import { and, desc, eq, sql } from "drizzle-orm";
import { nodeClosures, planNodes, users } from "../../db/schema.js";
import { AppError, forbidden, staleVersion } from "../../errors.js";
import type { ServiceContext } from "../../http/context.js";
import { audit, hasAnyRole } from "../../policy.js";
import { canReview } from "../assignments/assignments.policy.js";
import { getNode } from "../assignments/assignments.service.js";
import { findAttachableFiles, findTenantFiles, toFileRef } from "../evidence/evidence.service.js";
import { insertPlanChange } from "./plan-changes.repository.js";

/** The lead unit asks to close a task（申请办结）with a summary and final evidence. */
export async function requestClose(
  ctx: ServiceContext,
  nodeId: string,
  input: { summary: string; fileIds: string[]; version: number },
) {
  const { node } = await getNode(ctx, nodeId);
  if (!canReview(ctx.actor, node)) throw forbidden("只有牵头科室可以申请办结");
  if (node.status !== "active")
    throw new AppError("conflict", node.status === "closed" ? "任务已销号" : "已申请办结，等待督查室确认");
  if (node.version !== input.version) throw staleVersion();
  await findAttachableFiles(ctx.database.db, ctx.actor, input.fileIds);
  await ctx.database.db.transaction(async (tx) => {
    const [row] = await tx
      .update(planNodes)
      .set({ status: "closing", version: sql`${planNodes.version} + 1` })
      .where(
        and(
          eq(planNodes.tenantId, ctx.actor.tenantId),
          eq(planNodes.id, nodeId),
          eq(planNodes.version, input.version),
        ),
      )
      .returning();
    if (!row) throw staleVersion();
    await tx.insert(nodeClosures).values({
      tenantId: ctx.actor.tenantId,
      nodeId,
      summary: input.summary,
      fileIds: input.fileIds,
      requestedBy: ctx.actor.userId,
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
  if (!hasAnyRole(ctx.actor, "supervisor")) throw forbidden("只有督查室可以销号");
  if (node.status !== "closing") throw new AppError("conflict", "该任务没有待确认的办结申请");
  if (node.version !== input.version) throw staleVersion();
  const status = input.decision === "confirm" ? "closed" : "active";
  const now = ctx.clock.now();
  // The node, its close-out request, the change history and the audit entry move together or not at all.
  await ctx.database.db.transaction(async (tx) => {
    const [row] = await tx
      .update(planNodes)
      .set({
        status,
        closedAt: status === "closed" ? now : null,
        version: sql`${planNodes.version} + 1`,
        updatedAt: now,
      })
      .where(
        and(
          eq(planNodes.tenantId, ctx.actor.tenantId),
          eq(planNodes.id, nodeId),
          eq(planNodes.version, input.version),
        ),
      )
      .returning();
    if (!row) throw staleVersion();
    await tx
      .update(nodeClosures)
      .set({
        status: input.decision === "confirm" ? "confirmed" : "returned",
        decidedBy: ctx.actor.userId,
        decidedAt: now,
        decisionReason: input.reason ?? null,
      })
      .where(
        and(
          eq(nodeClosures.tenantId, ctx.actor.tenantId),
          eq(nodeClosures.nodeId, nodeId),
          eq(nodeClosures.status, "requested"),
        ),
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
    await audit(ctx, tx, {
      action: input.decision === "confirm" ? "plan_node.close" : "plan_node.close_return",
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
  const rows = await ctx.database.db
    .select({ closure: nodeClosures, requester: users.name })
    .from(nodeClosures)
    .leftJoin(users, eq(users.id, nodeClosures.requestedBy))
    .where(and(eq(nodeClosures.tenantId, ctx.actor.tenantId), eq(nodeClosures.nodeId, nodeId)))
    .orderBy(desc(nodeClosures.createdAt));
  const page = pageFrom(rows, query, {});
  const fileIds = [...new Set(page.items.flatMap((r) => r.closure.fileIds))];
  const files = new Map(
    (await findTenantFiles(ctx.database.db, ctx.actor.tenantId, fileIds)).map((f) => [f.id, toFileRef(f)]),
  );
  const items = page.items.map(({ closure: c, requester }) => ({
    id: c.id,
    status: c.status as Closure["status"],
    summary: c.summary,
    files: c.fileIds.map((id) => files.get(id)).filter((f) => f !== undefined),
    requestedBy: requester,
    requestedAt: c.createdAt.toISOString(),
    decidedAt: c.decidedAt?.toISOString() ?? null,
    decisionReason: c.decisionReason,
  }));
  return { ...page, items };
}
