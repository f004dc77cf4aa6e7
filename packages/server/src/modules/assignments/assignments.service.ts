import {
  type Assignment,
  type AssignmentPage,
  type AssignmentQuery,
  type AuditAction,
  assignmentAbilities,
  assignmentDueDay,
  assignmentPermissions,
  assignmentTransitions,
  canSeeAssignment,
  type Light,
  notificationLinks,
  pageFrom,
  seesEveryAssignment,
  shanghaiDate,
  taskAbilities,
} from "@duban/domain";
import { inArray } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { assignments } from "../../db/schema.js";
import { AppError, notFound, staleVersion } from "../../errors.js";
import { authorize, transition } from "../../http/authorize.js";
import type { ServiceContext } from "../../http/context.js";
import { audit } from "../audit/index.js";
import { notify } from "../notifications/index.js";
import { findNodeWithPlan, lightToday } from "../plans/index.js";
import { findNodeAssignmentPage } from "./assignment-page.repository.js";
import * as repo from "./assignments.repository.js";

/** An assignment's light on `now`'s day: its task's window, to its own due date if it has one. */
function assignmentLight(
  a: { progress: number; dueDate: string | null },
  at: {
    node: { startDate: string | null; dueDate: string | null; status: string };
    plan: { year: number; lightTolerance: number };
    now: Date;
  },
): Light {
  return lightToday(
    {
      startDate: at.node.startDate,
      dueDate: a.dueDate ?? at.node.dueDate,
      progress: a.progress,
      done: a.progress >= 100 || at.node.status === "closed",
    },
    at.plan,
    at.now,
  );
}

/** Builds the API shape of an assignment, with its light today. */
export function toAssignment(ctx: ServiceContext, d: repo.AssignmentDetail): Assignment {
  const a = d.assignment;
  const now = ctx.clock.now();
  const light = assignmentLight(a, { node: d.node, plan: d.plan, now });
  return {
    id: a.id,
    planId: a.planId,
    node: { id: d.node.id, title: d.node.title, label: d.node.label, number: d.node.number },
    measure: a.measureId ? { id: a.measureId, text: d.measureText ?? "" } : null,
    unit: { id: a.unitId, name: d.unitName },
    role: a.role,
    responsiblePerson: a.responsiblePerson,
    dueDate: a.dueDate ?? d.node.dueDate,
    status: a.status,
    acknowledgedAt: a.acknowledgedAt?.toISOString() ?? null,
    progress: a.progress,
    light,
    indicatorIds: d.indicatorIds,
    removedReason: a.removedReason,
    version: a.version,
    createdAt: a.createdAt.toISOString(),
    abilities: assignmentAbilities(
      ctx.actor,
      { unitId: a.unitId, status: a.status, acknowledged: a.acknowledgedAt !== null },
      {
        node: d.node,
        dueDay: assignmentDueDay(a.dueDate, d.node.dueDate, d.plan.year),
        today: shanghaiDate(now),
      },
    ),
  };
}

/** A node of the actor's tenant, or 404. */
export async function getNode(ctx: ServiceContext, nodeId: string) {
  const found = await findNodeWithPlan(ctx.database.db, ctx.actor.tenantId, nodeId);
  if (!found) throw notFound("任务");
  return found;
}

/**
 * A page of a node's assignments, removed ones included (history), as the actor may see them, filtered by unit,
 * light (active ones: a withdrawn assignment shows no light), status and keyword; whoever may 交办 the task may add
 * more. The filters and the count run over short rows of the whole task; only the page's assignments are read in
 * full, so a task of 300 schools answers 20 rows' worth of work.
 */
export async function findNodeAssignments(
  ctx: ServiceContext,
  nodeId: string,
  query: AssignmentQuery,
): Promise<AssignmentPage> {
  const { actor } = ctx;
  // A school sees its own unit's assignments only: that is a filter too.
  const unitId = seesEveryAssignment(actor) ? query.unitId : (actor.unitId ?? undefined);
  const none =
    (!unitId && !seesEveryAssignment(actor)) || (unitId && query.unitId && unitId !== query.unitId);
  const filters = { nodeId, unitId, q: query.q };
  const start = (query.page - 1) * query.pageSize;
  if (query.light || none) return findLitAssignments(ctx, query, { ...filters, none: Boolean(none), start });
  // One prepared statement: the task and its plan, the count, the page and its details.
  const found = await findNodeAssignmentPage(ctx.database.db, actor.tenantId, {
    ...filters,
    status: query.status,
    page: { limit: query.pageSize, offset: start },
  });
  if (!found) throw notFound("任务");
  const { node, plan } = found;
  return {
    ...pageFrom([], query, { create: taskAbilities(actor, node).assign }),
    items: found.rows.map((r) => toAssignment(ctx, { ...r, node, plan })),
    total: found.total,
  };
}

