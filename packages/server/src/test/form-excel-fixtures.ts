import type { FormField } from "@duban/domain";
import ExcelJS from "exceljs";
import type { ExcelForm, ExcelRound, ExcelUnit } from "../modules/forms/index.js";

/** A kindergarten form with one field of every kind a template has a column for, an attachment and a rule. */
export const kindergartenFields: FormField[] = [
  { key: "children", label: "在园幼儿数", type: "integer", required: true, min: 0, max: 2000, unit: "人" },
  { key: "publicChildren", label: "公办在园幼儿数", type: "integer", required: false, min: 0, unit: "人" },
  { key: "area", label: "生均面积", type: "decimal", required: false, min: 0, decimals: 2, unit: "平方米" },
  { key: "rate", label: "保教人员持证率", type: "percent", required: false, decimals: 1 },
  { key: "inclusive", label: "是否普惠园", type: "boolean", required: false },
  {
    key: "ownership",
    label: "办园性质",
    type: "choice",
    required: false,
    options: ["公办", "民办", "普惠性民办"],
  },
  {
    key: "features",
    label: "特色课程",
    type: "multi_choice",
    required: false,
    options: ["科学", "艺术", "体育"],
  },
  { key: "surveyDay", label: "统计日期", type: "date", required: false },
  { key: "note", label: "备注", type: "text", required: false, max: 20 },
  { key: "photo", label: "园所照片", type: "file", required: false },
];

/** The test form; `version` and `fields` vary per case. */
export function kindergartenForm(overrides: Partial<ExcelForm> = {}): ExcelForm {
  return {
    id: "11111111-1111-4111-8111-111111111111",
    title: "幼儿园基本情况统计表",
    version: 3,
    fields: kindergartenFields,
    rules: [{ source: "公办在园幼儿数 <= 在园幼儿数", message: "公办在园幼儿数不能超过在园幼儿数" }],
    ...overrides,
  };
}

/** The test round. */
export const juneRound: ExcelRound = {
  id: "22222222-2222-4222-8222-222222222222",
  name: "2023年6月",
  deadline: "2023-06-25",
};

/** Three kindergartens of the round's audience, and one unit outside it. */
export const audience: ExcelUnit[] = [
  { id: "33333333-0000-4000-8000-000000000001", name: "实验幼儿园", code: "K001" },
  { id: "33333333-0000-4000-8000-000000000002", name: "城关幼儿园", code: "K002" },
  { id: "33333333-0000-4000-8000-000000000003", name: "东岗幼儿园", code: null },
];
export const outsider: ExcelUnit = {
  id: "33333333-0000-4000-8000-000000000009",
  name: "第一中学",
  code: "M001",
};

/** Opens a template, lets `fill` type into it as a person would, and saves it. */
export async function fillTemplate(
  template: Buffer,
  fill: (sheet: ExcelJS.Worksheet, workbook: ExcelJS.Workbook) => void,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(template as unknown as ArrayBuffer);
  fill(workbook.getWorksheet("填报数据")!, workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Types `values` into the row of the unit at `index` (row 3 is the first unit), by field column in order. */
export function typeRow(sheet: ExcelJS.Worksheet, index: number, values: ExcelJS.CellValue[]): void {
  const row = sheet.getRow(3 + index);
  values.forEach((v, i) => {
    row.getCell(4 + i).value = v;
  });
}
