import {
  type CascadeNotice,
  type CascadeNoticeDecisionInput,
  type CascadeNoticeReplyInput,
  cascadeNoticePermissions,
  cascadeNoticeStatusLabels,
  nextCascadeNoticeStatus,
  notificationLinks,
} from "@duban/domain";
import { AppError, staleVersion } from "../../errors.js";
import { authorize } from "../../http/authorize.js";
import type { ServiceContext } from "../../http/context.js";
import { audit } from "../audit/index.js";
import { notify } from "../notifications/index.js";
import * as notices from "./cascade-notices.repository.js";
import {
  getIssuedNotice,
  getIssuedRow,
  getReceivedNotice,
  getReceivedNoticeRow,
} from "./cascade-notices.service.js";

/**
 * The subordinate's 督查室 answers a notice addressed to its bureau with its 办理情况 and measures, as a unit
 * answers a 督办单; a returned answer may be given again. The issuer (else the superior's 督查室) hears of it.
 */
export async function replyCascadeNotice(
  ctx: ServiceContext,
  id: string,
  input: CascadeNoticeReplyInput,
): Promise<CascadeNotice> {
  const row = await getReceivedNoticeRow(ctx, id);
  const n = row.notice;
  authorize(cascadeNoticePermissions(ctx.actor, "received"), "reply", "只有督查室可以回复上级督办单");
  const next = nextCascadeNoticeStatus(n.status, "reply");
  if (!next) throw new AppError("conflict", `该督办单${cascadeNoticeStatusLabels[n.status]}，不能再回复`);
  if (n.version !== input.version) throw staleVersion();
  const now = ctx.clock.now();
  await ctx.database.db.transaction(async (tx) => {
    // The row is the superior's: it is moved under its own tenant, after the read above found it through the link.
    const moved = await notices.updateNotice(
      tx,
      { tenantId: n.tenantId, id, version: input.version },
      { status: next },
      now,
    );
    if (!moved) throw staleVersion();
    await notices.insertEvent(tx, {
      tenantId: ctx.actor.tenantId,
      noticeId: id,
      action: "reply",
      text: input.text,
      measures: input.measures,
      actorId: ctx.actor.userId,
      actorName: ctx.actor.name,
      createdAt: now,
    });
    await notify(tx, {
      tenantId: n.tenantId,
      kind: "cascade_notice.replied",
      recipients: n.issuedBy ? { userIds: [n.issuedBy] } : { roles: ["supervisor"] },
      title: `${row.to.name}已回复督办单，请审核：${row.item.title}`,
      body: input.text,
      link: notificationLinks.issuedCascadeNotice(n.handDownId),
      entity: "cascade_notice",
      entityId: id,
      dedupeKey: `cascade_notice.replied:${id}:v${input.version}`,
      now,
    });
    await audit(ctx, tx, {
      action: "cascade_notice.reply",
      entity: "cascade_notice",
      entityId: id,
      summary: { from: row.from.name, number: n.documentNumber },
    });
  });
  return getReceivedNotice(ctx, id);
}

/** The superior's 督查室 accepts the subordinate's answer（办结）or returns it with a reason. */
export async function decideCascadeNotice(
  ctx: ServiceContext,
  id: string,
  input: CascadeNoticeDecisionInput,
): Promise<CascadeNotice> {
  const row = await getIssuedRow(ctx, id);
  const n = row.notice;
  authorize(cascadeNoticePermissions(ctx.actor, "issued"), "decide", "只有督查室可以审核下级的督办回复");
  const accept = input.decision === "accept";
  const next = nextCascadeNoticeStatus(n.status, accept ? "accept" : "return");
  if (!next) throw new AppError("conflict", "该督办单不在待审核状态");
  if (n.version !== input.version) throw staleVersion();
  const now = ctx.clock.now();
  await ctx.database.db.transaction(async (tx) => {
    const moved = await notices.updateNotice(
      tx,
      { tenantId: ctx.actor.tenantId, id, version: input.version },
      { status: next },
      now,
    );
    if (!moved) throw staleVersion();
    await notices.insertEvent(tx, {
      tenantId: ctx.actor.tenantId,
      noticeId: id,
      action: accept ? "accept" : "return",
      text: input.reason ?? null,
      actorId: ctx.actor.userId,
      actorName: ctx.actor.name,
      createdAt: now,
    });
    await notify(tx, {
      tenantId: n.toTenantId,
      kind: "cascade_notice.decided",
      recipients: { roles: ["supervisor"] },
      title: accept ? `上级督办单已办结：${row.item.title}` : `上级督办单回复被退回：${row.item.title}`,
      body: accept ? `${row.from.name}已审核通过贵局的办理情况` : (input.reason ?? ""),
      link: notificationLinks.receivedCascadeNotice(id),
      entity: "cascade_notice",
      entityId: id,
      dedupeKey: `cascade_notice.decided:${id}:v${input.version}`,
      now,
    });
    await audit(ctx, tx, {
      action: accept ? "cascade_notice.accept" : "cascade_notice.return",
      entity: "cascade_notice",
      entityId: id,
      summary: { to: row.to.name, number: n.documentNumber, reason: input.reason ?? null },
    });
  });
  return getIssuedNotice(ctx, id);
}