/**
 * The list filtered by light, or a page the actor's unit rules out: a light is computed, not stored, so it is
 * filtered over the short rows of the task's active assignments and only the page's are read in full.
 */
async function findLitAssignments(
  ctx: ServiceContext,
  query: AssignmentQuery,
  f: { nodeId: string; unitId: string | undefined; q: string | undefined; none: boolean; start: number },
): Promise<AssignmentPage> {
  const { node, plan } = await getNode(ctx, f.nodeId);
  const { db } = ctx.database;
  const abilities = { create: taskAbilities(ctx.actor, node).assign };
  if (f.none) return pageFrom([], query, abilities);
  const now = ctx.clock.now();
  const keys = await repo.findNodeAssignmentKeys(db, ctx.actor.tenantId, {
    nodeId: f.nodeId,
    unitId: f.unitId,
    q: f.q,
    status: "active",
  });
  const lit = keys.filter(
    (k) =>
      assignmentLight(k, { node, plan, now }) === query.light && (!query.status || query.status === k.status),
  );
  const ids = lit.slice(f.start, f.start + query.pageSize).map((k) => k.id);
  const rows = ids.length
    ? await repo.findAssignmentDetails(db, ctx.actor.tenantId, inArray(assignments.id, ids))
    : [];
  return {
    ...pageFrom([], query, abilities),
    items: rows.map((r) => toAssignment(ctx, r)),
    total: lit.length,
  };
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
  authorize(assignmentPermissions(ctx.actor, d.assignment, d), "acknowledge", "只有承办单位可以签收");
  transition(assignmentTransitions, d.assignment.status, "acknowledge", "该交办已撤销");
  if (d.assignment.acknowledgedAt) throw new AppError("conflict", "已经签收过了");
  return saveAssignment(
    ctx,
    d,
    version,
    { acknowledgedAt: ctx.clock.now(), acknowledgedBy: ctx.actor.userId },
    "assignment.acknowledge",
    (tx) =>
      notify(tx, {
        tenantId: ctx.actor.tenantId,
        kind: "assignment.acknowledged",
        recipients: { userIds: d.assignment.createdBy ? [d.assignment.createdBy] : [] },
        title: `${d.unitName}已签收：${d.node.title}`,
        link: notificationLinks.assignment(d.assignment.id),
        entity: "assignment",
        entityId: d.assignment.id,
        dedupeKey: `assignment.acknowledged:${d.assignment.id}`,
        now: ctx.clock.now(),
      }),
  );
}

/** Withdraws an assignment from a unit; it stays in the history with the reason. */
export async function removeAssignment(
  ctx: ServiceContext,
  id: string,
  input: { reason: string; version: number },
): Promise<Assignment> {
  const d = await getAssignment(ctx, id);
  authorize(assignmentPermissions(ctx.actor, d.assignment, d), "remove", "只有牵头科室或督查室可以撤销交办");
  const status = transition(assignmentTransitions, d.assignment.status, "remove", "该交办已撤销");
  return saveAssignment(
    ctx,
    d,
    input.version,
    { status, removedAt: ctx.clock.now(), removedReason: input.reason },
    "assignment.remove",
    // The task's progress without it.
    (tx) => repo.rollupNodeProgress(tx, ctx.actor.tenantId, d.assignment.nodeId),
  );
}

/** Writes a versioned change to an assignment with its audit entry. */
async function saveAssignment(
  ctx: ServiceContext,
  d: repo.AssignmentDetail,
  version: number,
  values: Parameters<typeof repo.updateAssignment>[2],
  action: AuditAction,
  /** More of the same step, in its transaction (the notification it sends). */
  also?: (tx: DbOrTx) => Promise<unknown>,
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
    await also?.(tx);
  });
  return toAssignment(
    ctx,
    (await repo.findAssignmentDetail(ctx.database.db, ctx.actor.tenantId, d.assignment.id))!,
  );
}
