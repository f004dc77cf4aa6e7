import type { SchoolType } from "../units.js";
import type { AssessmentCategory, AssessmentItem, AssessmentScheme } from "./types.js";

/** The items every default category scores: 100 points, plus 加减分 and 一票否决. */
function defaultItems(): AssessmentItem[] {
  return [
    { key: "tasks", label: "任务完成", kind: "task_completion", points: 40, redPenalty: 2, yellowPenalty: 1 },
    {
      key: "reporting",
      label: "报送纪律",
      kind: "reporting",
      points: 20,
      lateCredit: 0.5,
      missingPenalty: 1,
    },
    {
      key: "supervision",
      label: "督办响应",
      kind: "supervision",
      points: 15,
      levelPenalty: { blue: 1, yellow: 2, red: 4 },
      lateReplyPenalty: 1,
      notFirstTimePenalty: 1,
    },
    { key: "rectification", label: "整改落实", kind: "rectification", points: 10 },
    { key: "indicators", label: "指标达成", kind: "indicators", points: 15 },
    { key: "bonus", label: "加减分", kind: "manual", points: 0, maxBonus: 5, maxDeduction: 10 },
    { key: "veto", label: "一票否决", kind: "veto", points: 0 },
  ];
}

function category(
  key: string,
  label: string,
  unitKind: "department" | "school",
  schoolTypes?: SchoolType[],
): AssessmentCategory {
  return {
    key,
    label,
    unitKind,
    ...(schoolTypes ? { schoolTypes } : {}),
    items: defaultItems(),
    bands: [
      { grade: "优秀", min: 90, quotaPercent: 30 },
      { grade: "良好", min: 80 },
      { grade: "合格", min: 60 },
      { grade: "不合格", min: 0 },
    ],
    tieBreaks: ["fewer_red", "fewer_missing_reports", "earlier_reports"],
  };
}

/**
 * The scheme every published plan starts with, until the 督查室 saves its own: 科室 and the schools by type, each
 * scored on 任务完成 40, 报送纪律 20, 督办响应 15, 整改落实 10, 指标达成 15 (total 100), with 加减分 (+5 / −10 at most)
 * and 一票否决; 优秀 ≥ 90 (at most 30 %), 良好 ≥ 80, 合格 ≥ 60, else 不合格; appeals within 5 days.
 */
export function defaultAssessmentScheme(): AssessmentScheme {
  return {
    total: 100,
    appealDays: 5,
    categories: [
      category("department", "科室", "department"),
      category("kindergarten", "幼儿园", "school", ["kindergarten"]),
      category("primary", "小学", "school", ["primary"]),
      category("junior", "初中", "school", ["junior", "nine_year"]),
      category("senior", "高中", "school", ["senior"]),
      category("vocational", "职教", "school", ["vocational"]),
      category("special", "特教", "school", ["special"]),
      category("other", "其他学校", "school", ["teacher_school", "other"]),
    ],
  };
}
