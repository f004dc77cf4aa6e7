import { describe, expect, it } from "vitest";
import { parsePlan } from "./index.js";
import { roleOf } from "./table-header.js";
import { similarity } from "./table-merge.js";
import { draftProblems } from "./test-fixtures/validate.js";
import type { PlanLayout } from "./types.js";

/** The span of the `nth` occurrence of `part` in `text`. */
function at(text: string, part: string, nth = 0): [number, number] {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = text.indexOf(part, i + 1);
  if (i < 0) throw new Error(`${part} not in text`);
  return [i, i + part.length];
}

/** The span of the whole line holding `part`. */
function lineOf(text: string, part: string): [number, number] {
  const [s] = at(text, part);
  const start = text.lastIndexOf("\n", s) + 1;
  const end = text.indexOf("\n", s);
  return [start, end < 0 ? text.length : end];
}

describe("the header recogniser", () => {
  it("names each column by its usual wordings", () => {
    const cases: [string, string][] = [
      ["序号", "number"],
      ["重点任务", "task"],
      ["工作任务", "task"],
      ["重点工作", "task"],
      ["任务内容", "task"],
      ["具体措施", "measure"],
      ["工作措施", "measure"],
      ["牵头单位", "lead"],
      ["责任单位", "lead"],
      ["责任科室", "lead"],
      ["配合单位", "co"],
      ["协办单位", "co"],
      ["责任人", "person"],
      ["完成时限", "deadline"],
      ["时间节点", "deadline"],
      ["完成时间", "deadline"],
      ["预期成果", "target"],
      ["工作目标", "target"],
      ["类别", "section"],
      ["备注", "other"],
    ];
    expect(cases.map(([h]) => [h, roleOf(h)])).toEqual(cases);
  });
});

describe("a 分解表 pasted as tab-separated text", () => {
  const text = [
    "某县教育局2023年重点工作任务分解表",
    "序号\t重点任务\t具体措施\t牵头单位\t配合单位\t责任人\t完成时限",
    "1\t建设书香校园\t新建校园图书角40个\t基础教育科\t教研室\t张老师\t2023年6月底前",
    "\t\t开展读书节活动\t\t\t\t每季度",
    "2\t提升教师能力（人事科牵头，教研室配合）\t培训骨干教师200人\t\t\t\t长期坚持",
    "序号\t重点任务\t具体措施\t牵头单位\t配合单位\t责任人\t完成时限",
    "3\t推进智慧校园\t于9月底前完成网络改造\t电教站\t未知中心\t\t2023年10月",
  ].join("\n");
  const draft = parsePlan(text);

  it("reads each row as a task, a row with an empty task cell as a measure of the task above", () => {
    // Rows are numbered from the table's first line (the header); the repeated header (row 5) is dropped.
    expect(draft.title).toBe("某县教育局2023年重点工作任务分解表");
    expect(draft.year).toBe(2023);
    expect(draft.warnings).toEqual([]);
    expect(draftProblems(text, draft)).toEqual([]);
    expect(draft.nodes).toEqual([
      {
        level: "task",
        label: "1",
        number: 1,
        title: "建设书香校园",
        text: text.slice(lineOf(text, "建设书香校园")[0], lineOf(text, "开展读书节活动")[1]),
        span: [lineOf(text, "建设书香校园")[0], lineOf(text, "开展读书节活动")[1]],
        measures: [
          { text: "新建校园图书角40个", span: at(text, "新建校园图书角40个") },
          { text: "开展读书节活动", span: at(text, "开展读书节活动") },
        ],
        targets: [
          {
            text: "新建校园图书角40个",
            span: at(text, "新建校园图书角40个"),
            indicator: "校园图书角",
            comparator: "eq",
            value: 40,
            valueMax: null,
            unit: "个",
            deadline: "2023-06-30",
            hedge: null,
          },
        ],
        milestones: [],
        owners: { lead: ["基础教育科"], co: ["教研室"] },
        // 每季度 recurs all year: the task is due at the year's end.
        deadline: "2023-12-31",
        children: [],
        sources: {
          rows: [
            { table: "表1", row: 2, span: lineOf(text, "建设书香校园") },
            { table: "表1", row: 3, span: lineOf(text, "开展读书节活动") },
          ],
          owners: { from: "table", table: "表1", row: 2, span: lineOf(text, "建设书香校园") },
          deadline: { from: "table", table: "表1", row: 3, span: lineOf(text, "开展读书节活动") },
        },
      },
      {
        level: "task",
        label: "2",
        number: 2,
        title: "提升教师能力",
        text: text.slice(...lineOf(text, "提升教师能力")),
        span: lineOf(text, "提升教师能力"),
        measures: [{ text: "培训骨干教师200人", span: at(text, "培训骨干教师200人") }],
        targets: [
          {
            text: "培训骨干教师200人",
            span: at(text, "培训骨干教师200人"),
            indicator: "培训骨干教师",
            comparator: "eq",
            value: 200,
            valueMax: null,
            unit: "人",
            deadline: "2023-12-31",
            hedge: null,
          },
        ],
        milestones: [],
        owners: { lead: ["人事科"], co: ["教研室"] },
        deadline: "2023-12-31",
        children: [],
        sources: {
          rows: [{ table: "表1", row: 4, span: lineOf(text, "提升教师能力") }],
          owners: { from: "table", table: "表1", row: 4, span: lineOf(text, "提升教师能力") },
          deadline: { from: "table", table: "表1", row: 4, span: lineOf(text, "提升教师能力") },
        },
      },
      {
        level: "task",
        label: "3",
        number: 3,
        title: "推进智慧校园",
        text: text.slice(...lineOf(text, "推进智慧校园")),
        span: lineOf(text, "推进智慧校园"),
        measures: [{ text: "于9月底前完成网络改造", span: at(text, "于9月底前完成网络改造") }],
        targets: [],
        milestones: [
          {
            text: "于9月底前完成网络改造",
            span: at(text, "于9月底前完成网络改造"),
            title: "完成网络改造",
            deadline: "2023-09-30",
            hedge: null,
          },
        ],
        owners: { lead: ["电教站"], co: ["未知中心"] },
        deadline: "2023-10",
        children: [],
        sources: {
          rows: [{ table: "表1", row: 6, span: lineOf(text, "推进智慧校园") }],
          owners: { from: "table", table: "表1", row: 6, span: lineOf(text, "推进智慧校园") },
          deadline: { from: "table", table: "表1", row: 6, span: lineOf(text, "推进智慧校园") },
        },
      },
    ]);
  });
});

