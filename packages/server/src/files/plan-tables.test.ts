import { type PlanDraft, type PlanNode, parsePlan, type RowRef, type Target } from "@duban/plan-parser";
import { describe, expect, it } from "vitest";
import { readPlanDocument } from "./read-plan-document.js";
import { excelBreakdown, proseWithAttachment, wordBreakdownTable } from "./test-plan-tables.js";

/** Reads a fixture as the server does and parses it with its layout. */
async function readAndParse(
  bytes: Uint8Array,
): Promise<{ text: string; warnings: string[]; draft: PlanDraft }> {
  const doc = await readPlanDocument({ bytes });
  return { text: doc.text, warnings: doc.warnings, draft: parsePlan(doc.text, doc.layout) };
}

/** Spans written by the text they cover, so a golden reads as the document does. */
function spans(text: string) {
  const at = (part: string, nth = 0): [number, number] => {
    let i = -1;
    for (let k = 0; k <= nth; k++) i = text.indexOf(part, i + 1);
    if (i < 0) throw new Error(`${part} is not in the text`);
    return [i, i + part.length];
  };
  const line = (part: string): [number, number] => {
    const [s] = at(part);
    const start = text.lastIndexOf("\n", s) + 1;
    const end = text.indexOf("\n", s);
    return [start, end < 0 ? text.length : end];
  };
  const row = (table: string, n: number, part: string): RowRef => ({ table, row: n, span: line(part) });
  const rows = (first: RowRef, last: RowRef = first): [number, number] => [first.span[0], last.span[1]];
  return { at, line, row, rows };
}

const target = (
  t: Pick<Target, "text" | "span" | "indicator" | "comparator" | "value" | "unit" | "deadline">,
): Target => ({ valueMax: null, hedge: null, ...t });

/** A task read from table rows: the fields every such task shares, from its first to its last row. */
function tableTask(
  text: string,
  t: Omit<PlanNode, "level" | "text" | "span" | "children" | "sources"> & {
    rows: RowRef[];
    ownersRow: RowRef;
    deadlineRow: RowRef;
  },
): PlanNode {
  const { rows, ownersRow, deadlineRow, ...rest } = t;
  const span: [number, number] = [rows[0]!.span[0], rows[rows.length - 1]!.span[1]];
  return {
    level: "task",
    ...rest,
    text: text.slice(...span),
    span,
    children: [],
    sources: { rows, owners: { from: "table", ...ownersRow }, deadline: { from: "table", ...deadlineRow } },
  };
}

