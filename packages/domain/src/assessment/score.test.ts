import { describe, expect, it } from "vitest";
import { schoolTypes } from "../units.js";
import { defaultAssessmentScheme } from "./default-scheme.js";
import { categoryOf, scoreAssessment } from "./score.js";
import { school } from "./test-fixtures/units.js";
import type { AssessmentCategory, AssessmentScheme, UnitAssessmentFacts } from "./types.js";
import { schemeProblems } from "./validate.js";

const asOf = "2023-12-20";
const bonus = (points: number, reason = "调整") => ({
  entryId: `e-${points}-${reason}`,
  itemKey: "bonus",
  points,
  reason,
});
/** A primary school whose total is `100 − lost`: a 扣分 entry up to the −10 cap, then missing reports (1 each). */
const scored = (unitId: string, lost: number, more: Partial<UnitAssessmentFacts> = {}) =>
  school(unitId, {
    entries: lost ? [bonus(-Math.min(lost, 10))] : [],
    reports: Array.from({ length: Math.max(0, lost - 10) }, (_, i) => ({
      assignmentId: "a",
      cycleName: `第${i + 1}期`,
      dueDate: "2023-06-30",
    })),
    ...more,
  });
const rankOf = (units: UnitAssessmentFacts[], scheme: AssessmentScheme = defaultAssessmentScheme()) =>
  scoreAssessment(scheme, { asOf, units }).map((r) => [r.unitId, r.rank, r.total, r.grade, r.gradeNote]);

describe("defaultAssessmentScheme", () => {
  it("is a usable scheme: the items of every category add up to 100", () => {
    const scheme = defaultAssessmentScheme();
    expect(schemeProblems(scheme)).toEqual([]);
    expect(scheme).toMatchObject({ total: 100, appealDays: 5 });
    expect(scheme.categories.map((c) => c.label)).toEqual([
      "科室",
      "幼儿园",
      "小学",
      "初中",
      "高中",
      "职教",
      "特教",
      "其他学校",
    ]);
  });

  it("puts every school type in exactly one category", () => {
    const scheme = defaultAssessmentScheme();
    for (const type of schoolTypes)
      expect(scheme.categories.filter((c) => c.schoolTypes?.includes(type))).toHaveLength(1);
  });

  it("returns a fresh object each time", () => {
    const a = defaultAssessmentScheme();
    (a.categories[0] as AssessmentCategory).items = [];
    expect(defaultAssessmentScheme().categories[0]?.items).toHaveLength(7);
  });
});

describe("categoryOf", () => {
  const scheme = defaultAssessmentScheme();
  it("finds the category of a department and of a school by its type", () => {
    expect(categoryOf(scheme, { unitKind: "department" })?.label).toBe("科室");
    expect(categoryOf(scheme, { unitKind: "school", schoolType: "nine_year" })?.label).toBe("初中");
    expect(categoryOf(scheme, { unitKind: "school", schoolType: "teacher_school" })?.label).toBe("其他学校");
  });

  it("leaves out a school without a type and a kind no category takes", () => {
    expect(categoryOf(scheme, { unitKind: "school" })).toBeUndefined();
    const schoolsOnly = { ...scheme, categories: scheme.categories.slice(1) };
    expect(categoryOf(schoolsOnly, { unitKind: "department" })).toBeUndefined();
  });
});

describe("scoreAssessment ranking and grades", () => {
  it("lists categories in the scheme's order, then by rank, and leaves out units no category takes", () => {
    const units = [
      school("p1", { entries: [bonus(-3)] }),
      school("j1", { schoolType: "junior" }),
      school("d1", { unitKind: "department", schoolType: undefined }),
      school("p2"),
      school("x1", { schoolType: undefined }),
    ];
    const results = scoreAssessment(defaultAssessmentScheme(), { asOf, units });
    expect(results.map((r) => [r.category, r.unitId, r.rank, r.total])).toEqual([
      ["department", "d1", 1, 100],
      ["primary", "p2", 1, 100],
      ["primary", "p1", 2, 97],
      ["junior", "j1", 1, 100],
    ]);
  });

  it("grades by band: 优秀 ≥ 90, 良好 ≥ 80, 合格 ≥ 60, else 不合格", () => {
    // 10 units: the 优秀 quota is 3, which three totals ≥ 90 fill exactly.
    const scheme = defaultAssessmentScheme();
    const units = [0, 5, 10, 10.01, 20, 25, 40, 40.01, 45, 60].map((lost, i) =>
      lost <= 10
        ? scored(`u${i}`, lost)
        : school(`u${i}`, {
            entries: [bonus(-10)],
            // The rest lost on 任务完成: 40 × progress − 0 (green).
            assignments: [
              {
                assignmentId: "a",
                taskId: "t",
                taskTitle: "任务",
                weight: 1,
                progress: (100 * (40 - (lost - 10))) / 40,
                light: "green",
              },
            ],
          }),
    );
    expect(rankOf(units, scheme).map(([id, rank, total, grade]) => [id, rank, total, grade])).toEqual([
      ["u0", 1, 100, "优秀"],
      ["u1", 2, 95, "优秀"],
      ["u2", 3, 90, "优秀"],
      ["u3", 4, 89.99, "良好"],
      ["u4", 5, 80, "良好"],
      ["u5", 6, 75, "合格"],
      ["u6", 7, 60, "合格"],
      ["u7", 8, 59.99, "不合格"],
      ["u8", 9, 55, "不合格"],
      ["u9", 10, 50, "不合格"],
    ]);
  });

  it("pushes units beyond the 优秀 quota down to 良好 in rank order, with the reason", () => {
    // 4 units × 30 % = 1.2 → 1 place.
    expect(rankOf([scored("a", 5), scored("b", 7), scored("c", 9), scored("d", 15)])).toEqual([
      ["a", 1, 95, "优秀", undefined],
      [
        "b",
        2,
        93,
        "良好",
        "总分 93 分达到“优秀”分数线，受优秀比例限制（本类 4 个单位的 30%，至多 1 个），评为“良好”",
      ],
      [
        "c",
        3,
        91,
        "良好",
        "总分 91 分达到“优秀”分数线，受优秀比例限制（本类 4 个单位的 30%，至多 1 个），评为“良好”",
      ],
      ["d", 4, 85, "良好", undefined],
    ]);
  });

  it("pushes a unit past a full band to the next band with room", () => {
    const scheme = defaultAssessmentScheme();
    const primary = scheme.categories[2] as AssessmentCategory;
    primary.bands = [
      { grade: "优秀", min: 90, quotaPercent: 50 },
      { grade: "良好", min: 80, quotaPercent: 25 },
      { grade: "合格", min: 60 },
      { grade: "不合格", min: 0 },
    ];
    // 4 units: 优秀 2 places, 良好 1.
    const grades = rankOf([scored("a", 1), scored("b", 2), scored("c", 3), scored("d", 4)], scheme).map(
      (r) => r[3],
    );
    expect(grades).toEqual(["优秀", "优秀", "良好", "合格"]);
  });

  it("gives a vetoed unit the lowest grade, ranks it after the others and says why", () => {
    const veto = { entryId: "v1", itemKey: "veto", points: 0, reason: "发生重大安全责任事故" };
    const results = scoreAssessment(defaultAssessmentScheme(), {
      asOf,
      units: [school("top", { entries: [veto] }), scored("low", 15)],
    });
    expect(results.map((r) => [r.unitId, r.rank, r.total, r.grade, r.vetoed, r.gradeNote])).toEqual([
      ["low", 1, 85, "良好", false, undefined],
      ["top", 2, 100, "不合格", true, "一票否决：发生重大安全责任事故"],
    ]);
    const vetoItem = results[1]?.breakdown.find((b) => b.kind === "veto");
    expect(vetoItem).toMatchObject({
      points: 0,
      facts: [{ text: "一票否决：发生重大安全责任事故", link: { kind: "entry", id: "v1" } }],
    });
  });
});

