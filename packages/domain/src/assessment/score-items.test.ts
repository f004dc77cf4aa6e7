import { describe, expect, it } from "vitest";
import { defaultAssessmentScheme } from "./default-scheme.js";
import { scoreAssessment } from "./score.js";
import { factHundredths, itemOf, school } from "./test-fixtures/units.js";
import type { AssessmentAdjustment, AssessmentScheme, UnitAssessmentFacts } from "./types.js";

const asOf = "2023-12-20";
const scoreOne = (
  unit: UnitAssessmentFacts,
  scheme: AssessmentScheme = defaultAssessmentScheme(),
  adjustments: AssessmentAdjustment[] = [],
) => scoreAssessment(scheme, { asOf, units: [unit] }, adjustments)[0];

/** The default scheme with one item's parameters changed in every category. */
function withItem(key: string, change: Record<string, unknown>): AssessmentScheme {
  const scheme = defaultAssessmentScheme();
  for (const category of scheme.categories)
    category.items = category.items.map((item) =>
      item.key === key ? ({ ...item, ...change } as typeof item) : item,
    );
  return scheme;
}

const assignment = (
  id: string,
  weight: number,
  progress: number,
  light: "green" | "yellow" | "red" | "grey",
) => ({
  assignmentId: id,
  taskId: `t-${id}`,
  taskTitle: `标题${id}`,
  weight,
  progress,
  light,
});

describe("任务完成", () => {
  it("takes the weighted mean progress of the item's points, less 2 per red and 1 per yellow assignment", () => {
    // (2×80 + 1×100 + 1×50) / 4 = 77.5 % → 40 × 77.5 % = 31; − 2 (red) − 1 (yellow) = 28.
    const result = scoreOne(
      school("s1", {
        assignments: [
          { ...assignment("a1", 2, 80, "red"), taskCode: "3" },
          assignment("a2", 1, 100, "green"),
          assignment("a3", 1, 50, "yellow"),
        ],
      }),
    );
    const item = itemOf(result, "tasks");
    expect(item.points).toBe(28);
    expect(item.facts).toEqual([
      { text: "3 项任务加权平均进度 77.5%，40 × 77.5% = 31 分", points: 31 },
      {
        text: "任务 3「标题a1」进度 80%，权重 2，红灯（−2 分）",
        points: -2,
        link: { kind: "assignment", id: "a1" },
      },
      { text: "任务「标题a2」进度 100%，权重 1，绿灯", link: { kind: "assignment", id: "a2" } },
      {
        text: "任务「标题a3」进度 50%，权重 1，黄灯（−1 分）",
        points: -1,
        link: { kind: "assignment", id: "a3" },
      },
    ]);
  });

  it("rounds the weighted mean to hundredths of a point", () => {
    // (1×100 + 2×0) / 3 = 33.33… % → 40 × 1/3 = 13.333… → 13.33.
    const result = scoreOne(
      school("s1", { assignments: [assignment("a1", 1, 100, "green"), assignment("a2", 2, 0, "grey")] }),
    );
    expect(itemOf(result, "tasks").points).toBe(13.33);
  });

  it("stops at 0 when the penalties exceed the progress points, and says so", () => {
    // 40 × 5 % = 2; three reds take 6; the floor gives back 4.
    const result = scoreOne(
      school("s1", { assignments: ["a1", "a2", "a3"].map((id) => assignment(id, 1, 5, "red")) }),
    );
    const item = itemOf(result, "tasks");
    expect(item.points).toBe(0);
    expect(item.facts.at(-1)).toEqual({ text: "扣分以本项分值为限，本项计 0 分（+4 分）", points: 4 });
    expect(factHundredths(item.facts)).toBe(0);
  });

  it("gives full points to a unit without assignments", () => {
    const item = itemOf(scoreOne(school("s1")), "tasks");
    expect(item).toMatchObject({ points: 40, maxPoints: 40 });
    expect(item.facts).toEqual([{ text: "本年度无交办任务，得满分 40 分", points: 40 }]);
  });
});

const report = (cycleName: string, dueDate: string, submittedOn?: string) => ({
  assignmentId: "a1",
  cycleName,
  dueDate,
  ...(submittedOn ? { reportId: `r-${cycleName}`, submittedOn } : {}),
});