describe("a table with the reader's layout", () => {
  const text = [
    "序号\t重点任务\t具体措施\t责任单位\t完成时限",
    "一、党的建设",
    "1\t加强理论学习\t开展专题学习\t组织科、宣传科\t2024年5月",
    "\t\t举办读书班\t\t2024年8月",
    "二、教育教学",
    "2\t深化课程改革\t推进课堂改革\t教研室\t年底前",
  ].join("\n");
  const layout: PlanLayout = {
    tables: [
      {
        name: "表1",
        kind: "table",
        rows: [
          { line: 0, row: 1 },
          { line: 1, row: 2, merged: [null, "left", "left", "left", "left"] },
          { line: 2, row: 3 },
          { line: 3, row: 4, merged: ["up", "up", null, "up", null] },
          { line: 4, row: 5, merged: [null, "left", "left", "left", "left"] },
          { line: 5, row: 6 },
        ],
      },
    ],
  };
  const draft = parsePlan(text, layout);

  it("opens a section at a row spread over the table and resolves merged cells from the cell they continue", () => {
    expect(draftProblems(text, draft)).toEqual([]);
    const shape = draft.nodes.map((s) => ({
      section: [s.level, s.label, s.title],
      tasks: s.children.map((t) => ({
        title: t.title,
        measures: t.measures.map((m) => m.text),
        owners: t.owners,
        deadline: t.deadline,
        milestones: t.milestones.map((m) => [m.title, m.deadline]),
        rows: t.sources?.rows.map((r) => r.row),
      })),
    }));
    expect(shape).toEqual([
      {
        section: ["section", "一、", "党的建设"],
        tasks: [
          {
            title: "加强理论学习",
            measures: ["开展专题学习", "举办读书班"],
            // The merged 责任单位 cell repeats the units above, so the measure row adds none.
            owners: { lead: ["组织科"], co: ["宣传科"] },
            deadline: "2024-08",
            milestones: [["举办读书班", "2024-08"]],
            rows: [3, 4],
          },
        ],
      },
      {
        section: ["section", "二、", "教育教学"],
        tasks: [
          {
            title: "深化课程改革",
            measures: ["推进课堂改革"],
            owners: { lead: ["教研室"], co: [] },
            deadline: null,
            milestones: [],
            rows: [6],
          },
        ],
      },
    ]);
  });

  it("keeps a pasted heading line without tabs inside the table, as a section", () => {
    const pasted =
      "序号\t重点任务\t完成时限\n一、党的建设\n1\t加强学习\t2024年5月\n二、教育教学\n2\t深化改革\t2024年9月";
    const d = parsePlan(pasted);
    expect(d.nodes.map((s) => [s.label, s.title, s.children.map((t) => t.title)])).toEqual([
      ["一、", "党的建设", ["加强学习"]],
      ["二、", "教育教学", ["深化改革"]],
    ]);
  });

  it("reports a merge that reaches outside the table, naming table, row and column", () => {
    const bad = parsePlan("序号\t重点任务\t完成时限\n1\t加强学习\t2024年5月", {
      tables: [
        {
          name: "表1",
          kind: "table",
          rows: [
            { line: 0, row: 1, merged: ["up", null, null] },
            { line: 1, row: 2 },
          ],
        },
      ],
    });
    expect(bad.warnings).toContain("表1第1行第1列：合并单元格超出表格边界，已按独立单元格读取");
  });

  it("joins a table continued after a page break with its header repeated", () => {
    const two =
      "序号\t重点任务\t完成时限\n1\t加强学习\t2024年5月\n\n序号\t重点任务\t完成时限\n\t加强研讨\t2024年6月";
    const d = parsePlan(two, {
      tables: [
        {
          name: "表1",
          kind: "table",
          rows: [
            { line: 0, row: 1 },
            { line: 1, row: 2 },
          ],
        },
        {
          name: "表2",
          kind: "table",
          rows: [
            { line: 3, row: 1 },
            { line: 4, row: 2, merged: ["up", null, null] },
          ],
        },
      ],
    });
    expect(d.nodes.map((n) => [n.title, n.sources?.rows.map((r) => `${r.table}:${r.row}`)])).toEqual([
      ["加强学习", ["表1:2"]],
      ["加强研讨", ["表2:2"]],
    ]);
  });
});

