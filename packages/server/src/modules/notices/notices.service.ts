import {
  canSeeNotice,
  type Notice,
  type NoticeCreateInput,
  type NoticeListQuery,
  noticeAbilities,
  noticeLedgerAbilities,
  noticeLevelLabels,
  noticePermissions,
  noticeStatusesAllowing,
  seesAllNotices,
  shanghaiDate,
} from "@duban/domain";
import { AppError, invalid, notFound } from "../../errors.js";
import { authorize } from "../../http/authorize.js";
import type { ServiceContext } from "../../http/context.js";
import { findAssignmentDetail, findEnabledUnits, getNode } from "../assignments/index.js";
import { audit } from "../audit/index.js";
import { notifyUnit } from "../notifications/index.js";
import { numberNotice } from "./notice-number.js";
import * as repo from "./notices.repository.js";

type EventRow = Awaited<ReturnType<typeof repo.findNoticeEvents>> extends Map<string, infer E> ? E : never;

/** Builds the API shape of a notice, with its history when given. */
export function toNotice(ctx: ServiceContext, d: repo.NoticeDetail, events?: EventRow): Notice {
  const n = d.notice;
  return {
    id: n.id,
    planId: n.planId,
    node: { id: d.node.id, title: d.node.title, label: d.node.label },
    assignmentId: n.assignmentId,
    unit: { id: n.unitId, name: d.unitName },
    documentNumber: n.documentNumber,
    level: n.level,
    source: n.source,
    reason: n.reason,
    replyDue: n.replyDue,
    status: n.status,
    closeNote: n.closeNote,
    version: n.version,
    createdAt: n.createdAt.toISOString(),
    ...(events
      ? {
          events: events.map((e) => ({
            action: e.action,
            level: e.level,
            text: e.text,
            measures: e.measures,
            fileIds: e.fileIds,
            actorName: e.actorName,
            createdAt: e.createdAt.toISOString(),
          })),
        }
      : {}),
    abilities: noticeAbilities(ctx.actor, n),
  };
}

/** One notice the actor may see, or 404. */
export async function getNoticeDetail(ctx: ServiceContext, id: string): Promise<repo.NoticeDetail> {
  const d = await repo.findNotice(ctx.database.db, ctx.actor.tenantId, id);
  if (!d || !canSeeNotice(ctx.actor, d.notice)) throw notFound("督办单");
  return d;
}

/** One notice with its history. */
export async function getNotice(ctx: ServiceContext, id: string): Promise<Notice> {
  const d = await getNoticeDetail(ctx, id);
  const events = await repo.findNoticeEvents(ctx.database.db, ctx.actor.tenantId, [id]);
  return toNotice(ctx, d, events.get(id) ?? []);
}

/** The ledger filters as the actor may apply them: schools are pinned to their own unit. */
export function scopedFilter(ctx: ServiceContext, query: Omit<NoticeListQuery, "page" | "pageSize">) {
  const today = shanghaiDate(ctx.clock.now());
  if (seesAllNotices(ctx.actor)) return { ...query, today };
  // A unit filter naming another unit simply finds nothing for a school.
  const unitId = query.unitId && query.unitId !== ctx.actor.unitId ? "none" : (ctx.actor.unitId ?? "none");
  return { ...query, unitId, today };
}

/** The 督办台账: one page of notices with the filters applied. */
export async function findNoticesPage(ctx: ServiceContext, query: NoticeListQuery) {
  const filter = scopedFilter(ctx, query);
  const abilities = noticeLedgerAbilities(ctx.actor);
  if (filter.unitId === "none")
    return { items: [], total: 0, page: query.page, pageSize: query.pageSize, abilities };
  const found = await repo.findNotices(ctx.database.db, ctx.actor.tenantId, {
    ...filter,
    page: query.page,
    pageSize: query.pageSize,
  });
  return {
    items: found.items.map((d) => toNotice(ctx, d)),
    total: found.total,
    page: query.page,
    pageSize: query.pageSize,
    abilities,
  };
}

