import { describe, expect, it } from "vitest";
import type { AssessmentCategory, AssessmentScheme } from "../assessment/types.js";
import {
  type AssessmentResultLine,
  assessmentNoticeTitle,
  draftAssessmentNotice,
  gradeText,
  pointsText,
  resultsByCategory,
} from "./assessment-notice.js";

const bands: AssessmentCategory["bands"] = [
  { grade: "优秀", min: 90, quotaPercent: 30 },
  { grade: "合格", min: 60 },
  { grade: "不合格", min: 0 },
];
const scheme: AssessmentScheme = {
  total: 100,
  appealDays: 5,
  categories: [
    {
      key: "primary",
      label: "小学",
      unitKind: "school",
      schoolTypes: ["primary"],
      items: [
        {
          key: "tasks",
          label: "任务完成",
          kind: "task_completion",
          points: 70,
          redPenalty: 2,
          yellowPenalty: 1,
        },
        { key: "rect", label: "整改落实", kind: "rectification", points: 30 },
        { key: "veto", label: "师德失范", kind: "veto", points: 0 },
      ],
      bands,
      tieBreaks: [],
    },
    {
      key: "middle",
      label: "初中",
      unitKind: "school",
      schoolTypes: ["junior"],
      items: [
        {
          key: "tasks",
          label: "任务完成",
          kind: "task_completion",
          points: 100,
          redPenalty: 2,
          yellowPenalty: 1,
        },
      ],
      bands,
      tieBreaks: ["fewer_missing_reports", "fewer_notices"],
    },
  ],
};
const line = (
  unitName: string,
  category: string,
  rank: number,
  total: number,
  grade: string,
  vetoed = false,
) => ({ unitName, category, rank, total, grade, vetoed, gradeNote: null }) satisfies AssessmentResultLine;
const results = [
  line("实验小学", "primary", 2, 88.25, "合格"),
  line("第一初中", "middle", 1, 70, "合格"),
  line("红旗小学", "primary", 1, 96.5, "优秀"),
  line("育才小学", "primary", 3, 91, "不合格", true),
];
const blocks = draftAssessmentNotice({
  planTitle: "某局2024年工作要点",
  year: 2024,
  asOf: "2024-12-31",
  scheme,
  results,
});
const texts = blocks.map((b) => (b.kind === "table" ? b.rows.map((r) => r.join("|")).join("/") : b.text));

describe("the 考评结果通报's body", () => {
  it("prints points with at most two decimals and no trailing zeros", () => {
    expect([90, 87.5, 88.25, 0.1 + 0.2, -2.5].map(pointsText)).toEqual([
      "90",
      "87.5",
      "88.25",
      "0.3",
      "-2.5",
    ]);
  });

  it("titles the 通报 with the year and the plan", () => {
    expect(assessmentNoticeTitle({ planTitle: "某局2024年工作要点", year: 2024 })).toBe(
      "关于2024年度某局2024年工作要点考评结果的通报",
    );
  });

  it("states the tie-break as the unit order alone when the category has no rule, and lists the rules in order", () => {
    expect(texts).toContain(
      "等次：优秀（90分及以上，不超过本类单位的30%）、合格（60分及以上）、不合格（60分以下）。" +
        "总分相同的，按单位编码（无编码的按名称）排序。",
    );
    expect(texts).toContain(
      "等次：优秀（90分及以上，不超过本类单位的30%）、合格（60分及以上）、不合格（60分以下）。" +
        "总分相同的，依次按缺报少者在前、被督办次数少者在前排序，仍相同的按单位编码（无编码的按名称）排序。",
    );
    expect(texts).toContain("考评项目：任务完成70分、整改落实30分、一票否决（师德失范）。");
  });

  it("tabulates each category by rank, marks a veto, and names only unvetoed units of the top grade", () => {
    expect(texts).toContain("1|红旗小学|96.5|优秀/2|实验小学|88.25|合格/3|育才小学|91|不合格（一票否决）");
    expect(texts).toContain("小学获评“优秀”等次的单位（1个）：红旗小学。");
    expect(texts.some((t) => t.startsWith("初中获评"))).toBe(false);
    expect(texts.filter((t) => /^[一二三四]、/.test(t))).toEqual([
      "一、考评依据和方法",
      "二、考评结果",
      "三、先进单位",
    ]);
  });

  it("says a category without units has none, and that nobody reached the top grade when so", () => {
    const none = draftAssessmentNotice({
      planTitle: "某局",
      year: 2024,
      asOf: "2024-12-31",
      scheme,
      results: [],
    });
    const paragraphs = none.flatMap((b) => (b.kind === "paragraph" ? [b.text] : []));
    expect(paragraphs.filter((t) => t === "本类无参评单位。")).toHaveLength(2);
    expect(paragraphs).toContain("本年度没有单位获评最高等次。");
  });

  it("groups lines by the scheme's categories, leaving out a category the scheme no longer has", () => {
    const grouped = resultsByCategory(scheme, [...results, line("旧类单位", "gone", 1, 80, "合格")]);
    expect(grouped.map((g) => [g.category.key, g.lines.map((l) => l.unitName)])).toEqual([
      ["primary", ["红旗小学", "实验小学", "育才小学"]],
      ["middle", ["第一初中"]],
    ]);
  });

  it("writes the grade cell with the veto that set it", () => {
    expect(gradeText({ grade: "不合格", vetoed: true, gradeNote: null })).toBe("不合格（一票否决）");
    expect(gradeText({ grade: "合格", vetoed: false, gradeNote: "优秀名额已满" })).toBe("合格");
  });
});
