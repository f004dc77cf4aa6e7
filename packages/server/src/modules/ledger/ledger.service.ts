import {
  canExportLedger,
  type LedgerQuery,
  type Light,
  type PlanDetail,
  type PlanTreeNode,
  shanghaiDate,
} from "@duban/domain";
import { buildOffThread, documentBuilder } from "../../documents/index.js";
import { AppError, forbidden, invalid } from "../../errors.js";
import type { ServiceContext } from "../../http/context.js";
import { getPlanDetail, lightToday } from "../plans/index.js";
import { loadPlanSnapshot } from "../snapshots/index.js";
import type { LedgerAssignmentRow } from "./ledger.repository.js";
import * as repo from "./ledger.repository.js";

// Assembled and written in the document worker: 24 tasks × 300 units of lines and exceljs rows would hold the
// event loop for seconds.
const ledgerFile = documentBuilder<typeof import("./ledger-file.js"), "writeLedgerFile">(
  new URL("./ledger-file.js", import.meta.url),
  "writeLedgerFile",
);

/**
 * An assignment's light as its own page shows it: its due date, else its task's; done at 100 % or once its task
 * is closed out（销号）. Thousands of assignments share a handful of windows and progress values, so each
 * distinct light is worked out once.
 */
function assignmentLights(plan: PlanDetail, now: Date): (row: LedgerAssignmentRow) => Light {
  const nodes = new Map<string, { startDate: string | null; dueDate: string | null; done: boolean }>();
  const visit = (list: PlanTreeNode[]) => {
    for (const n of list) {
      nodes.set(n.id, { startDate: n.startDate, dueDate: n.dueDate, done: n.status === "closed" });
      visit(n.children);
    }
  };
  visit(plan.nodes);
  const lights = new Map<string, Light>();
  return (row) => {
    const node = nodes.get(row.nodeId);
    const subject = {
      startDate: node?.startDate ?? null,
      dueDate: row.dueDate ?? node?.dueDate ?? null,
      progress: row.progress,
      done: row.progress >= 100 || !!node?.done,
    };
    const key = `${subject.startDate}|${subject.dueDate}|${subject.progress}|${subject.done}`;
    const known = lights.get(key);
    if (known) return known;
    const light = lightToday(subject, plan, now);
    lights.set(key, light);
    return light;
  };
}

/**
 * The plan-wide 工作台账 as an .xlsx file: today's state, or (with `asOf`) the lights and progress of that day's
 * snapshot with the reports approved by the moment it was taken. Returns the file and its download names.
 */
export async function exportLedger(ctx: ServiceContext, planId: string, query: LedgerQuery) {
  if (!canExportLedger(ctx.actor)) throw forbidden("只有督查室、局领导或系统管理员可以导出工作台账");
  const today = shanghaiDate(ctx.clock.now());
  if (query.asOf && query.asOf > today)
    throw invalid([{ path: "querystring.asOf", message: `截至日期不能晚于今天（${today}）` }]);
  const plan = await getPlanDetail(ctx, planId);
  const day = query.asOf ?? today;
  const snapshot =
    query.asOf && query.asOf < today
      ? await loadPlanSnapshot(ctx.database.db, { tenantId: ctx.actor.tenantId, planId, asOf: query.asOf })
      : null;
  if (query.asOf && query.asOf < today && !snapshot)
    throw new AppError("not_found", `${query.asOf}及之前没有该计划的进度记录，请选择更晚的日期`);
  // Report texts as they stood when the snapshot was taken, so texts and lights describe the same moment.
  const until = snapshot ? new Date(snapshot.takenAt) : null;
  const { db } = ctx.database;
  const tenantId = ctx.actor.tenantId;
  const [rows, latest, last] = await Promise.all([
    repo.allPages((page) => repo.findLedgerAssignments(db, tenantId, planId, page)),
    repo.allPages((page) => repo.findLatestApprovedReports(db, tenantId, planId, until, page)),
    repo.allPages((page) => repo.findLastSubmissions(db, tenantId, planId, until, page)),
  ]);
  const lightOf = assignmentLights(plan, ctx.clock.now());
  const body = await buildOffThread(ledgerFile, {
    plan,
    rows,
    lights: new Map(rows.map((r) => [r.id, lightOf(r)])),
    latest: new Map(latest.map((r) => [r.assignmentId, r])),
    lastReportAt: new Map(last.flatMap((r) => (r.at ? [[r.assignmentId, r.at] as const] : []))),
    day,
    snapshot,
  });
  return {
    name: `${plan.title}工作台账-${day}.xlsx`,
    asciiName: `ledger-${day}.xlsx`,
    body,
  };
}
