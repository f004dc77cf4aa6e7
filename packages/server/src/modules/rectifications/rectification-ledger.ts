import {
  isRectificationLive,
  type RectificationFilter,
  type RectificationSource,
  type RectificationStatus,
  rectificationSourceLabels,
  rectificationStatusLabels,
  shanghaiDate,
} from "@duban/domain";
import { loadExcel } from "../../files/excel-module.js";
import type { ServiceContext } from "../../http/context.js";
import * as repo from "./rectifications.repository.js";
import { ledgerScope, todayOf } from "./rectifications.service.js";

/** The most rows one export carries; a whole county's ledger is far below it. */
const EXPORT_MAX_ROWS = 20_000;

/** Counts by status, with overdue counted apart (an overdue item is also open, submitted or returned). */
type Counts = Record<RectificationStatus | "overdue" | "total", number>;

/** Zero counts. */
function emptyCounts(): Counts {
  return { total: 0, open: 0, submitted: 0, accepted: 0, returned: 0, overdue: 0 };
}

/** Adds one grouped row to a tally. */
function add(c: Counts, row: { status: RectificationStatus; overdue: boolean; n: number }): void {
  c.total += row.n;
  c[row.status] += row.n;
  if (row.overdue) c.overdue += row.n;
}

/** 整改 statistics: totals, and counts by unit and by source, over the same filters as the ledger. */
export async function rectificationStats(ctx: ServiceContext, filter: RectificationFilter) {
  const rows = await repo.countRectifications(ctx.database.db, ledgerScope(ctx, filter));
  const today = todayOf(ctx);
  const totals = emptyCounts();
  const byUnit = new Map<string, { unit: { id: string; name: string } } & Counts>();
  const bySource = new Map<string, { source: RectificationSource; label: string } & Counts>();
  for (const row of rows) {
    const r = { ...row, overdue: isRectificationLive(row.status) && row.deadline < today, n: Number(row.n) };
    add(totals, r);
    const unit = byUnit.get(r.unitId) ?? { unit: { id: r.unitId, name: r.unitName }, ...emptyCounts() };
    add(unit, r);
    byUnit.set(r.unitId, unit);
    const source = r.source;
    const s = bySource.get(source) ?? { source, label: rectificationSourceLabels[source], ...emptyCounts() };
    add(s, r);
    bySource.set(source, s);
  }
  return {
    totals,
    byUnit: [...byUnit.values()].sort((a, b) => b.total - a.total || a.unit.name.localeCompare(b.unit.name)),
    bySource: [...bySource.values()].sort((a, b) => b.total - a.total),
  };
}

/** The ledger's columns, as the bureau's paper 整改台账 has them. */
const COLUMNS = [
  { header: "序号", width: 6 },
  { header: "责任单位", width: 24 },
  { header: "牵头科室", width: 16 },
  { header: "问题", width: 40 },
  { header: "整改要求", width: 40 },
  { header: "整改时限", width: 12 },
  { header: "责任人", width: 10 },
  { header: "来源", width: 14 },
  { header: "状态", width: 10 },
  { header: "逾期", width: 6 },
  { header: "下发日期", width: 12 },
  { header: "整改措施", width: 40 },
  { header: "回复日期", width: 12 },
  { header: "验收结果", width: 24 },
  { header: "办结日期", width: 12 },
];

/** The 验收 verdict of an item: 通过 once accepted（销号）, 退回 with the reason while returned, else blank. */
function verdictOf(item: { status: RectificationStatus; returnReason: string | null }): string {
  if (item.status === "accepted") return "通过";
  return item.status === "returned" ? `退回：${item.returnReason ?? ""}` : "";
}

/** The Shanghai day of an instant, or blank. */
function dayOf(at: Date | null): string {
  return at ? shanghaiDate(at) : "";
}

/** The 整改台账 as an .xlsx workbook, with the list's filters applied. */
export async function exportRectifications(
  ctx: ServiceContext,
  filter: RectificationFilter,
): Promise<Buffer> {
  const rows = await repo.findRectificationRows(ctx.database.db, ledgerScope(ctx, filter), EXPORT_MAX_ROWS);
  // An item found through 督办 points at its 督办单, whose task has a 牵头科室; an inspection visit, a 安全隐患
  // or a manual item is about a unit, not a task, so it has none.
  const noticeIds = rows.flatMap(({ item }) =>
    item.source === "supervision" && item.sourceId ? [item.sourceId] : [],
  );
  const leads = await repo.findNoticeLeadDepartments(ctx.database.db, ctx.actor.tenantId, noticeIds);
  const today = todayOf(ctx);
  const Excel = await loadExcel();
  const workbook = new Excel.Workbook();
  const sheet = workbook.addWorksheet("整改台账");
  sheet.columns = COLUMNS.map((c) => ({ width: c.width }));
  const header = sheet.addRow(COLUMNS.map((c) => c.header));
  header.font = { bold: true };
  rows.forEach(({ item, unitName }, i) => {
    const overdue = isRectificationLive(item.status) && item.deadline < today;
    const row = sheet.addRow([
      i + 1,
      unitName,
      (item.source === "supervision" && item.sourceId && leads.get(item.sourceId)) || "",
      item.problem,
      item.requirement,
      item.deadline,
      item.responsiblePerson ?? "",
      rectificationSourceLabels[item.source],
      rectificationStatusLabels[item.status],
      overdue ? "是" : "否",
      dayOf(item.createdAt),
      item.measures ?? "",
      dayOf(item.submittedAt),
      verdictOf(item),
      item.status === "accepted" ? dayOf(item.verifiedAt) : "",
    ]);
    row.alignment = { vertical: "top", wrapText: true };
  });
  // Keep the header in view while scrolling a long ledger.
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The download name of an export: 整改台账-YYYY-MM-DD.xlsx, as an RFC 5987 header value. */
export function exportDisposition(ctx: ServiceContext): string {
  const name = `整改台账-${todayOf(ctx)}.xlsx`;
  return `attachment; filename="rectifications.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
