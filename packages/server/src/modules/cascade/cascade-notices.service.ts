import {
  type CascadeNotice,
  type CascadeNoticeSide,
  cascadeNoticeAbilities,
  cascadeNoticeListAbilities,
  type IssuedCascadeNoticePage,
  type PageQuery,
  type ReceivedCascadeNoticePage,
  type ReceivedCascadeNoticeQuery,
} from "@duban/domain";
import { notFound } from "../../errors.js";
import type { ServiceContext } from "../../http/context.js";
import * as repo from "./cascade.repository.js";
import * as notices from "./cascade-notices.repository.js";
import { assertReadsCascade } from "./rollup.service.js";

type Events = Awaited<ReturnType<typeof notices.findEvents>>;

/**
 * A notice as one side reads it: each side sees its own record's id (the superior its hand-down, the
 * subordinate its inbox item) and the steps both bureaus took on this notice, never anything else of the other's.
 */
function toCascadeNotice(
  ctx: ServiceContext,
  side: CascadeNoticeSide,
  row: notices.NoticeRead,
  events: Events,
): CascadeNotice {
  const n = row.notice;
  return {
    id: n.id,
    from: row.from,
    to: row.to,
    handDownId: side === "issued" ? n.handDownId : null,
    receivedId: side === "received" ? n.linkId : null,
    item: row.item,
    documentNumber: n.documentNumber,
    level: n.level,
    reason: n.reason,
    replyDue: n.replyDue,
    status: n.status,
    version: n.version,
    createdAt: n.createdAt.toISOString(),
    events: events
      .filter((e) => e.event.noticeId === n.id)
      .map(({ event: e, bureau }) => ({
        action: e.action,
        bureau,
        actorName: e.actorName,
        text: e.text,
        measures: e.measures,
        createdAt: e.createdAt.toISOString(),
      })),
    abilities: cascadeNoticeAbilities(ctx.actor, side, n),
  };
}

/** Notices of one side with their histories, read in one query for the page. */
async function withEvents(
  ctx: ServiceContext,
  side: CascadeNoticeSide,
  rows: notices.NoticeRead[],
): Promise<CascadeNotice[]> {
  const otherSide = rows.map((r) => (side === "issued" ? r.notice.toTenantId : r.notice.tenantId));
  const events = await notices.findEvents(
    ctx.database.db,
    [ctx.actor.tenantId, ...otherSide],
    rows.map((r) => r.notice.id),
  );
  return rows.map((r) => toCascadeNotice(ctx, side, r, events));
}

/** One of the hand-downs of the actor's bureau, or 404 (a subordinate's or another bureau's is never found). */
export async function getOwnHandDown(ctx: ServiceContext, handDownId: string) {
  const found = await repo.findHandDown(ctx.database.db, ctx.actor.tenantId, handDownId);
  if (!found) throw notFound("下达任务");
  return found;
}

/** The 督办单 the actor's bureau issued on one of its hand-downs, newest first. */
export async function findIssuedNotices(
  ctx: ServiceContext,
  handDownId: string,
  query: PageQuery,
): Promise<IssuedCascadeNoticePage> {
  assertReadsCascade(ctx);
  await getOwnHandDown(ctx, handDownId);
  const { rows, total } = await notices.findIssuedPage(ctx.database.db, ctx.actor.tenantId, {
    handDownId,
    page: query.page,
    pageSize: query.pageSize,
  });
  return {
    items: await withEvents(ctx, "issued", rows),
    total,
    page: query.page,
    pageSize: query.pageSize,
    abilities: cascadeNoticeListAbilities(ctx.actor),
  };
}

/** A notice the actor's bureau issued, or 404. */
export async function getIssuedRow(ctx: ServiceContext, id: string): Promise<notices.NoticeRead> {
  assertReadsCascade(ctx);
  const row = await notices.findIssuedNotice(ctx.database.db, ctx.actor.tenantId, id);
  if (!row) throw notFound("督办单");
  return row;
}

/** A notice the actor's bureau issued, as the API shows it. */
export async function getIssuedNotice(ctx: ServiceContext, id: string): Promise<CascadeNotice> {
  const [notice] = await withEvents(ctx, "issued", [await getIssuedRow(ctx, id)]);
  return notice!;
}

/** The 督办单 superiors addressed to the actor's bureau, newest first. */
export async function findReceivedNotices(
  ctx: ServiceContext,
  query: ReceivedCascadeNoticeQuery,
): Promise<ReceivedCascadeNoticePage> {
  assertReadsCascade(ctx);
  const { rows, total } = await notices.findReceivedPage(ctx.database.db, ctx.actor.tenantId, query);
  return {
    items: await withEvents(ctx, "received", rows),
    total,
    page: query.page,
    pageSize: query.pageSize,
    abilities: {},
  };
}

/** A notice addressed to the actor's bureau, found through its own link, or 404. */
export async function getReceivedNoticeRow(ctx: ServiceContext, id: string): Promise<notices.NoticeRead> {
  assertReadsCascade(ctx);
  const row = await notices.findReceivedNotice(ctx.database.db, ctx.actor.tenantId, id);
  if (!row) throw notFound("督办单");
  return row;
}

/** A notice addressed to the actor's bureau, as the API shows it. */
export async function getReceivedNotice(ctx: ServiceContext, id: string): Promise<CascadeNotice> {
  const [notice] = await withEvents(ctx, "received", [await getReceivedNoticeRow(ctx, id)]);
  return notice!;
}
