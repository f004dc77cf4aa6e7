import {
  canSeeAssignment,
  type NodeReportQuery,
  type PageQuery,
  pageFrom,
  type Report,
  type ReportPage,
  reportAbilities,
} from "@duban/domain";
import { notFound } from "../../errors.js";
import type { ServiceContext } from "../../http/context.js";
import { getAssignment, getNode } from "../assignments/index.js";
import { type FileRow, toFileRef } from "../evidence/index.js";
import * as repo from "./reports.repository.js";

/** What a report shows beside its row: indicator values, evidence files and history (oldest first). */
export interface ReportItems {
  values: { indicatorId: string; value: number }[];
  files: FileRow[];
  events: repo.ReportEventRow[];
}

/** The API shape of one report from its row and items. */
export function toReport(
  ctx: ServiceContext,
  { report: r, cycle, unitName }: repo.ReportDetail,
  node: { leadUnitId: string | null },
  items: ReportItems,
): Report {
  return {
    id: r.id,
    cycle: { id: cycle.id, name: cycle.name, dueDate: cycle.dueDate, status: cycle.status },
    assignmentId: r.assignmentId,
    unit: { id: r.unitId, name: unitName },
    status: r.status,
    progress: r.progress,
    doneText: r.doneText,
    problemsText: r.problemsText,
    nextText: r.nextText,
    values: items.values.map((v) => ({ indicatorId: v.indicatorId, value: v.value })),
    files: items.files.map(toFileRef),
    late: r.late,
    submittedAt: r.submittedAt?.toISOString() ?? null,
    reviewedAt: r.reviewedAt?.toISOString() ?? null,
    returnReason: r.returnReason,
    history: items.events.map((e) => ({
      action: e.action,
      reason: e.reason,
      actorName: e.actorName,
      at: e.createdAt.toISOString(),
    })),
    version: r.version,
    abilities: reportAbilities(ctx.actor, r, { cycle, node }),
  };
}

/** Builds the API shape of reports, loading their values, files and history in three queries. */
export async function toReports(
  ctx: ServiceContext,
  rows: repo.ReportDetail[],
  node: { leadUnitId: string | null },
): Promise<Report[]> {
  const ids = rows.map((r) => r.report.id);
  const [items, events] = await Promise.all([
    repo.findReportItems(ctx.database.db, ctx.actor.tenantId, ids),
    repo.findReportEvents(ctx.database.db, ctx.actor.tenantId, ids),
  ]);
  return rows.map((row) => {
    const id = row.report.id;
    return toReport(ctx, row, node, {
      values: items.values.filter((v) => v.reportId === id),
      files: items.files.filter((f) => f.reportId === id).map((f) => f.file),
      events: events.filter((e) => e.reportId === id),
    });
  });
}

/** One report the actor may see (its unit's, or any for bureau roles), with its assignment and task's lead unit. */
export async function getReportDetail(ctx: ServiceContext, id: string) {
  const found = await repo.findReportInContext(ctx.database.db, ctx.actor.tenantId, id);
  if (!found || !canSeeAssignment(ctx.actor, found.report)) throw notFound("反馈");
  const { assignment, node, ...row } = found;
  return { row, assignment, node };
}

/** One report as the API shows it. */
export async function getReport(ctx: ServiceContext, id: string): Promise<Report> {
  const { row, node } = await getReportDetail(ctx, id);
  const [report] = await toReports(ctx, [row], node);
  return report!;
}

/** A page of an assignment's reports, newest cycle first: the report timeline. */
export async function findAssignmentReports(
  ctx: ServiceContext,
  assignmentId: string,
  query: PageQuery,
): Promise<ReportPage> {
  const assignment = await getAssignment(ctx, assignmentId);
  const rows = await repo.findAssignmentReports(ctx.database.db, ctx.actor.tenantId, assignmentId);
  // Cut the page first, so values, files and history are read for its reports only.
  const page = pageFrom(rows, query, {});
  return { ...page, items: await toReports(ctx, page.items, assignment.node) };
}

/**
 * A page of a task's reports across its units, newest cycle first: the task page's history in one request.
 * The bureau sees every unit's; a unit sees its own; someone without a unit sees none.
 */
export async function findNodeReports(
  ctx: ServiceContext,
  nodeId: string,
  query: NodeReportQuery,
): Promise<ReportPage> {
  const { node } = await getNode(ctx, nodeId);
  const empty = { items: [], total: 0, page: query.page, pageSize: query.pageSize, abilities: {} };
  // Asked about a unit no one belongs to, the policy says whether the actor sees every unit's reports.
  const seesAll = canSeeAssignment(ctx.actor, { unitId: "" });
  if (!seesAll && !ctx.actor.unitId) return empty;
  const { rows, total } = await repo.findNodeReportsPage(ctx.database.db, ctx.actor.tenantId, {
    nodeId: node.id,
    unitId: seesAll ? undefined : ctx.actor.unitId!,
    status: query.status,
    page: query.page,
    pageSize: query.pageSize,
  });
  return { ...empty, items: await toReports(ctx, rows, node), total };
}
