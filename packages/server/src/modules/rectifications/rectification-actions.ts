import {
  nextRectificationStatus,
  notificationLinks,
  type Rectification,
  type RectificationSubmitInput,
  type RectificationVerifyInput,
  rectificationPermissions,
} from "@duban/domain";
import { AppError, staleVersion } from "../../errors.js";
import { authorize } from "../../http/authorize.js";
import type { ServiceContext } from "../../http/context.js";
import { audit } from "../audit/index.js";
import { findAttachableFiles } from "../evidence/index.js";
import { notify, notifyUnit } from "../notifications/index.js";
import * as repo from "./rectifications.repository.js";
import { getRectification, getRectificationRow } from "./rectifications.service.js";

/** The responsible unit reports the measures taken with evidence: open or returned → submitted. */
export async function submitRectification(
  ctx: ServiceContext,
  id: string,
  input: RectificationSubmitInput,
): Promise<Rectification> {
  const { item } = await getRectificationRow(ctx, id);
  authorize(rectificationPermissions(ctx.actor, item), "submit");
  const next = nextRectificationStatus(item.status, "submit");
  if (!next)
    throw new AppError(
      "conflict",
      item.status === "accepted" ? "该整改事项已销号，无需再提交" : "整改情况已提交，正在等待验收",
    );
  if (item.version !== input.version) throw staleVersion();
  await ctx.database.db.transaction(async (tx) => {
    await findAttachableFiles(tx, ctx.actor, input.fileIds);
    const updated = await repo.updateRectification(
      tx,
      { tenantId: ctx.actor.tenantId, id, version: input.version },
      {
        status: next,
        measures: input.measures,
        fileIds: [...new Set(input.fileIds)],
        submittedAt: ctx.clock.now(),
      },
    );
    if (!updated) throw staleVersion();
    // Whoever raised the item checks it.
    await notify(tx, {
      tenantId: ctx.actor.tenantId,
      kind: "rectification.submitted",
      recipients: { userIds: item.createdBy ? [item.createdBy] : [] },
      title: `整改情况已提交，请验收：${item.problem}`,
      body: input.measures,
      link: notificationLinks.rectification(id),
      entity: "rectification",
      entityId: id,
      dedupeKey: `rectification.submitted:${id}:v${input.version}`,
      now: ctx.clock.now(),
    });
    await audit(ctx, tx, {
      action: "rectification.submit",
      entity: "rectification",
      entityId: id,
      summary: { files: input.fileIds.length, resubmitted: item.status === "returned" },
    });
  });
  return getRectification(ctx, id);
}

/**
 * The creator's side checks the measures: accept closes the item out（销号）with the verifier and time
 * recorded; return sends it back to the unit with the reason, and the unit is told.
 */
export async function verifyRectification(
  ctx: ServiceContext,
  id: string,
  input: RectificationVerifyInput,
): Promise<Rectification> {
  const { item } = await getRectificationRow(ctx, id);
  authorize(rectificationPermissions(ctx.actor, item), "verify");
  const accept = input.decision === "accept";
  const next = nextRectificationStatus(item.status, accept ? "accept" : "return");
  if (!next)
    throw new AppError(
      "conflict",
      item.status === "accepted" ? "该整改事项已销号" : "责任单位尚未提交整改情况，暂不能验收",
    );
  if (item.version !== input.version) throw staleVersion();
  await ctx.database.db.transaction(async (tx) => {
    const updated = await repo.updateRectification(
      tx,
      { tenantId: ctx.actor.tenantId, id, version: input.version },
      {
        status: next,
        verifierId: ctx.actor.userId,
        verifiedAt: ctx.clock.now(),
        returnReason: accept ? null : (input.reason ?? null),
      },
    );
    if (!updated) throw staleVersion();
    await notifyUnit(tx, {
      tenantId: ctx.actor.tenantId,
      unitId: item.unitId,
      kind: accept ? "rectification.accepted" : "rectification.returned",
      title: accept ? `整改事项已验收销号：${item.problem}` : "整改情况被退回，请按要求继续整改后重新提交",
      body: accept ? "" : (input.reason ?? ""),
      link: notificationLinks.rectification(id),
      entity: "rectification",
      entityId: id,
      dedupeKey: `rectification.verified:${id}:v${input.version}`,
      now: ctx.clock.now(),
    });
    await audit(ctx, tx, {
      action: accept ? "rectification.accept" : "rectification.return",
      entity: "rectification",
      entityId: id,
      summary: { reason: input.reason ?? null },
    });
  });
  return getRectification(ctx, id);
}
