import {
  type FormValues,
  formulaInWords,
  ownershipLabels,
  schoolTypeLabels,
  shanghaiDate,
  unitKindLabels,
} from "@duban/domain";
import { loadExcel } from "../../files/excel-module.js";
import type { ServiceContext } from "../../http/context.js";
import { getReadableIndicator, readComputed, sortRows } from "./indicator-formulas.service.js";

/** A stored field value as a spreadsheet cell: numbers stay numbers, yes/no reads 是/否, lists are joined. */
function cellOf(value: FormValues[string] | undefined): string | number {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "是" : "否";
  if (Array.isArray(value)) return value.join("、");
  return value;
}

/**
 * `GET /api/indicators/:id/computed/rows.xlsx`: the unit rows behind a computed value, one per unit with approved
 * data, under a title line giving the formula in words and the value with its coverage.
 */
export async function exportComputedRows(ctx: ServiceContext, indicatorId: string) {
  const found = await getReadableIndicator(ctx, indicatorId);
  const read = await readComputed(ctx, found);
  const Excel = await loadExcel();
  const workbook = new Excel.Workbook();
  workbook.creator = "Duban 督办";
  const sheet = workbook.addWorksheet("计算明细");
  const columns = read?.columns ?? [];
  const headers = ["序号", "单位", "类型", "办学性质", "普惠", "乡镇（街道）"];
  const labels = columns.map((c) => (c.unit ? `${c.label}（${c.unit}）` : c.label));
  const value = read?.figure.value ?? null;
  sheet.addRow([
    read
      ? `${found.indicator.name}：${value === null ? (read.figure.reason ?? "无数据") : value}` +
        `（已报 ${read.figure.reported}/${read.figure.expected}）`
      : `${found.indicator.name}：未设置计算公式`,
  ]).font = { bold: true };
  sheet.addRow([read ? `计算公式：${formulaInWords(read.ast, read.form.fields)}（${read.form.title}）` : ""]);
  const header = sheet.addRow([...headers, ...labels]);
  header.font = { bold: true };
  sheet.views = [{ state: "frozen", ySplit: 3 }];
  sheet.columns = [6, 28, 14, 12, 6, 16, ...labels.map(() => 14)].map((width) => ({ width }));
  sortRows(read?.rows ?? [], undefined, "asc").forEach((r, i) => {
    sheet.addRow([
      i + 1,
      r.unitName,
      r.schoolType ? schoolTypeLabels[r.schoolType] : unitKindLabels[r.kind],
      r.ownership ? ownershipLabels[r.ownership] : "",
      r.inclusive ? "是" : "否",
      r.township ?? "",
      ...columns.map((c) => cellOf(r.values[c.key])),
    ]);
  });
  const today = shanghaiDate(ctx.clock.now());
  return {
    name: `计算明细-${found.indicator.name}-${today}.xlsx`,
    asciiName: `computed-rows-${today}.xlsx`,
    body: Buffer.from(await workbook.xlsx.writeBuffer()),
  };
}
