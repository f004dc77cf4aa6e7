import {
  canSeeAssignment,
  compareWorkItems,
  type Instruction,
  type MyWork,
  type PageQuery,
  pageFrom,
  shanghaiDate,
} from "@duban/domain";
import { eq } from "drizzle-orm";
import { assignments } from "../../db/schema.js";
import { AppError, notFound } from "../../errors.js";
import type { ServiceContext } from "../../http/context.js";
import { hasAnyRole } from "../../policy.js";
import {
  findActiveAssignmentDetailsOfUnit,
  findAssignmentDetails,
  getNode,
  toAssignment,
} from "../assignments/index.js";
import { findCascadeWorkWaitingFor } from "../cascade/index.js";
import { findExtensionsToDecide } from "../extensions/index.js";
import { findInstructionsToAcknowledge } from "../instructions/index.js";
import { findNoticesWaitingFor } from "../notices/index.js";
import { findRectificationsWaitingFor } from "../rectifications/index.js";
import { getReportDetail } from "../reports/index.js";
import { findUnit } from "../units/index.js";
import * as repo from "./work.repository.js";
import {
  acknowledgeItem,
  cascadeNoticeDecideItem,
  cascadeNoticeReplyItem,
  type DueReport,
  extensionItem,
  handDownItem,
  instructionItem,
  item,
  noticeItem,
  rectificationItem,
  reportItem,
  reviewItem,
} from "./work-items.js";

/** A unit's active assignments, and this cycle's report state of each for every open cycle of its plan. */
async function unitWork(ctx: ServiceContext, unitId: string) {
  const { db } = ctx.database;
  const rows = await findActiveAssignmentDetailsOfUnit(db, ctx.actor.tenantId, unitId);
  const list = rows.map((r) => toAssignment(ctx, r));
  const { cycles, reports } = await repo.findOpenCyclesWithReports(
    db,
    ctx.actor.tenantId,
    [...new Set(list.map((a) => a.planId))],
    list.map((a) => a.id),
  );
  const due: DueReport[] = list.flatMap((assignment) =>
    cycles
      .filter((c) => c.planId === assignment.planId)
      .map((c) => ({
        assignment,
        cycle: { id: c.id, name: c.name, dueDate: c.dueDate },
        report: reports.find((r) => r.assignmentId === assignment.id && r.cycleId === c.id) ?? null,
      })),
  );
  return { list, due };
}

/** Where a 批示 opens: the item it was written on. */
async function instructionLink(ctx: ServiceContext, i: Instruction): Promise<string> {
  if (i.entity === "notice") return `/notices/${i.entityId}`;
  if (i.entity === "rectification") return `/rectifications/${i.entityId}`;
  if (i.entity === "plan_node") {
    const { node } = await getNode(ctx, i.entityId);
    return `/plans/${node.planId}/tasks/${node.id}`;
  }
  try {
    const { assignment } = await getReportDetail(ctx, i.entityId);
    return `/assignments/${assignment.id}?report=${i.entityId}`;
  } catch (error) {
    // A leader may address a report's instruction to a unit that cannot open that report: the list must still
    // load, and 签收 is then done from the notification.
    if (error instanceof AppError && error.code === "not_found") return "/notifications";
    throw error;
  }
}

/** The report items of the actor's unit: to write, returned, and to 签收. */
async function unitItems(ctx: ServiceContext) {
  const unitId = ctx.actor.unitId;
  if (!unitId) return [];
  const mine = await unitWork(ctx, unitId);
  // A draft is still to write; a submitted or approved report waits for no one in the unit.
  const open = mine.due.filter((d) => !d.report || ["draft", "returned"].includes(d.report.status));
  return [...open.map(reportItem), ...mine.list.filter((a) => a.abilities.acknowledge).map(acknowledgeItem)];
}

/**
 * 我的工作: everything waiting for the actor, most urgent first — reports to write, rewrite and review,
 * assignments and 批示 to 签收, 督办单 to answer or decide, 整改 items to carry out or verify, 延期 to decide, and
 * across bureaus hand-downs to 接收 and superiors' 督办单 to answer, or subordinates' answers to decide.
 * Each source asks its own module, whose policy decides what the actor may act on.
 */
export async function findMyWork(ctx: ServiceContext, query: PageQuery): Promise<MyWork> {
  const unitId = ctx.actor.unitId;
  // Reviews are undated and ordered oldest first among themselves, so only the first page × pageSize of them can
  // reach the page: the rest are counted, not read.
  const reviewLimit = query.page * query.pageSize;
  const [own, reviews, notices, rectifications, extensions, instructions, cascade] = await Promise.all([
    unitItems(ctx),
    unitId && hasAnyRole(ctx.actor, "department")
      ? repo.findReportsToReview(ctx.database.db, ctx.actor.tenantId, unitId, reviewLimit)
      : [],
    findNoticesWaitingFor(ctx),
    findRectificationsWaitingFor(ctx),
    findExtensionsToDecide(ctx),
    findInstructionsToAcknowledge(ctx),
    findCascadeWorkWaitingFor(ctx),
  ]);
  const links = await Promise.all(instructions.map((i) => instructionLink(ctx, i)));
  const today = shanghaiDate(ctx.clock.now());
  const items = [
    ...own,
    ...reviews.map(reviewItem),
    ...notices.map(noticeItem),
    ...rectifications.map(rectificationItem),
    ...extensions.map(extensionItem),
    ...instructions.map((i, n) => instructionItem(i, links[n]!)),
    ...cascade.toReceive.map(handDownItem),
    ...cascade.toReply.map(cascadeNoticeReplyItem),
    ...cascade.toDecide.map(cascadeNoticeDecideItem),
  ].map((parts) => item(parts, today));
  // Every other source is read whole, since urgency orders across them; the page is cut from the merged list.
  const page = pageFrom(items.sort(compareWorkItems), query, {});
  return { ...page, total: page.total - reviews.length + (reviews[0]?.total ?? 0) };
}

/** A unit page: its assignments with lights; schools and inspectors may open only their own unit. */
export async function findUnitAssignments(ctx: ServiceContext, unitId: string) {
  // A unit's page shows its assignments, so it is open to whoever may see them.
  const unit = canSeeAssignment(ctx.actor, { unitId })
    ? await findUnit(ctx.database.db, ctx.actor.tenantId, unitId)
    : null;
  if (!unit) throw notFound("单位");
  const rows = await findAssignmentDetails(
    ctx.database.db,
    ctx.actor.tenantId,
    eq(assignments.unitId, unitId),
  );
  return {
    unit: { id: unit.id, name: unit.name, kind: unit.kind },
    assignments: rows.map((r) => toAssignment(ctx, r)),
  };
}
