import {
  canManageUnits,
  ownershipLabels,
  schoolTypeLabels,
  type UnitCreateInput,
  unitCreateSchema,
  unitKindLabels,
} from "@duban/domain";
import { AppError, forbidden, uniqueViolation } from "../../errors.js";
import type { ServiceContext } from "../../http/context.js";
import { audit } from "../audit/index.js";
import {
  buildTemplate,
  codeOfLabel,
  ImportProblems,
  issueReasons,
  labelList,
  readSheet,
  type SheetRow,
  type TemplateColumn,
} from "../imports/index.js";
import { findAllUnits, insertUnits, type UnitValues } from "./units.repository.js";

const SHEET = "单位";

/** The columns of the unit import, in template order. */
const columns: TemplateColumn[] = [
  {
    header: "名称",
    width: 30,
    required: true,
    note: "单位全称；同一名称不能重复，也不能与系统中已有单位重名",
  },
  { header: "类型", width: 10, required: true, note: `填写：${labelList(unitKindLabels)}` },
  {
    header: "学校类型",
    width: 16,
    required: false,
    note: `学校必填，科室留空；可填：${labelList(schoolTypeLabels)}`,
  },
  {
    header: "办学性质",
    width: 12,
    required: false,
    note: `学校必填，科室留空；可填：${labelList(ownershipLabels)}`,
  },
  { header: "乡镇/街道", width: 14, required: false, note: "学校所在乡镇或街道，如“西长春路街道”，可留空" },
  { header: "编码", width: 16, required: false, note: "单位代码（如学校标识码），可留空" },
];

/** Field of UnitCreateInput → its column, for messages. */
const columnOf: Record<string, string> = {
  name: "名称",
  kind: "类型",
  schoolType: "学校类型",
  ownership: "办学性质",
  township: "乡镇/街道",
  code: "编码",
};

/** The unit import template (.xlsx). */
export function buildUnitTemplate(): Promise<Buffer> {
  return buildTemplate({
    sheetName: SHEET,
    columns,
    example: ["瓦房店市第一初级中学", "学校", "初中", "公办", "西长春路街道", ""],
    notes: [
      "第一行是表头，请勿修改；示例行请删除或改成真实数据后再导入。",
      "只要有一行有误，整个文件都不会导入；请按提示修改后重新上传。",
    ],
  });
}

/** Maps one row's labels to codes and validates it like the create form; returns the input or the reasons. */
function parseRow(cells: Record<string, string>): { input?: UnitCreateInput; reasons: string[] } {
  const reasons: string[] = [];
  const lookup = <C extends string>(column: string, labels: Record<C, string>): C | null | undefined => {
    const text = cells[column] ?? "";
    if (text === "") return null;
    const code = codeOfLabel(labels, text);
    if (!code) reasons.push(`${column}“${text}”无效，可填：${labelList(labels)}`);
    return code;
  };
  const kind = cells.类型 ? lookup("类型", unitKindLabels) : undefined;
  if (!cells.类型) reasons.push(`请填写类型（${labelList(unitKindLabels)}）`);
  const schoolType = lookup("学校类型", schoolTypeLabels);
  const ownership = lookup("办学性质", ownershipLabels);
  if (reasons.length > 0) return { reasons };
  const parsed = unitCreateSchema.safeParse({
    name: cells.名称 ?? "",
    kind,
    schoolType,
    ownership,
    township: cells["乡镇/街道"] || null,
    code: cells.编码 || null,
  });
  return parsed.success ? { input: parsed.data, reasons } : { reasons: issueReasons(parsed.error, columnOf) };
}

/** Validates every row against the file itself and the tenant's existing units. */
function validateRows(rows: SheetRow[], existing: Set<string>): UnitValues[] {
  const problems = new ImportProblems();
  const firstRowOf = new Map<string, number>();
  const values: UnitValues[] = [];
  for (const { row, cells } of rows) {
    const { input, reasons } = parseRow(cells);
    for (const reason of reasons) problems.add(row, reason);
    if (!input) continue;
    const earlier = firstRowOf.get(input.name);
    if (earlier) problems.add(row, `名称“${input.name}”与第 ${earlier} 行重复`);
    else firstRowOf.set(input.name, row);
    if (existing.has(input.name)) problems.add(row, `系统中已有名为“${input.name}”的单位，请改名或删除此行`);
    const school = input.kind === "school";
    values.push({
      name: input.name,
      kind: input.kind,
      schoolType: school ? (input.schoolType ?? null) : null,
      ownership: school ? (input.ownership ?? null) : null,
      township: input.township || null,
      code: input.code || null,
      sortOrder: 0,
    });
  }
  problems.throwIfAny();
  return values;
}

/** Imports units from an .xlsx file: all rows or, when any row is bad, none. */
export async function importUnits(
  ctx: ServiceContext,
  file: { name: string; body: Buffer },
): Promise<{ imported: number }> {
  if (!canManageUnits(ctx.actor)) throw forbidden("只有系统管理员可以导入单位");
  const rows = await readSheet(file.body, {
    sheetName: SHEET,
    headers: columns.map((c) => c.header),
    required: columns.filter((c) => c.required).map((c) => c.header),
  });
  const { db } = ctx.database;
  const existing = await findAllUnits(db, ctx.actor.tenantId, { includeDisabled: true });
  const values = validateRows(rows, new Set(existing.map((u) => u.name)));
  await db
    .transaction(async (tx) => {
      await insertUnits(tx, ctx.actor.tenantId, values);
      await audit(ctx, tx, {
        action: "unit.import",
        entity: "unit",
        summary: { file: file.name, count: values.length, names: values.slice(0, 50).map((v) => v.name) },
      });
    })
    .catch((err) => {
      // Someone created one of these names between validation and insert.
      if (uniqueViolation(err)) throw new AppError("conflict", "导入期间有同名单位被创建，请重新上传");
      throw err;
    });
  return { imported: values.length };
}
