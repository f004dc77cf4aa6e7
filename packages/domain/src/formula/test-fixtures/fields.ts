import type { FormField } from "../../forms.js";
import type { FormulaRow, FormulaUnit } from "../types.js";

/** A kindergarten form with one field of each type, labels as a bureau writes them. */
export const fields: FormField[] = [
  { key: "children", label: "在园幼儿数", type: "integer", required: true, min: 0, unit: "人" },
  { key: "publicChildren", label: "公办在园幼儿数", type: "integer", required: false, min: 0, unit: "人" },
  { key: "young", label: "3-6岁幼儿数", type: "integer", required: false, unit: "人" },
  { key: "classes", label: "班级数", type: "integer", required: false, unit: "个" },
  { key: "area", label: "生均面积", type: "decimal", required: false, decimals: 2, unit: "平方米" },
  { key: "rate", label: "入园率", type: "percent", required: false, decimals: 1 },
  { key: "model", label: "党建示范校", type: "boolean", required: false },
  { key: "level", label: "办园等级", type: "choice", required: false, options: ["省级示范", "市级示范", "普通"] },
  { key: "stages", label: "开设年级", type: "multi_choice", required: false, options: ["小班", "中班", "大班"] },
  { key: "opened", label: "开办日期", type: "date", required: false },
  { key: "note", label: "备注 说明", type: "text", required: false, max: 10 },
  { key: "proof", label: "佐证材料", type: "file", required: false },
];

/** A school unit for rows; kindergarten, public, in 城关镇 unless told otherwise. */
export function unit(overrides: Partial<FormulaUnit> = {}): FormulaUnit {
  return {
    id: "u1",
    kind: "school",
    schoolType: "kindergarten",
    ownership: "public",
    township: "城关镇",
    ...overrides,
  };
}

/** A row of a unit and its values. */
export function row(values: FormulaRow["values"], overrides: Partial<FormulaUnit> = {}): FormulaRow {
  return { unit: unit(overrides), values };
}
