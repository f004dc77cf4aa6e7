import { describe, expect, it } from "vitest";
import { defaultAssessmentScheme } from "../assessment/default-scheme.js";
import type { AssessmentCategory, AssessmentItem, AssessmentScheme } from "../assessment/types.js";
import { assessmentSchemeSchema } from "./assessment.js";

/** The issues (path and message) of the default scheme after a change; [] when it parses. */
function issuesAfter(change: (scheme: AssessmentScheme, primary: AssessmentCategory) => void) {
  const scheme = defaultAssessmentScheme();
  change(scheme, scheme.categories[2] as AssessmentCategory);
  const parsed = assessmentSchemeSchema.safeParse(scheme);
  return parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({ path: issue.path, message: issue.message }));
}
/** The primary category's item at `index`, typed loosely so a test can set any field. */
const item = (category: AssessmentCategory, index: number) =>
  category.items[index] as AssessmentItem & Record<string, unknown>;
const at = (...path: (string | number)[]) => ["categories", 2, ...path];

describe("assessmentSchemeSchema", () => {
  it("takes the default scheme", () => {
    expect(issuesAfter(() => {})).toEqual([]);
  });

  it("names the items when their points do not add up to the total", () => {
    expect(issuesAfter((_, c) => (item(c, 0).points = 45))).toEqual([
      { path: at("items"), message: "各考评项分值合计为 105 分，应等于总分 100 分" },
    ]);
    expect(issuesAfter((s) => (s.total = 120))[0]).toEqual({
      path: ["categories", 0, "items"],
      message: "各考评项分值合计为 100 分，应等于总分 120 分",
    });
  });

  it("refuses a negative weight even when the sum is right, and weights finer than hundredths", () => {
    expect(
      issuesAfter((_, c) => {
        item(c, 0).points = 70;
        item(c, 1).points = -10;
      }),
    ).toEqual([{ path: at("items", 1, "points"), message: "分值不能为负数" }]);
    expect(
      issuesAfter((_, c) => {
        item(c, 0).points = 40.005;
        item(c, 1).points = 19.995;
      }),
    ).toEqual([
      { path: at("items", 0, "points"), message: "分值最多保留两位小数" },
      { path: at("items", 1, "points"), message: "分值最多保留两位小数" },
      // Rounded to hundredths (half up) they add up to 40.01 + 20.
      { path: at("items"), message: "各考评项分值合计为 100.01 分，应等于总分 100 分" },
    ]);
  });

  it("refuses points on a manual or veto item", () => {
    expect(issuesAfter((_, c) => (item(c, 6).points = 5))).toEqual([
      { path: at("items", 6, "points"), message: "加减分项和一票否决项不计入总分，分值应为 0" },
    ]);
  });

  it("refuses negative caps and penalties, naming each field", () => {
    expect(
      issuesAfter((_, c) => {
        item(c, 0).redPenalty = -1;
        item(c, 0).yellowPenalty = -1;
        item(c, 1).missingPenalty = -1;
        item(c, 2).levelPenalty = { blue: -1, yellow: 2, red: 4 };
        item(c, 2).lateReplyPenalty = -1;
        item(c, 2).notFirstTimePenalty = -1;
        item(c, 5).maxBonus = -1;
        item(c, 5).maxDeduction = -10;
      }),
    ).toEqual([
      { path: at("items", 0, "redPenalty"), message: "红灯扣分不能为负数" },
      { path: at("items", 0, "yellowPenalty"), message: "黄灯扣分不能为负数" },
      { path: at("items", 1, "missingPenalty"), message: "缺报扣分不能为负数" },
      { path: at("items", 2, "levelPenalty", "blue"), message: "督办扣分不能为负数" },
      { path: at("items", 2, "lateReplyPenalty"), message: "逾期回复扣分不能为负数" },
      { path: at("items", 2, "notFirstTimePenalty"), message: "退回重办扣分不能为负数" },
      { path: at("items", 5, "maxBonus"), message: "加分上限不能为负数" },
      { path: at("items", 5, "maxDeduction"), message: "扣分上限不能为负数" },
    ]);
  });

  it("keeps lateCredit within 0–1", () => {
    expect(issuesAfter((_, c) => (item(c, 1).lateCredit = 1.5))).toEqual([
      { path: at("items", 1, "lateCredit"), message: "迟报得分比例应在 0 到 1 之间" },
    ]);
  });

  it("refuses bands that overlap, leave a gap at the bottom or reach above the total", () => {
    expect(issuesAfter((_, c) => ((c.bands[1] as { min: number }).min = 90))).toEqual([
      { path: at("bands", 1, "min"), message: "等次“良好”的分数线应低于“优秀”" },
    ]);
    expect(issuesAfter((_, c) => ((c.bands[3] as { min: number }).min = 10))).toEqual([
      { path: at("bands", 3, "min"), message: "最低等次的分数线应为 0，不留空档" },
    ]);
    expect(issuesAfter((_, c) => ((c.bands[0] as { min: number }).min = 101))).toEqual([
      { path: at("bands", 0, "min"), message: "等次“优秀”的分数线不能高于总分 100 分" },
    ]);
    expect(issuesAfter((_, c) => ((c.bands[2] as { min: number }).min = 60.125))).toEqual([
      { path: at("bands", 2, "min"), message: "分数线最多保留两位小数" },
    ]);
  });

  it("refuses a quota over 100 % or under 0 %, and a quota on the lowest band", () => {
    expect(issuesAfter((_, c) => ((c.bands[0] as { quotaPercent?: number }).quotaPercent = 120))).toEqual([
      { path: at("bands", 0, "quotaPercent"), message: "比例上限应在 0% 到 100% 之间" },
    ]);
    expect(issuesAfter((_, c) => ((c.bands[1] as { quotaPercent?: number }).quotaPercent = -5))).toEqual([
      { path: at("bands", 1, "quotaPercent"), message: "比例上限应在 0% 到 100% 之间" },
    ]);
    expect(issuesAfter((_, c) => ((c.bands[3] as { quotaPercent?: number }).quotaPercent = 50))).toEqual([
      { path: at("bands", 3, "quotaPercent"), message: "最低等次不设比例上限" },
    ]);
  });

  it("refuses duplicate keys, grades and tie-breaks", () => {
    expect(
      issuesAfter((s, c) => {
        item(c, 1).key = "tasks";
        (c.bands[1] as { grade: string }).grade = "优秀";
        c.tieBreaks = ["fewer_red", "fewer_red"];
        (s.categories[3] as AssessmentCategory).key = "primary";
      }),
    ).toEqual([
      { path: at("items", 1, "key"), message: "考评项代码“tasks”重复" },
      { path: at("bands"), message: "等次名称不能重复" },
      { path: at("tieBreaks"), message: "并列排序规则不能重复" },
      { path: ["categories", 3, "key"], message: "类别代码“primary”重复" },
    ]);
  });

  it("puts each school type in one category and the departments in one", () => {
    expect(issuesAfter((_, c) => (c.schoolTypes = ["primary", "junior"]))).toEqual([
      { path: ["categories", 3, "schoolTypes"], message: "该学校类型已属于类别“小学”" },
    ]);
    expect(issuesAfter((_, c) => (c.schoolTypes = []))).toEqual([
      { path: at("schoolTypes"), message: "学校类别请至少选择一种学校类型" },
    ]);
    expect(issuesAfter((_, c) => (c.unitKind = "department"))).toEqual([
      { path: at("unitKind"), message: "科室只能设一个考评类别" },
      { path: at("schoolTypes"), message: "科室类别不能选择学校类型" },
    ]);
  });

  it("answers the field-level shape errors in Chinese", () => {
    // The scheme's own checks run too: every category's items now miss the total.
    expect(issuesAfter((s) => (s.total = 2000))).toEqual([
      { path: ["total"], message: "总分不能超过 1000" },
      ...defaultAssessmentScheme().categories.map((_, i) => ({
        path: ["categories", i, "items"],
        message: "各考评项分值合计为 100 分，应等于总分 2000 分",
      })),
    ]);
    expect(issuesAfter((s) => (s.appealDays = 0))).toEqual([
      { path: ["appealDays"], message: "申诉期至少 1 天" },
    ]);
    expect(issuesAfter((_, c) => ((c.items[0] as { kind: string }).kind = "bonus"))).toEqual([
      {
        path: at("items", 0, "kind"),
        message:
          "考评项类型应为 task_completion / reporting / supervision / rectification / indicators / manual / veto 之一",
      },
    ]);
    expect(issuesAfter((_, c) => (c.bands = []))).toEqual([
      { path: at("bands"), message: "请至少设置一个等次" },
    ]);
    expect(issuesAfter((_, c) => (item(c, 0).label = ""))).toEqual([
      { path: at("items", 0, "label"), message: "请填写考评项名称" },
    ]);
  });
});
