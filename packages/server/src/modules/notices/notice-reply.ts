import {
  type Notice,
  type NoticeDecisionInput,
  type NoticeReplyInput,
  nextNoticeStatus,
  noticePermissions,
} from "@duban/domain";
import { AppError, staleVersion } from "../../errors.js";
import { authorize } from "../../http/authorize.js";
import type { ServiceContext } from "../../http/context.js";
import { audit } from "../audit/index.js";
import { findAttachableFiles } from "../evidence/index.js";
import { notify, notifyUnit } from "../notifications/index.js";
import * as repo from "./notices.repository.js";
import { getNotice, getNoticeDetail } from "./notices.service.js";

/** The unit answers a notice with its 办理情况, measures and evidence; a returned notice may be answered again. */
export async function replyNotice(ctx: ServiceContext, id: string, input: NoticeReplyInput): Promise<Notice> {
  const d = await getNoticeDetail(ctx, id);
  const n = d.notice;
  authorize(noticePermissions(ctx.actor, n), "reply");
  const next = nextNoticeStatus(n.status, "reply");
  if (!next)
    throw new AppError("conflict", n.status === "replied" ? "已回复，正在等待督查室审核" : "该督办单已办结");
  await findAttachableFiles(ctx.database.db, ctx.actor, input.fileIds);
  await ctx.database.db.transaction(async (tx) => {
    const updated = await repo.updateNotice(
      tx,
      { tenantId: ctx.actor.tenantId, id, version: n.version },
      { status: next },
    );
    if (!updated) throw staleVersion();
    await repo.insertNoticeEvent(tx, {
      tenantId: ctx.actor.tenantId,
      noticeId: id,
      action: "reply",
      text: input.text,
      measures: input.measures,
      fileIds: input.fileIds,
      actorId: ctx.actor.userId,
      actorName: ctx.actor.name,
      createdAt: ctx.clock.now(),
    });
    // A manual notice's issuer hears of the answer; an automatic one's, the supervision office.
    await notify(tx, {
      tenantId: ctx.actor.tenantId,
      kind: "notice.replied",
      recipients: n.raisedBy ? { userIds: [n.raisedBy] } : { roles: ["supervisor"] },
      title: `督办单已回复，请审核：${d.node.title}`,
      body: `${d.unitName}：${input.text}`,
      link: `/notices/${id}`,
      entity: "supervision_notice",
      entityId: id,
      dedupeKey: `notice.replied:${id}:v${n.version}`,
      now: ctx.clock.now(),
    });
    await audit(ctx, tx, {
      action: "notice.reply",
      entity: "supervision_notice",
      entityId: id,
      summary: { unit: d.unitName, files: input.fileIds.length },
    });
  });
  return getNotice(ctx, id);
}

/** The supervision office accepts a reply（办结）or sends it back with a reason. */
export async function decideNotice(
  ctx: ServiceContext,
  id: string,
  input: NoticeDecisionInput,
): Promise<Notice> {
  const d = await getNoticeDetail(ctx, id);
  const n = d.notice;
  authorize(noticePermissions(ctx.actor, n), "decide");
  const accept = input.decision === "accept";
  const next = nextNoticeStatus(n.status, accept ? "accept" : "return");
  if (!next) throw new AppError("conflict", "该督办单不在待审核状态");
  if (n.version !== input.version) throw staleVersion();
  await ctx.database.db.transaction(async (tx) => {
    const updated = await repo.updateNotice(
      tx,
      { tenantId: ctx.actor.tenantId, id, version: input.version },
      accept ? { status: next, closedAt: ctx.clock.now() } : { status: next },
    );
    if (!updated) throw staleVersion();
    await repo.insertNoticeEvent(tx, {
      tenantId: ctx.actor.tenantId,
      noticeId: id,
      action: accept ? "accept" : "return",
      text: input.reason ?? null,
      actorId: ctx.actor.userId,
      actorName: ctx.actor.name,
      createdAt: ctx.clock.now(),
    });
    await notifyUnit(tx, {
      tenantId: ctx.actor.tenantId,
      unitId: n.unitId,
      kind: accept ? "notice.accepted" : "notice_returned",
      title: accept ? `督办单已办结：${d.node.title}` : `督办单回复被退回：${d.node.title}`,
      body: accept ? "督查室已审核通过您的办理情况" : (input.reason ?? ""),
      link: `/notices/${id}`,
      entity: "supervision_notice",
      entityId: id,
      dedupeKey: `notice.decided:${id}:v${input.version}`,
      now: ctx.clock.now(),
    });
    await audit(ctx, tx, {
      action: accept ? "notice.accept" : "notice.return",
      entity: "supervision_notice",
      entityId: id,
      summary: { unit: d.unitName, reason: input.reason ?? null },
    });
  });
  return getNotice(ctx, id);
}