describe("报送纪律", () => {
  const reports = [
    report("1月", "2023-01-31", "2023-01-31"),
    report("2月", "2023-02-28", "2023-02-20"),
    report("3月", "2023-03-31", "2023-04-03"),
    report("4月", "2023-04-30", "2023-05-01"),
    report("5月", "2023-05-31"),
  ];

  it("takes 1 per missing report and half of that per late one (lateCredit 0.5); the due day is on time", () => {
    // 20 − 0.5 − 0.5 − 1 = 18.
    const item = itemOf(scoreOne(school("s1", { reports })), "reporting");
    expect(item.points).toBe(18);
    expect(item.facts).toEqual([
      { text: "基础分 20 分", points: 20 },
      { text: "应报 5 次：按时 2 次，迟报 2 次，缺报 1 次" },
      {
        text: "「3月」迟报 3 天（2023-03-31 截止）（−0.5 分）",
        points: -0.5,
        link: { kind: "report", id: "r-3月" },
      },
      {
        text: "「4月」迟报 1 天（2023-04-30 截止）（−0.5 分）",
        points: -0.5,
        link: { kind: "report", id: "r-4月" },
      },
      { text: "「5月」缺报（2023-05-31 截止）（−1 分）", points: -1 },
    ]);
  });

  it("scales the late deduction by lateCredit and the missing one by missingPenalty", () => {
    // A late report loses 2 × (1 − 0.25) = 1.5: 20 − 1.5 − 1.5 − 2 = 15.
    const scheme = withItem("reporting", { lateCredit: 0.25, missingPenalty: 2 });
    expect(itemOf(scoreOne(school("s1", { reports }), scheme), "reporting").points).toBe(15);
  });

  it("takes 1 per missing report when the item does not say", () => {
    const scheme = withItem("reporting", { missingPenalty: undefined });
    expect(itemOf(scoreOne(school("s1", { reports }), scheme), "reporting").points).toBe(18);
  });

  it("stops at 0", () => {
    const many = Array.from({ length: 23 }, (_, i) => report(`第${i + 1}期`, "2023-06-30"));
    const item = itemOf(scoreOne(school("s1", { reports: many })), "reporting");
    expect(item.points).toBe(0);
    expect(item.facts.at(-1)).toEqual({ text: "扣分以本项分值为限，本项计 0 分（+3 分）", points: 3 });
  });

  it("gives full points when no report was due", () => {
    expect(itemOf(scoreOne(school("s1")), "reporting").facts).toEqual([
      { text: "本年度无应报反馈，得满分 20 分", points: 20 },
    ]);
  });
});

describe("督办响应", () => {
  const notice = (code: string, level: "blue" | "yellow" | "red", replyDue: string, more = {}) => ({
    noticeId: `n-${code}`,
    code,
    level,
    replyDue,
    acceptedAtFirstReply: true,
    ...more,
  });

  it("takes points by colour, for a late or missing reply past its day, and for a returned reply", () => {
    // 15 − (4 + 1 late + 1 returned) − 1 (blue, on time) − (2 + 1 unanswered past its day) − 2 (yellow, not yet due)
    // = 3.
    const notices = [
      notice("DB-1", "red", "2023-05-10", { firstRepliedOn: "2023-05-12", acceptedAtFirstReply: false }),
      notice("DB-2", "blue", "2023-06-10", { firstRepliedOn: "2023-06-10" }),
      notice("DB-3", "yellow", "2023-12-19"),
      notice("DB-4", "yellow", "2023-12-20"),
    ];
    const item = itemOf(scoreOne(school("s1", { notices })), "supervision");
    expect(item.points).toBe(3);
    expect(item.facts.map((f) => [f.text, f.points])).toEqual([
      ["基础分 15 分", 15],
      ["收到红色督办单 DB-1（−4 分）", -4],
      ["督办单 DB-1 逾期回复（2023-05-10 截止，2023-05-12 回复）（−1 分）", -1],
      ["督办单 DB-1 回复被退回重办（−1 分）", -1],
      ["收到蓝色督办单 DB-2（−1 分）", -1],
      ["收到黄色督办单 DB-3（−2 分）", -2],
      ["督办单 DB-3 逾期未回复（2023-12-19 截止）（−1 分）", -1],
      ["收到黄色督办单 DB-4（−2 分）", -2],
    ]);
    expect(item.facts[1]?.link).toEqual({ kind: "notice", id: "n-DB-1" });
  });

  it("stops at 0", () => {
    // Four unanswered reds past their day take 4 × 5 = 20 > 15.
    const notices = ["A", "B", "C", "D"].map((c) => notice(c, "red", "2023-03-01"));
    const item = itemOf(scoreOne(school("s1", { notices })), "supervision");
    expect(item.points).toBe(0);
    expect(item.facts.at(-1)).toEqual({ text: "扣分以本项分值为限，本项计 0 分（+5 分）", points: 5 });
  });

  it("gives full points to a unit that received no 督办单", () => {
    expect(itemOf(scoreOne(school("s1")), "supervision").facts).toEqual([
      { text: "本年度未收到督办单，得满分 15 分", points: 15 },
    ]);
  });
});

