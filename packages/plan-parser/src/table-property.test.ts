import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parsePlan } from "./index.js";
import { tasksOf } from "./test-fixtures/support.js";
import { draftProblems } from "./test-fixtures/validate.js";
import type { CellMerge, PlanLayout } from "./types.js";

const HEADER = ["序号", "重点任务", "具体措施", "牵头单位", "配合单位", "完成时限", "预期成果"];
const WORDS = [
  "加强",
  "推进",
  "学校",
  "建设",
  "培训",
  "达到90%",
  "新建3所",
  "。",
  "，",
  "（",
  "）",
  "；",
  "1.",
  "一、",
  "2023年",
  "6月底前",
  "年底前",
  "长期坚持",
  "每季度",
  "科",
  "、",
  "牵头",
];
const UNITS = ["基础教育科", "教研室", "人事科", "安全稳定科、电教站", "", "未知办公室"];
const DATES = ["2023年6月底前", "长期坚持", "每季度", "年底前", "", "2023年9月"];

const text = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 8 }).map((xs) => xs.join(""));
const task = fc.record({
  title: text,
  measures: fc.array(text, { minLength: 0, maxLength: 3 }),
  lead: fc.constantFrom(...UNITS),
  co: fc.constantFrom(...UNITS),
  deadline: fc.constantFrom(...DATES),
  target: fc.option(text, { nil: "" }),
});
const table = fc.record({ tasks: fc.array(task, { minLength: 1, maxLength: 6 }), merged: fc.boolean() });
type TableCase = typeof table extends fc.Arbitrary<infer T> ? T : never;

/** Lays the tasks out as a 分解表: a task row, then its measure rows with the task cell empty or merged. */
function build(t: TableCase): { text: string; layout: PlanLayout | null; dataRows: number[] } {
  const lines = ["某县教育局2023年重点任务分解表", HEADER.join("\t")];
  const rows: PlanLayout["tables"][number]["rows"] = [{ line: 1, row: 1 }];
  const dataRows: number[] = [];
  t.tasks.forEach((k, i) => {
    const first = k.measures[0] ?? "";
    lines.push([String(i + 1), k.title, first, k.lead, k.co, k.deadline, k.target].join("\t"));
    rows.push({ line: lines.length - 1, row: lines.length - 1 });
    dataRows.push(lines.length - 1);
    for (const m of k.measures.slice(1)) {
      lines.push(["", "", m, "", "", "", ""].join("\t"));
      const merged: CellMerge[] = ["up", "up", null, "up", "up", "up", null];
      rows.push({ line: lines.length - 1, row: lines.length - 1, merged });
      dataRows.push(lines.length - 1);
    }
  });
  const layout = t.merged ? { tables: [{ name: "表1", kind: "table" as const, rows }] } : null;
  return { text: lines.join("\n"), layout, dataRows };
}

describe("tables, whatever their content", () => {
  it("keep the row order and put every non-empty row in exactly one task or measure", () => {
    fc.assert(
      fc.property(table, (t) => {
        const { text: input, layout, dataRows } = build(t);
        const draft = parsePlan(input, layout);
        expect(draftProblems(input, draft)).toEqual([]);
        const tasks = tasksOf(draft);
        expect(tasks).toHaveLength(t.tasks.length);
        const seen = tasks.flatMap((n) => n.sources?.rows.map((r) => r.row) ?? []);
        expect(seen).toEqual(dataRows);
        tasks.forEach((n, i) => {
          const k = t.tasks[i]!;
          const measureRows = k.measures.slice(1);
          // Measure rows come after the task's own row, in order, one measure each.
          const own = n.measures.slice(n.measures.length - measureRows.length).map((m) => m.text);
          expect(own).toEqual(measureRows.map((m) => m.trim()));
        });
      }),
      { numRuns: 200 },
    );
  });
});
