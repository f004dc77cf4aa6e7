import {
  assignmentDueDay,
  assignmentPermissions,
  assignmentTransitions,
  canSeeExtension,
  type Extension,
  type ExtensionCreateInput,
  type ExtensionListQuery,
  type ExtensionPage,
  extensionAbilities,
  notificationLinks,
  seesAllExtensions,
  shanghaiDate,
} from "@duban/domain";
import { AppError, invalid, notFound } from "../../errors.js";
import { authorize, transition } from "../../http/authorize.js";
import type { ServiceContext } from "../../http/context.js";
import { getAssignment } from "../assignments/index.js";
import { audit } from "../audit/index.js";
import { notify } from "../notifications/index.js";
import * as repo from "./extensions.repository.js";

/** Builds the API shape of a request. */
export function toExtension(ctx: ServiceContext, d: repo.ExtensionDetail): Extension {
  const e = d.request;
  return {
    id: e.id,
    nodeId: e.nodeId,
    nodeTitle: d.node.title,
    assignmentId: e.assignmentId,
    unit: { id: e.unitId, name: d.unitName },
    oldDue: e.oldDue,
    requestedDue: e.requestedDue,
    reason: e.reason,
    progress: e.progress,
    status: e.status,
    refusalReason: e.refusalReason,
    version: e.version,
    createdAt: e.createdAt.toISOString(),
    abilities: extensionAbilities(ctx.actor, e, d),
  };
}

/** One request the actor may see, or 404. */
export async function getExtensionDetail(ctx: ServiceContext, id: string): Promise<repo.ExtensionDetail> {
  const d = await repo.findExtension(ctx.database.db, ctx.actor.tenantId, id);
  if (!d || !canSeeExtension(ctx.actor, d.request)) throw notFound("延期申请");
  return d;
}

/** Requests matching the filters; a school sees only its own unit's. */
export async function findExtensionsPage(
  ctx: ServiceContext,
  query: ExtensionListQuery,
): Promise<ExtensionPage> {
  const own = ctx.actor.unitId;
  // Requests are made from an assignment, so the list as a whole offers nothing more.
  const empty = { items: [], total: 0, page: query.page, pageSize: query.pageSize, abilities: {} };
  let unitId = query.unitId;
  if (!seesAllExtensions(ctx.actor)) {
    if (!own || (unitId && unitId !== own)) return empty;
    unitId = own;
  }
  const found = await repo.findExtensions(ctx.database.db, ctx.actor.tenantId, { ...query, unitId });
  return { ...empty, items: found.items.map((d) => toExtension(ctx, d)), total: found.total };
}

/** The message a request made on or after the due date gets. */
export const TOO_LATE = "已过截止日期，不能再申请延期";

/**
 * A unit asks for a later due date on its assignment, with a reason and its progress. Only before the current
 * due date, one pending request at a time.
 */
export async function createExtension(ctx: ServiceContext, input: ExtensionCreateInput): Promise<Extension> {
  const d = await getAssignment(ctx, input.assignmentId);
  const a = d.assignment;
  authorize(assignmentPermissions(ctx.actor, a, d), "requestExtension", "只有承办单位可以申请延期");
  transition(assignmentTransitions, a.status, "requestExtension", "该交办已撤销");
  const oldDue = assignmentDueDay(a.dueDate, d.node.dueDate, d.plan.year);
  if (shanghaiDate(ctx.clock.now()) >= oldDue) throw new AppError("conflict", TOO_LATE);
  if (input.requestedDue <= oldDue)
    throw invalid([{ path: "requestedDue", message: `新的完成时限应晚于当前时限 ${oldDue}` }]);
  const { db } = ctx.database;
  if (await repo.hasPendingExtension(db, ctx.actor.tenantId, a.id))
    throw new AppError("conflict", "已有一份延期申请正在审批，请等待结果");
  const id = await db.transaction(async (tx) => {
    const row = await repo.insertExtension(tx, {
      tenantId: ctx.actor.tenantId,
      nodeId: a.nodeId,
      assignmentId: a.id,
      unitId: a.unitId,
      oldDue,
      requestedDue: input.requestedDue,
      reason: input.reason,
      progress: input.progress,
      requestedBy: ctx.actor.userId,
    });
    // The task's lead department decides first.
    await notify(tx, {
      tenantId: ctx.actor.tenantId,
      kind: "extension.submitted",
      recipients: d.node.leadUnitId ? { unitId: d.node.leadUnitId, roles: ["department"] } : { userIds: [] },
      title: `延期申请待审批：${d.unitName}申请将「${d.node.title}」延至 ${input.requestedDue}`,
      body: input.reason,
      link: notificationLinks.extension(row.id),
      entity: "extension_request",
      entityId: row.id,
      dedupeKey: `extension.submitted:${row.id}:pending_lead`,
      now: ctx.clock.now(),
    });
    await audit(ctx, tx, {
      action: "extension.create",
      entity: "extension_request",
      entityId: row.id,
      summary: { unit: d.unitName, oldDue, requestedDue: input.requestedDue },
    });
    return row.id;
  });
  return toExtension(ctx, (await getExtensionDetail(ctx, id))!);
}

/** Requests waiting for the actor's decision: at the lead step for tasks its unit leads, then the office's. */
export async function findExtensionsToDecide(ctx: ServiceContext): Promise<Extension[]> {
  const { db } = ctx.database;
  const tenantId = ctx.actor.tenantId;
  // The office's step does not depend on the task, so the policy asked without one says whether to look.
  const office = extensionAbilities(
    ctx.actor,
    { status: "pending_supervisor" },
    { node: { leadUnitId: null } },
  );
  const leadUnitId = ctx.actor.unitId ?? null;
  if (!leadUnitId && !office.decide) return [];
  const rows = await repo.findPendingExtensions(db, { tenantId, leadUnitId, office: office.decide });
  // The policy decides who may act at each step; the query only narrows what it is asked about.
  return rows.map((d) => toExtension(ctx, d)).filter((x) => x.abilities.decide);
}
