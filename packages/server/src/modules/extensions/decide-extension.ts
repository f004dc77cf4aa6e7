import {
  assignmentTransitions,
  type Extension,
  type ExtensionDecisionInput,
  extensionAbilities,
  extensionTransitions,
  nextStatus,
  notificationLinks,
} from "@duban/domain";
import type { DbOrTx } from "../../db/client.js";
import { AppError, staleVersion } from "../../errors.js";
import { authorize, transition } from "../../http/authorize.js";
import type { ServiceContext } from "../../http/context.js";
import { findAssignmentDetail, updateAssignment } from "../assignments/index.js";
import { audit } from "../audit/index.js";
import { insertPlanChange } from "../decompose/index.js";
import { notify, notifyUnit } from "../notifications/index.js";
import * as repo from "./extensions.repository.js";
import { getExtensionDetail, toExtension } from "./extensions.service.js";

/**
 * The lead department, then the supervision office, approve or refuse a request. The final approval moves the
 * assignment's due date; the old one stays on the request and in the plan's change history.
 */
export async function decideExtension(
  ctx: ServiceContext,
  id: string,
  input: ExtensionDecisionInput,
): Promise<Extension> {
  const d = await getExtensionDetail(ctx, id);
  const e = d.request;
  // A decided request is refused as such (409) before asking who decides at which step.
  const status = transition(extensionTransitions, e.status, input.decision, "该延期申请已审批完毕");
  authorize(
    extensionAbilities(ctx.actor, e, d),
    "decide",
    e.status === "pending_lead" ? "请等待牵头科室先审核" : "只有督查室可以终审延期申请",
  );
  if (e.version !== input.version) throw staleVersion();
  const approve = input.decision === "approve";
  const lead = e.status === "pending_lead";
  const now = ctx.clock.now();
  await ctx.database.db.transaction(async (tx) => {
    const updated = await repo.updateExtension(
      tx,
      { tenantId: ctx.actor.tenantId, id, version: input.version },
      {
        status,
        ...(lead
          ? { leadDecidedBy: ctx.actor.userId, leadDecidedAt: now }
          : { supervisorDecidedBy: ctx.actor.userId, supervisorDecidedAt: now }),
        refusalReason: approve ? null : (input.reason ?? null),
      },
    );
    if (!updated) throw staleVersion();
    if (status === "approved") await moveDueDate(ctx, tx, d);
    const step = status === "pending_supervisor";
    await notifyUnit(tx, {
      tenantId: ctx.actor.tenantId,
      unitId: e.unitId,
      kind: "extension",
      title: step
        ? `延期申请已经牵头科室同意，待督查室终审：${d.node.title}`
        : `延期申请${approve ? "已批准" : "未获批准"}：${d.node.title}`,
      body: step ? "" : approve ? `完成时限调整为 ${e.requestedDue}` : (input.reason ?? ""),
      link: notificationLinks.extension(id),
      entity: "extension_request",
      entityId: id,
      dedupeKey: `extension:${id}:${status}`,
      now,
    });
    if (step)
      await notify(tx, {
        tenantId: ctx.actor.tenantId,
        kind: "extension.submitted",
        recipients: { roles: ["supervisor"] },
        title: `延期申请待终审：${d.unitName}申请将「${d.node.title}」延至 ${e.requestedDue}`,
        body: e.reason,
        link: notificationLinks.extension(id),
        entity: "extension_request",
        entityId: id,
        dedupeKey: `extension.submitted:${id}:pending_supervisor`,
        now,
      });
    await audit(ctx, tx, {
      action: `extension.${status === "pending_supervisor" ? "lead_approve" : status === "approved" ? "approve" : "refuse"}`,
      entity: "extension_request",
      entityId: id,
      summary: { unit: d.unitName, requestedDue: e.requestedDue, reason: input.reason ?? null },
    });
  });
  return toExtension(ctx, await getExtensionDetail(ctx, id));
}

/** Gives the assignment its new due date and records the change with the old one. */
async function moveDueDate(ctx: ServiceContext, tx: DbOrTx, d: repo.ExtensionDetail) {
  const e = d.request;
  const found = e.assignmentId ? await findAssignmentDetail(tx, ctx.actor.tenantId, e.assignmentId) : null;
  if (!found || nextStatus(assignmentTransitions, found.assignment.status, "extend") === null)
    throw new AppError("conflict", "该交办已撤销，不能延期");
  const a = found.assignment;
  const moved = await updateAssignment(
    tx,
    { tenantId: ctx.actor.tenantId, id: a.id, version: a.version },
    { dueDate: e.requestedDue },
  );
  if (!moved) throw new AppError("stale_version", "交办事项刚被修改，请刷新后重试");
  await insertPlanChange(tx, {
    tenantId: ctx.actor.tenantId,
    planId: a.planId,
    entity: "assignment",
    entityId: a.id,
    action: "extend",
    before: { dueDate: e.oldDue },
    after: { dueDate: e.requestedDue },
    reason: e.reason,
    actorId: ctx.actor.userId,
  });
}