describe("整改落实 and 指标达成", () => {
  it("scores the share of 整改 items closed by their due day", () => {
    // 10 × 1/3 = 3.33.
    const rectifications = [
      { rectificationId: "x1", title: "食堂台账", dueDate: "2023-06-30", closedOn: "2023-06-30" },
      { rectificationId: "x2", title: "消防通道", dueDate: "2023-06-30", closedOn: "2023-07-02" },
      { rectificationId: "x3", title: "围墙加固", dueDate: "2023-09-30" },
    ];
    const item = itemOf(scoreOne(school("s1", { rectifications })), "rectification");
    expect(item.points).toBe(3.33);
    expect(item.facts).toEqual([
      { text: "到期整改 3 项，按期销号 1 项，10 × 1/3 = 3.33 分", points: 3.33 },
      { text: "「食堂台账」按期销号（2023-06-30）", link: { kind: "rectification", id: "x1" } },
      {
        text: "「消防通道」逾期销号（2023-06-30 到期，2023-07-02 销号）",
        link: { kind: "rectification", id: "x2" },
      },
      { text: "「围墙加固」未销号（2023-09-30 到期）", link: { kind: "rectification", id: "x3" } },
    ]);
  });

  it("scores the share of the unit's own targets met", () => {
    // 15 × 3/4 = 11.25.
    const indicators = [true, true, false, true].map((met, i) => ({
      indicatorId: `i${i}`,
      name: `指标${i}`,
      met,
      detail: met ? "实际 52%，目标 ≥ 50%" : "实际 48%，目标 ≥ 50%",
    }));
    const item = itemOf(scoreOne(school("s1", { indicators })), "indicators");
    expect(item.points).toBe(11.25);
    expect(item.facts[3]).toEqual({
      text: "「指标2」未达标：实际 48%，目标 ≥ 50%",
      link: { kind: "indicator", id: "i2" },
    });
  });

  it("gives full points when there is nothing to look at", () => {
    const result = scoreOne(school("s1"));
    expect(itemOf(result, "rectification").facts).toEqual([
      { text: "本年度无到期整改事项，得满分 10 分", points: 10 },
    ]);
    expect(itemOf(result, "indicators").facts).toEqual([
      { text: "本单位无单独考核的指标，得满分 15 分", points: 15 },
    ]);
    expect(result?.total).toBe(100);
  });
});

describe("加减分 and adjustments", () => {
  const entry = (entryId: string, points: number, reason: string, itemKey = "bonus") => ({
    entryId,
    itemKey,
    points,
    reason,
  });
  const adjustment = (points: number, itemKey: string, source: "review" | "appeal" = "review") => ({
    id: `adj-${itemKey}-${points}`,
    unitId: "s1",
    itemKey,
    points,
    reason: "核实后调整",
    source,
  });

  it("sums the entries and caps them at +5", () => {
    const item = itemOf(
      scoreOne(school("s1", { entries: [entry("e1", 2, "市级表彰"), entry("e2", 4, "省级表彰")] })),
      "bonus",
    );
    expect(item.points).toBe(5);
    expect(item.facts).toEqual([
      { text: "加分：市级表彰（+2 分）", points: 2, link: { kind: "entry", id: "e1" } },
      { text: "加分：省级表彰（+4 分）", points: 4, link: { kind: "entry", id: "e2" } },
      { text: "本项最高 5 分（−1 分）", points: -1 },
    ]);
  });

  it("caps the deductions at −10, and the total counts them", () => {
    const result = scoreOne(
      school("s1", { entries: [entry("e1", -8, "安全事故"), entry("e2", -5, "信访")] }),
    );
    const item = itemOf(result, "bonus");
    expect(item.points).toBe(-10);
    expect(item.facts.at(-1)).toEqual({ text: "本项最低 −10 分（+3 分）", points: 3 });
    expect(result?.total).toBe(90);
  });

  it("adds an adjustment to a manual item before the caps", () => {
    const result = scoreOne(school("s1", { entries: [entry("e1", 3, "市级表彰")] }), undefined, [
      adjustment(3, "bonus", "appeal"),
    ]);
    const item = itemOf(result, "bonus");
    expect(item.points).toBe(5);
    expect(item.facts.map((f) => f.text)).toEqual([
      "加分：市级表彰（+3 分）",
      "申诉采纳：核实后调整（+3 分）",
      "本项最高 5 分（−1 分）",
    ]);
  });

  it("clamps an adjusted scored item to [0, its points]", () => {
    const up = scoreOne(school("s1"), undefined, [adjustment(3, "tasks")]);
    expect(itemOf(up, "tasks").points).toBe(40);
    expect(itemOf(up, "tasks").facts.at(-1)).toEqual({ text: "本项最高 40 分（−3 分）", points: -3 });
    const down = scoreOne(school("s1"), undefined, [adjustment(-12.5, "rectification")]);
    expect(itemOf(down, "rectification").points).toBe(0);
    expect(itemOf(down, "rectification").facts.slice(1)).toEqual([
      { text: "复核调整：核实后调整（−12.5 分）", points: -12.5 },
      { text: "本项最低 0 分（+2.5 分）", points: 2.5 },
    ]);
    expect(down?.total).toBe(90);
  });

  it("ignores adjustments of another unit or an unknown item", () => {
    const other = { ...adjustment(-5, "tasks"), unitId: "s2" };
    expect(scoreOne(school("s1"), undefined, [other, adjustment(-5, "nope")])?.total).toBe(100);
  });
});
