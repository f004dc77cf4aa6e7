import type { TableRow } from "./table-model.js";

/** What a column of a 任务分解表 holds. */
export type ColumnRole =
  | "number"
  | "section"
  | "task"
  | "measure"
  | "lead"
  | "co"
  | "person"
  | "deadline"
  | "target"
  | "other";

// Tested in order: 责任人 is a person, not a unit; 完成时限 not a task; 工作目标 a target, not a task.
const ROLE_WORDS: [RegExp, ColumnRole][] = [
  [/^(?:序号|编号|序|项次|No\.?)$/i, "number"],
  [/时限|时间|节点|期限|进度安排|完成日期/, "deadline"],
  [/责任人|联系人|负责人|分管领导|责任领导|包保领导/, "person"],
  [/配合|协办|协同|参与|协助/, "co"],
  [/牵头|责任单位|责任科室|责任部门|责任处室|主责|主办|承办|单位|科室|部门|处室/, "lead"],
  [/措施|举措|步骤|具体工作|工作要求|推进计划/, "measure"],
  [/成果|目标|指标|成效|标准|要求|效果/, "target"],
  [/类别|领域|板块|版块|方面|分类|专项|维度/, "section"],
  [/任务|重点工作|工作内容|事项|内容|项目|名称|工作$/, "task"],
];

/** The role a header cell names, or "other" (备注, unknown words). */
export function roleOf(header: string): ColumnRole {
  const h = header.replace(/\s+/g, "");
  if (!h) return "other";
  return ROLE_WORDS.find(([re]) => re.test(h))?.[1] ?? "other";
}

/** A table's header: the rows it spans and the role of each column. */
export interface TableHeader {
  /** Index of the header's first and last row in the table's rows. */
  first: number;
  last: number;
  roles: ColumnRole[];
  /** True for each lead column whose heading says 牵头 (all its units lead), false for 责任单位 (the first leads). */
  allLead: boolean[];
  /** The header cells' text, to recognise a header repeated on a later page. */
  texts: string[];
}

/**
 * Finds the header row among the first rows: a row naming a task (or measure) column and at least one other
 * known column, most of its cells known. A second header row below it (责任单位 split into 牵头 / 配合) refines it.
 */
export function findHeader(input: string, rows: TableRow[]): TableHeader | null {
  for (let r = 0; r < Math.min(rows.length, 8); r++) {
    const texts = rowTexts(input, rows[r]!);
    const roles = texts.map(roleOf);
    if (!isHeaderLike(texts, roles)) continue;
    let last = r;
    const next = rows[r + 1];
    if (next) {
      const below = rowTexts(input, next).map((t, i) => (next.cells[i]?.merged ? "" : t));
      const belowRoles = below.map(roleOf);
      const known = below.filter((t, i) => t && belowRoles[i] !== "other").length;
      if (known >= 2 && known === below.filter(Boolean).length && !/^\d/.test(below[0] ?? "")) {
        below.forEach((t, i) => {
          if (t) {
            roles[i] = belowRoles[i]!;
            texts[i] = t;
          }
        });
        last = r + 1;
      }
    }
    if (!roles.includes("task")) {
      const m = roles.indexOf("measure");
      if (m >= 0) roles[m] = "task";
    }
    // Two columns of one role (a heading merged over two cells) keep the first; the copy is read as other.
    const seen = new Set<ColumnRole>();
    roles.forEach((role, i) => {
      if (role !== "lead" && role !== "co" && role !== "measure" && role !== "target" && seen.has(role))
        roles[i] = "other";
      seen.add(role);
    });
    const allLead = texts.map((t, i) => roles[i] === "lead" && /牵头|主责|主办/.test(t));
    return { first: r, last, roles, allLead, texts };
  }
  return null;
}

function isHeaderLike(texts: string[], roles: ColumnRole[]): boolean {
  const filled = texts.filter(Boolean).length;
  const known = roles.filter((r) => r !== "other").length;
  const hasTask = roles.includes("task") || roles.includes("measure");
  // Header cells are short names; a long cell is content that happens to contain 任务 or 单位.
  const short = texts.every((t) => t.length <= 16);
  return hasTask && known >= 2 && known * 2 >= filled && short;
}

/** True when a row repeats the header (Word repeats it on each page of a long table). */
export function isRepeatedHeader(input: string, row: TableRow, header: TableHeader): boolean {
  const texts = rowTexts(input, row);
  let same = 0;
  texts.forEach((t, i) => {
    if (t && t === header.texts[i]) same++;
  });
  return same >= 2 && same * 2 >= texts.filter(Boolean).length;
}

/** The text of each cell of a row without spaces. */
export function rowTexts(input: string, row: TableRow): string[] {
  return row.cells.map((c) => input.slice(c.start, c.end).replace(/\s+/g, ""));
}