describe("bad tables", () => {
  const sheet = (rows: string[], name = "任务"): PlanLayout => ({
    tables: [{ name, kind: "sheet", rows: rows.map((_, i) => ({ line: i, row: i + 1 })) }],
  });

  it("names a sheet without a recognisable header row", () => {
    const rows = ["甲\t乙\t丙", "1\t2\t3"];
    const d = parsePlan(rows.join("\n"), sheet(rows));
    expect(d.nodes).toEqual([]);
    expect(d.warnings).toContain(
      "工作表“任务”中未找到表头行（应有“重点任务”“牵头单位”“完成时限”等列名），已跳过",
    );
  });

  it("names an empty sheet and a sheet with only its header", () => {
    const rows = ["序号\t重点任务\t牵头单位"];
    const d = parsePlan(rows.join("\n"), {
      tables: [
        { name: "空表", kind: "sheet", rows: [] },
        { name: "任务", kind: "sheet", rows: [{ line: 0, row: 1 }] },
      ],
    });
    expect(d.warnings.slice(0, 2)).toEqual([
      "工作表“空表”是空的，已跳过",
      "工作表“任务”只有表头，没有任务行",
    ]);
  });

  it("names a measure row with no task above it", () => {
    const rows = ["序号\t重点任务\t具体措施", "\t\t开展培训", "1\t加强学习\t集中学习"];
    const d = parsePlan(rows.join("\n"), sheet(rows));
    expect(d.warnings).toContain(
      "工作表“任务”第2行：任务列为空，但上方没有可归属的任务（请检查合并单元格），该行未读入",
    );
    expect(d.nodes.map((n) => n.title)).toEqual(["加强学习"]);
  });
});

describe("a prose plan with an attached 分解表", () => {
  const text = [
    "某县教育局2023年工作要点",
    "一、加强党的建设",
    "1.加强理论学习。组织专题学习。",
    "2.严明工作纪律。开展警示教育。（责任科室：纪检组）",
    "二、提升教育质量",
    "3.深化课程改革。推进课堂教学改革。",
    "附件：",
    "重点任务分解表",
    "序号\t重点任务\t牵头单位\t配合单位\t完成时限",
    "1\t加强理论学习\t组织科\t宣传科\t2023年6月",
    "3\t深化课程教学改革\t教研室\t\t2023年12月底前",
    "9\t另一项任务\t办公室\t\t2023年3月",
  ].join("\n");
  const draft = parsePlan(text);

  it("gives matched prose tasks the table's owners and deadlines and records where each came from", () => {
    const tasks = draft.nodes.flatMap((s) => s.children);
    expect(tasks.map((t) => [t.number, t.title, t.owners, t.deadline, t.sources])).toEqual([
      [
        1,
        "加强理论学习",
        { lead: ["组织科"], co: ["宣传科"] },
        "2023-06",
        {
          rows: [{ table: "表1", row: 2, span: lineOf(text, "1\t加强理论学习") }],
          owners: { from: "table", table: "表1", row: 2, span: lineOf(text, "1\t加强理论学习") },
          deadline: { from: "table", table: "表1", row: 2, span: lineOf(text, "1\t加强理论学习") },
        },
      ],
      [
        2,
        "严明工作纪律",
        { lead: ["纪检组"], co: [] },
        null,
        { rows: [], owners: { from: "text", span: tasks[1]!.span }, deadline: null },
      ],
      [
        3,
        "深化课程改革",
        { lead: ["教研室"], co: [] },
        "2023-12-31",
        {
          rows: [{ table: "表1", row: 3, span: lineOf(text, "深化课程教学改革") }],
          owners: { from: "table", table: "表1", row: 3, span: lineOf(text, "深化课程教学改革") },
          deadline: { from: "table", table: "表1", row: 3, span: lineOf(text, "深化课程教学改革") },
        },
      ],
    ]);
    // The attachment heading and the table stay out of the last prose task.
    expect(tasks[2]!.text).toBe("深化课程改革。推进课堂教学改革。");
    expect(draft.warnings).toEqual([
      "附件表1第4行“另一项任务”未能对应正文中的任务，其责任单位和完成时限未采用",
    ]);
    expect(draftProblems(text, draft)).toEqual([]);
  });

  it("matches titles by their shared characters", () => {
    expect(similarity("深化课程改革", "深化课程教学改革")).toBeGreaterThan(0.5);
    expect(similarity("加强理论学习", "另一项任务")).toBe(0);
  });
});