describe("a Word 分解表 with vertical merges across three tasks", () => {
  it("reads the golden PlanDraft: tasks, measure rows, owners, deadlines and the table continued after a page break", async () => {
    const { text, warnings, draft } = await readAndParse(await wordBreakdownTable());
    const { at, row } = spans(text);
    expect(warnings).toEqual([]);
    const r = {
      2: row("表1", 2, "加强思想政治教育"),
      3: row("表1", 3, "组织红色研学活动"),
      4: row("表1", 4, "提升课堂教学质量"),
      5: row("表1", 5, "建设优质课资源库50节"),
      6: row("表1", 6, "落实集体备课制度"),
      7: row("表1", 7, "保障校园安全"),
      8: row("表1", 8, "于6月底前完成校园监控升级"),
      10: row("表2", 2, "推进家校共育"),
    };
    const m = (s: string) => ({ text: s, span: at(s) });
    expect(draft).toEqual({
      kind: "plan",
      title: "示范县教育局2024年重点工作任务分解表",
      issuer: "示范县教育局",
      year: 2024,
      notice: null,
      preamble: null,
      warnings: [],
      nodes: [
        tableTask(text, {
          label: "1",
          number: 1,
          title: "加强思想政治教育",
          measures: [m("开展主题班会"), m("组织红色研学活动")],
          targets: [],
          // A measure row due on its own date is a dated 节点 of the task.
          milestones: [
            { ...m("组织红色研学活动"), title: "组织红色研学活动", deadline: "2024-10-31", hedge: null },
          ],
          owners: { lead: ["德育科"], co: ["团委", "各中小学"] },
          deadline: "2024-10-31",
          rows: [r[2], r[3]],
          ownersRow: r[2],
          deadlineRow: r[3],
        }),
        tableTask(text, {
          label: "2",
          number: 2,
          title: "提升课堂教学质量",
          measures: [m("开展课堂教学评比"), m("建设优质课资源库50节"), m("落实集体备课制度")],
          targets: [
            target({
              ...m("建设优质课资源库50节"),
              indicator: "优质课资源库",
              comparator: "eq",
              value: 50,
              unit: "节",
              deadline: "2024-12-31",
            }),
          ],
          milestones: [],
          owners: { lead: ["教研室"], co: ["电教站"] },
          deadline: "2024-12-31",
          rows: [r[4], r[5], r[6]],
          ownersRow: r[4],
          deadlineRow: r[5],
        }),
        tableTask(text, {
          label: "3",
          number: 3,
          title: "保障校园安全",
          measures: [m("每月开展安全隐患排查"), m("于6月底前完成校园监控升级")],
          targets: [],
          milestones: [
            {
              ...m("于6月底前完成校园监控升级"),
              title: "完成校园监控升级",
              deadline: "2024-06-30",
              hedge: null,
            },
          ],
          // The task cell's own note names the owners; 每月 runs to the year's end.
          owners: { lead: ["安全科"], co: ["各校"] },
          deadline: "2024-12-31",
          rows: [r[7], r[8]],
          ownersRow: r[7],
          deadlineRow: r[7],
        }),
        tableTask(text, {
          label: "4",
          number: 4,
          title: "推进家校共育",
          measures: [m("举办家长学校培训3期")],
          targets: [
            target({
              ...m("举办家长学校培训3期"),
              indicator: "家长学校培训",
              comparator: "eq",
              value: 3,
              unit: "期",
              deadline: "2024-11",
            }),
          ],
          milestones: [],
          owners: { lead: ["基础教育科"], co: ["妇联"] },
          deadline: "2024-11",
          rows: [r[10]],
          ownersRow: r[10],
          deadlineRow: r[10],
        }),
      ],
    });
  });
});

describe("a multi-sheet Excel 分解表", () => {
  it("reads the golden PlanDraft: both sheets' tasks, merged cells, a formula's result and a date cell", async () => {
    const { text, warnings, draft } = await readAndParse(await excelBreakdown());
    const { at, row } = spans(text);
    expect(warnings).toEqual([]);
    const m = (s: string) => ({ text: s, span: at(s) });
    const a3 = row("党建工作", 3, "建强基层党组织");
    const a4 = row("党建工作", 4, "培育党建品牌");
    const a5 = row("党建工作", 5, "加强师德师风建设");
    const b2 = row("教育教学", 2, "推进集团化办学");
    const b3 = row("教育教学", 3, "加强教研指导");
    expect(draft).toEqual({
      kind: "plan",
      title: "示范区教育局2024年重点任务分解表",
      issuer: "示范区教育局",
      year: 2024,
      notice: null,
      preamble: null,
      warnings: ["工作表“填表说明”中未找到表头行（应有“重点任务”“牵头单位”“完成时限”等列名），已跳过"],
      nodes: [
        tableTask(text, {
          label: "1",
          number: 1,
          title: "建强基层党组织",
          measures: [m("开展支部标准化建设"), m("培育党建品牌")],
          targets: [
            target({
              ...m("党建示范校达到5所"),
              indicator: "党建示范校",
              comparator: "gte",
              value: 5,
              unit: "所",
              deadline: "2024-09",
            }),
          ],
          milestones: [],
          owners: { lead: ["组织科"], co: [] },
          deadline: "2024-12-31",
          rows: [a3, a4],
          ownersRow: a3,
          deadlineRow: a4,
        }),
        tableTask(text, {
          label: "2",
          number: 2,
          title: "加强师德师风建设",
          measures: [m("开展师德专题教育")],
          targets: [],
          milestones: [],
          owners: { lead: ["人事科"], co: ["纪检组"] },
          deadline: "2024-06-30",
          rows: [a5],
          ownersRow: a5,
          deadlineRow: a5,
        }),
        tableTask(text, {
          label: "1",
          number: 1,
          title: "推进集团化办学",
          measures: [m("新组建教育集团2个")],
          targets: [
            target({
              ...m("新组建教育集团2个"),
              indicator: "教育集团",
              comparator: "eq",
              value: 2,
              unit: "个",
              deadline: "2024-08-31",
            }),
          ],
          milestones: [],
          owners: { lead: ["基础教育科"], co: ["人事科"] },
          deadline: "2024-08-31",
          rows: [b2],
          ownersRow: b2,
          deadlineRow: b2,
        }),
        tableTask(text, {
          label: "2",
          number: 2,
          title: "加强教研指导",
          measures: [m("开展送教下乡")],
          targets: [],
          milestones: [],
          owners: { lead: ["教研室"], co: [] },
          deadline: "2024-12-31",
          rows: [b3],
          ownersRow: b3,
          deadlineRow: b3,
        }),
      ],
    });
    // The formula's cached result and the date cell are read as Excel shows them.
    expect(text.split("\n")[4]).toBe("2\t加强师德师风建设\t开展师德专题教育\t人事科、纪检组\t2024年6月30日");
  });
});

