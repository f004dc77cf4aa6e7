import {
  type NoticeListQuery,
  noticeLedgerAbilities,
  noticeLevelLabels,
  noticeStatusLabels,
  shanghaiDate,
} from "@duban/domain";
import { loadExcel } from "../../files/excel-module.js";
import { authorize } from "../../http/authorize.js";
import type { ServiceContext } from "../../http/context.js";
import * as repo from "./notices.repository.js";
import { scopedFilter } from "./notices.service.js";

/** The columns of a 督办台账 as bureaus print it. */
const columns = [
  { header: "序号", width: 6 },
  { header: "督办事项", width: 40 },
  { header: "责任单位", width: 20 },
  { header: "牵头科室", width: 16 },
  { header: "督办等级", width: 12 },
  { header: "下发时间", width: 12 },
  { header: "回复时限", width: 12 },
  { header: "回复时间", width: 12 },
  { header: "办理情况", width: 50 },
  { header: "整改措施", width: 40 },
  { header: "验收结果", width: 24 },
  { header: "办结时间", width: 12 },
  { header: "状态", width: 12 },
];

/** The office's last decision on the unit's answer: 通过, or 退回 with its reason. */
function verdictOf(events: { action: string; text: string | null }[]): string {
  const decision = events.filter((e) => e.action === "accept" || e.action === "return").at(-1);
  if (!decision) return "";
  return decision.action === "accept" ? "通过" : `退回：${decision.text ?? ""}`;
}

/** Builds the 督办台账 workbook with the ledger's filters applied; returns the file and its name. */
export async function exportNotices(ctx: ServiceContext, query: Omit<NoticeListQuery, "page" | "pageSize">) {
  authorize(noticeLedgerAbilities(ctx.actor), "export");
  const filter = scopedFilter(ctx, query);
  const { db } = ctx.database;
  const { items } = await repo.findNotices(db, ctx.actor.tenantId, { ...filter, page: 1, pageSize: 0 });
  const events = await repo.findNoticeEvents(
    db,
    ctx.actor.tenantId,
    items.map((d) => d.notice.id),
  );
  const Excel = await loadExcel();
  const workbook = new Excel.Workbook();
  workbook.creator = "Duban 督办";
  const sheet = workbook.addWorksheet("督办台账");
  sheet.columns = columns;
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  items.forEach((d, i) => {
    const n = d.notice;
    // 办理情况 and 整改措施 are the unit's latest answer; earlier ones stay in the notice's history.
    const history = events.get(n.id) ?? [];
    const reply = history.filter((e) => e.action === "reply").at(-1);
    const row = sheet.addRow([
      i + 1,
      `${d.node.label ?? ""}${d.node.title}：${n.reason}`,
      d.unitName,
      d.leadUnitName ?? "",
      noticeLevelLabels[n.level],
      shanghaiDate(n.createdAt),
      n.replyDue ?? "",
      reply ? shanghaiDate(reply.createdAt) : "",
      reply?.text ?? "",
      reply?.measures ?? "",
      verdictOf(history),
      n.closedAt ? shanghaiDate(n.closedAt) : "",
      noticeStatusLabels[n.status],
    ]);
    row.alignment = { vertical: "top", wrapText: true };
  });
  const today = shanghaiDate(ctx.clock.now());
  return {
    name: `督办台账-${today}.xlsx`,
    asciiName: `notices-${today}.xlsx`,
    body: Buffer.from(await workbook.xlsx.writeBuffer()),
  };
}