/** The unit a manual notice goes to: the assignment's unit, or the one named. */
async function noticeTarget(ctx: ServiceContext, nodeId: string, input: NoticeCreateInput) {
  const { db } = ctx.database;
  if (input.assignmentId) {
    const a = await findAssignmentDetail(db, ctx.actor.tenantId, input.assignmentId);
    if (!a || a.assignment.nodeId !== nodeId)
      throw invalid([{ path: "assignmentId", message: "该交办不属于此任务" }]);
    return { unitId: a.assignment.unitId, unitName: a.unitName };
  }
  const [unit] = await findEnabledUnits(db, ctx.actor.tenantId, [input.unitId!]);
  if (!unit) throw invalid([{ path: "unitId", message: "单位不存在或已停用" }]);
  return { unitId: unit.id, unitName: unit.name };
}

/** A supervisor or leader raises a 督办单 by hand, with a reason and a reply deadline. */
export async function createNotice(ctx: ServiceContext, input: NoticeCreateInput): Promise<Notice> {
  authorize(noticeLedgerAbilities(ctx.actor), "create");
  const { node } = await getNode(ctx, input.nodeId);
  const target = await noticeTarget(ctx, node.id, input);
  const open = await repo.findLiveNotice(ctx.database.db, {
    tenantId: ctx.actor.tenantId,
    nodeId: node.id,
    unitId: target.unitId,
    level: input.level,
  });
  // A second notice of the same level only repeats the first: said, with a link, unless the caller insists.
  if (open && !input.allowDuplicate)
    throw new AppError(
      "conflict",
      `${target.unitName}在该任务上已有一份未办结的“${noticeLevelLabels[input.level]}”督办单，确认仍要再下发一份吗？`,
      { openNoticeId: open.id },
    );
  const id = await ctx.database.db.transaction(async (tx) => {
    const row = await repo.insertNotice(tx, {
      tenantId: ctx.actor.tenantId,
      planId: node.planId,
      nodeId: node.id,
      assignmentId: input.assignmentId ?? null,
      unitId: target.unitId,
      level: input.level,
      source: "manual",
      reason: input.reason,
      replyDue: input.replyDue,
      raisedBy: ctx.actor.userId,
      createdAt: ctx.clock.now(),
    });
    const notice = row!;
    await numberNotice(tx, notice, ctx.clock.now());
    await repo.insertNoticeEvent(tx, {
      tenantId: ctx.actor.tenantId,
      noticeId: notice.id,
      action: "raise",
      level: input.level,
      text: input.reason,
      actorId: ctx.actor.userId,
      actorName: ctx.actor.name,
      createdAt: ctx.clock.now(),
    });
    await notifyUnit(tx, {
      tenantId: ctx.actor.tenantId,
      unitId: target.unitId,
      kind: "notice",
      title: `${noticeLevelLabels[input.level]}：${node.title}`,
      body: input.reason,
      link: `/notices/${notice.id}`,
      entity: "supervision_notice",
      entityId: notice.id,
      dedupeKey: `notice:${notice.id}:${input.level}`,
      now: ctx.clock.now(),
    });
    await audit(ctx, tx, {
      action: "notice.create",
      entity: "supervision_notice",
      entityId: notice.id,
      summary: { unit: target.unitName, level: input.level, replyDue: input.replyDue },
    });
    return notice.id;
  });
  return getNotice(ctx, id);
}

/** Notices waiting for the actor: its unit's to answer, and for the office the replied ones to decide. */
export async function findNoticesWaitingFor(ctx: ServiceContext): Promise<Notice[]> {
  const unitId = ctx.actor.unitId;
  // Asked with a unit that is not the actor's, the permission says whether the actor decides at all.
  const decides = noticePermissions(ctx.actor, { unitId: "" }).decide;
  if (!unitId && !decides) return [];
  const rows = await repo.findWaitingNotices(ctx.database.db, {
    tenantId: ctx.actor.tenantId,
    unitId: unitId ?? null,
    replyStatuses: unitId ? noticeStatusesAllowing("reply") : [],
    decideStatuses: decides ? noticeStatusesAllowing("accept") : [],
  });
  return rows.map((d) => toNotice(ctx, d)).filter((n) => n.abilities.reply || n.abilities.decide);
}