describe("a prose plan with an attached 分解表", () => {
  it("reads the golden PlanDraft: prose tasks with the table's owners and deadlines, each field's source recorded", async () => {
    const { text, warnings, draft } = await readAndParse(await proseWithAttachment());
    const { at, row } = spans(text);
    expect(warnings).toEqual([]);
    const r2 = row("表1", 2, "1\t加强理论武装");
    const r3 = row("表1", 3, "3\t深化课程改革");
    const task2 = "2.严明工作纪律。开展警示教育。（纪检组牵头，办公室配合）";
    const base = { targets: [], milestones: [], children: [] };
    expect(draft).toEqual({
      kind: "plan",
      title: "示范县教育局2024年工作要点",
      issuer: "示范县教育局",
      year: 2024,
      notice: null,
      preamble: {
        text: "2024年全县教育工作以提高质量为主线。",
        span: at("2024年全县教育工作以提高质量为主线。"),
        targets: [],
        milestones: [],
      },
      warnings: [],
      nodes: [
        {
          ...base,
          level: "section",
          label: "一、",
          number: 1,
          title: "加强党的建设",
          text: "加强党的建设",
          span: at("一、加强党的建设"),
          measures: [],
          owners: null,
          deadline: null,
          children: [
            {
              ...base,
              level: "task",
              label: "1.",
              number: 1,
              title: "加强理论武装",
              text: "加强理论武装。组织专题学习。",
              span: at("1.加强理论武装。组织专题学习。"),
              measures: [{ text: "组织专题学习。", span: at("组织专题学习。") }],
              owners: { lead: ["组织人事科"], co: ["宣传科"] },
              deadline: "2024-06-30",
              sources: {
                rows: [r2],
                owners: { from: "table", ...r2 },
                deadline: { from: "table", ...r2 },
              },
            },
            {
              ...base,
              level: "task",
              label: "2.",
              number: 2,
              title: "严明工作纪律",
              text: task2.slice(2),
              span: at(task2),
              measures: [{ text: "开展警示教育。", span: at("开展警示教育。") }],
              owners: { lead: ["纪检组"], co: ["办公室"] },
              deadline: null,
              // No row names this task: its owners stay those its own text gives.
              sources: { rows: [], owners: { from: "text", span: at(task2) }, deadline: null },
            },
          ],
        },
        {
          ...base,
          level: "section",
          label: "二、",
          number: 2,
          title: "提升教育质量",
          text: "提升教育质量",
          span: at("二、提升教育质量"),
          measures: [],
          owners: null,
          deadline: null,
          children: [
            {
              ...base,
              level: "task",
              label: "3.",
              number: 3,
              title: "深化课程改革",
              text: "深化课程改革。推进课堂教学改革，于9月底前完成新课标培训。",
              span: at("3.深化课程改革。推进课堂教学改革，于9月底前完成新课标培训。"),
              measures: [
                {
                  text: "推进课堂教学改革，于9月底前完成新课标培训。",
                  span: at("推进课堂教学改革，于9月底前完成新课标培训。"),
                },
              ],
              milestones: [
                {
                  text: "于9月底前完成新课标培训",
                  span: at("于9月底前完成新课标培训"),
                  title: "完成新课标培训",
                  deadline: "2024-09-30",
                  hedge: null,
                },
              ],
              owners: { lead: ["教研室"], co: [] },
              deadline: "2024-12",
              sources: {
                rows: [r3],
                owners: { from: "table", ...r3 },
                deadline: { from: "table", ...r3 },
              },
            },
          ],
        },
      ],
    });
  });
});
