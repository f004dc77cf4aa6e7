import { describe, expect, it } from "vitest";
import type { Indicator } from "../schemas/plans.js";
import {
  annualSummaryTitle,
  completionByUnit,
  draftAnnualSummary,
  indicatorResultText,
  type SummaryNode,
  type SummaryReport,
} from "./draft-summary.js";

const report = (
  unitId: string,
  unitName: string,
  doneText: string,
  reviewedAt: string,
  problemsText = "",
): SummaryReport => ({
  nodeId: "task",
  unitId,
  unitName,
  doneText,
  problemsText,
  reviewedAt,
});

describe("a task's completion per unit", () => {
  const reports = [
    report("a", "甲园", "完成选址。", "2023-04-20T02:00:00.000Z", "资金未到位。"),
    report("b", "乙园", "新增学位60个。", "2023-06-10T02:00:00.000Z"),
    report("a", "甲园", "开工建设。", "2023-05-20T02:00:00.000Z"),
    report("a", "甲园", " 开工建设。 ", "2023-06-20T02:00:00.000Z", "装修滞后。"),
    report("lead", "学前教育科", "统筹推进。", "2023-03-01T02:00:00.000Z"),
  ];

  it("puts the lead unit first, then the unit whose latest report is newest, each newest first and repeated once", () => {
    expect(completionByUnit(reports, "lead")).toEqual([
      { unitName: "学前教育科", done: ["统筹推进。"], problems: "" },
      { unitName: "甲园", done: ["开工建设。", "完成选址。"], problems: "装修滞后。" },
      { unitName: "乙园", done: ["新增学位60个。"], problems: "" },
    ]);
  });

  it("orders the same whatever order the reports come in", () => {
    expect(completionByUnit([...reports].reverse(), "lead")).toEqual(completionByUnit(reports, "lead"));
  });

  it("keeps the problems the unit reported last, not an older one since solved", () => {
    const solved = [...reports, report("b", "乙园", "新增学位60个。", "2023-06-30T02:00:00.000Z")];
    expect(completionByUnit(solved, null).map((u) => [u.unitName, u.problems])).toEqual([
      ["乙园", ""],
      ["甲园", "装修滞后。"],
      ["学前教育科", ""],
    ]);
  });
});

const indicator = (over: Partial<Indicator>): Indicator => ({
  id: "i",
  name: "公办园占比",
  comparator: "gte",
  targetValue: 50,
  targetMax: null,
  unit: "%",
  deadline: null,
  hedge: null,
  aggregation: "average",
  sourceText: null,
  actual: 51.5,
  coverage: { reported: 2, expected: 2 },
  status: "met",
  ...over,
});

describe("an indicator against its target", () => {
  it("gives the target, the value with who reported it, and the status", () => {
    expect(indicatorResultText(indicator({}))).toBe("公办园占比：目标≥50%，当前51.5%（已报 2/2），已达成。");
    expect(
      indicatorResultText(
        indicator({
          comparator: "range",
          targetValue: 80,
          targetMax: 90,
          actual: 70,
          status: "at_risk",
          coverage: { reported: 0, expected: 0 },
        }),
      ),
    ).toBe("公办园占比：目标80–90%，当前70%，有风险。");
  });

  it("says there is no data yet rather than a status of nothing", () => {
    expect(indicatorResultText(indicator({ actual: null, status: "no_data" }))).toBe(
      "公办园占比：目标≥50%，暂无数据。",
    );
  });
});

describe("the 年度工作总结 draft", () => {
  const node = (
    id: string,
    level: SummaryNode["level"],
    label: string,
    title: string,
    children: SummaryNode[] = [],
  ): SummaryNode => ({
    id,
    level,
    label,
    title,
    leadUnit: null,
    indicators: [],
    children,
  });
  const nodes = [
    node("s", "section", "一、", "加强党的建设", [
      node("sub", "subsection", "（一）", "从严治党", [node("task", "task", "1.", "落实主体责任")]),
    ]),
  ];
  const blocks = draftAnnualSummary({
    planTitle: "某局2023年工作要点",
    issuer: "某局",
    year: 2023,
    nodes,
    reports: [report("a", "甲科", "召开专题会议。", "2023-05-01T00:00:00.000Z")],
    notices: [],
    rectifications: [{ nodeId: "task", unitName: "甲科", problem: "台账不全", deadline: "2023-08-31" }],
  });

  it("is titled 初稿, and follows the plan's levels with its own numbers", () => {
    expect(annualSummaryTitle({ issuer: "某局", year: 2023 })).toBe("某局2023年度工作总结（初稿）");
    expect(blocks.filter((b) => b.kind === "heading")).toEqual([
      { kind: "heading", level: 1, text: "一、加强党的建设" },
      { kind: "heading", level: 2, text: "（一）从严治党" },
      { kind: "heading", level: 3, text: "1.落实主体责任" },
    ]);
  });

  it("puts the task's reports and open 整改 under it", () => {
    expect(blocks.slice(-5).map((b) => (b.kind === "table" ? "" : b.text))).toEqual([
      "1.落实主体责任",
      "完成情况：",
      "甲科：召开专题会议。",
      "存在问题：",
      "整改未销号：甲科，台账不全（整改期限2023-08-31）",
    ]);
  });
});