describe("scoreAssessment tie-breaks", () => {
  const red = {
    assignmentId: "a",
    taskId: "t",
    taskTitle: "任务",
    weight: 1,
    progress: 100,
    light: "red" as const,
  };
  const green = { ...red, light: "green" as const };
  // A: 40 − 2 (red) + 1 = 99 with 0 missing; B: 20 − 1 (missing) = 99 with 0 red.
  const a = school("A", { assignments: [red], entries: [bonus(1)] });
  const b = school("B", {
    assignments: [green],
    reports: [{ assignmentId: "a", cycleName: "1月", dueDate: "2023-01-31" }],
  });

  it("applies the category's rules in their order", () => {
    expect(rankOf([a, b]).map((r) => [r[0], r[2]])).toEqual([
      ["B", 99],
      ["A", 99],
    ]);
    const scheme = defaultAssessmentScheme();
    (scheme.categories[2] as AssessmentCategory).tieBreaks = ["fewer_missing_reports", "fewer_red"];
    expect(rankOf([a, b], scheme).map((r) => r[0])).toEqual(["A", "B"]);
  });

  it("puts the earlier mean report first, and a unit with nothing submitted last", () => {
    const sent = (id: string, submittedOn: string[], sortKey = id) =>
      school(id, {
        sortKey,
        reports: submittedOn.map((day, i) => ({
          assignmentId: "a",
          reportId: `${id}${i}`,
          cycleName: `${i}`,
          dueDate: "2023-03-10",
          submittedOn: day,
        })),
      });
    // Mean days before the due day: C −3, D (−1 + −2)/2 = −1.5; E submitted nothing (and owed nothing).
    const units = [
      school("E", { sortKey: "0" }),
      sent("D", ["2023-03-09", "2023-03-08"], "1"),
      sent("C", ["2023-03-07"], "2"),
    ];
    expect(rankOf(units).map((r) => r[0])).toEqual(["C", "D", "E"]);
  });

  it("ends a tie by sortKey, then by id", () => {
    const units = [
      school("u2", { sortKey: "B" }),
      school("u3", { sortKey: "A" }),
      school("u1", { sortKey: "A" }),
    ];
    expect(rankOf(units).map((r) => [r[0], r[1]])).toEqual([
      ["u1", 1],
      ["u3", 2],
      ["u2", 3],
    ]);
  });

  it("counts 督办单 under fewer_notices", () => {
    const scheme = defaultAssessmentScheme();
    (scheme.categories[2] as AssessmentCategory).tieBreaks = ["fewer_notices"];
    // F: one blue 督办单 answered in time (−1), +1 entry → 100; G: none, sortKey before F.
    const f = school("F", {
      sortKey: "2",
      entries: [bonus(1)],
      notices: [
        {
          noticeId: "n",
          code: "DB-1",
          level: "blue",
          replyDue: "2023-04-01",
          firstRepliedOn: "2023-03-30",
          acceptedAtFirstReply: true,
        },
      ],
    });
    expect(rankOf([f, school("G", { sortKey: "1" })], scheme).map((r) => r[0])).toEqual(["G", "F"]);
    (scheme.categories[2] as AssessmentCategory).tieBreaks = [];
    expect(rankOf([f, school("G", { sortKey: "3" })], scheme).map((r) => r[0])).toEqual(["F", "G"]);
  });
});
