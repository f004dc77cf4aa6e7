import {
  type CascadeNotice,
  type CascadeNoticeCreateInput,
  cascadeNoticeListAbilities,
  noticeLevelLabels,
  notificationLinks,
  shanghaiDate,
} from "@duban/domain";
import { AppError, invalid, uniqueViolation } from "../../errors.js";
import { authorize } from "../../http/authorize.js";
import type { ServiceContext } from "../../http/context.js";
import { audit } from "../audit/index.js";
import { nextDocumentNumber } from "../doc-numbers/index.js";
import { notify } from "../notifications/index.js";
import * as notices from "./cascade-notices.repository.js";
import { getIssuedNotice, getOwnHandDown } from "./cascade-notices.service.js";

/** The subordinate's link to the hand-down: it must hold it (pending or linked), not have returned it. */
async function heldLink(ctx: ServiceContext, handDownId: string, toTenantId: string) {
  const link = await notices.findHeldLink(ctx.database.db, {
    toTenantId,
    fromTenantId: ctx.actor.tenantId,
    handDownId,
  });
  if (!link) throw invalid([{ path: "tenantId", message: "该下级教育局没有收到这项下达任务" }]);
  if (link.status === "returned")
    throw invalid([{ path: "tenantId", message: "该下级教育局已退回这项任务，不能对其督办" }]);
  return link;
}

/**
 * 上级督办: the superior's 督查室 issues a 督办单 to one subordinate bureau about an item it handed down to it. The
 * notice takes the next 文号 of the superior's notice series, and the subordinate's 督查室 hears of it.
 */
export async function issueCascadeNotice(
  ctx: ServiceContext,
  handDownId: string,
  input: CascadeNoticeCreateInput,
): Promise<CascadeNotice> {
  authorize(cascadeNoticeListAbilities(ctx.actor), "issue", "只有督查室可以向下级教育局下发督办单");
  const read = await getOwnHandDown(ctx, handDownId);
  const today = shanghaiDate(ctx.clock.now());
  if (input.replyDue < today) throw invalid([{ path: "replyDue", message: "回复期限不能早于今天" }]);
  const link = await heldLink(ctx, handDownId, input.tenantId);
  const tenantId = ctx.actor.tenantId;
  const key = { tenantId, handDownId, toTenantId: input.tenantId };
  const live = "该下级教育局在这项任务上已有一份未办结的督办单，请在其办结后再下发";
  if (await notices.findLiveNotice(ctx.database.db, key)) throw new AppError("conflict", live);
  const now = ctx.clock.now();
  const write = ctx.database.db.transaction(async (tx) => {
    const noticeId = await notices.insertNotice(tx, {
      tenantId,
      handDownId,
      toTenantId: input.tenantId,
      linkId: link.id,
      level: input.level,
      reason: input.reason,
      replyDue: input.replyDue,
      issuedBy: ctx.actor.userId,
      createdAt: now,
    });
    // Numbered after the insert, so a notice refused by the one-live-notice key takes no number.
    const year = Number(today.slice(0, 4));
    const { text } = await nextDocumentNumber(tx, { tenantId, series: "notice", year });
    await notices.setNoticeNumber(tx, { tenantId, id: noticeId }, text);
    await notices.insertEvent(tx, {
      tenantId,
      noticeId,
      action: "issue",
      text: input.reason,
      actorId: ctx.actor.userId,
      actorName: ctx.actor.name,
      createdAt: now,
    });
    await notify(tx, {
      tenantId: input.tenantId,
      kind: "cascade_notice.issued",
      recipients: { roles: ["supervisor"] },
      title: `上级${noticeLevelLabels[input.level]}：${read.handDown.title}`,
      body: input.reason,
      link: notificationLinks.receivedCascadeNotice(noticeId),
      entity: "cascade_notice",
      entityId: noticeId,
      dedupeKey: `cascade_notice.issued:${noticeId}`,
      now,
    });
    await audit(ctx, tx, {
      action: "cascade_notice.create",
      entity: "cascade_notice",
      entityId: noticeId,
      summary: { node: read.handDown.title, to: link.bureau, level: input.level, number: text },
    });
    return noticeId;
  });
  // Another request issued one between the check and the insert: the one-live-notice key refused this one.
  const id = await write.catch((err: unknown) => {
    throw uniqueViolation(err) ? new AppError("conflict", live) : err;
  });
  return getIssuedNotice(ctx, id);
}
