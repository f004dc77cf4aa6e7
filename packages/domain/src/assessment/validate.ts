import type { AssessmentCategory, AssessmentScheme } from "./types.js";

/** A problem of a scheme, with the path of the field it names (as in a 400 answer's `details`). */
export interface SchemeProblem {
  path: (string | number)[];
  message: string;
}

const hundredths = (points: number) => Math.round(points * 100);
/** Scores are kept in hundredths: a third decimal would be lost silently. */
const finerThanHundredths = (points: number) => Math.abs(points * 100 - hundredths(points)) > 1e-6;

function categoryProblems(
  category: AssessmentCategory,
  total: number,
  at: (string | number)[],
): SchemeProblem[] {
  const problems: SchemeProblem[] = [];
  const add = (path: (string | number)[], message: string) =>
    problems.push({ path: [...at, ...path], message });
  const keys = new Set<string>();
  let sum = 0;
  category.items.forEach((item, i) => {
    if (keys.has(item.key)) add(["items", i, "key"], `考评项代码“${item.key}”重复`);
    keys.add(item.key);
    const scored = item.kind !== "manual" && item.kind !== "veto";
    if (!scored && item.points !== 0)
      add(["items", i, "points"], "加减分项和一票否决项不计入总分，分值应为 0");
    if (scored && item.points < 0) add(["items", i, "points"], "分值不能为负数");
    if (finerThanHundredths(item.points)) add(["items", i, "points"], "分值最多保留两位小数");
    if (scored) sum += hundredths(item.points);
    if (item.kind === "manual") {
      if (item.maxBonus < 0) add(["items", i, "maxBonus"], "加分上限不能为负数");
      if (item.maxDeduction < 0) add(["items", i, "maxDeduction"], "扣分上限不能为负数");
    }
    if (item.kind === "task_completion") {
      if (item.redPenalty < 0) add(["items", i, "redPenalty"], "红灯扣分不能为负数");
      if (item.yellowPenalty < 0) add(["items", i, "yellowPenalty"], "黄灯扣分不能为负数");
    }
    if (item.kind === "supervision") {
      for (const level of ["blue", "yellow", "red"] as const)
        if (item.levelPenalty[level] < 0) add(["items", i, "levelPenalty", level], "督办扣分不能为负数");
      if (item.lateReplyPenalty < 0) add(["items", i, "lateReplyPenalty"], "逾期回复扣分不能为负数");
      if (item.notFirstTimePenalty < 0) add(["items", i, "notFirstTimePenalty"], "退回重办扣分不能为负数");
    }
    if (item.kind === "reporting" && (item.lateCredit < 0 || item.lateCredit > 1))
      add(["items", i, "lateCredit"], "迟报得分比例应在 0 到 1 之间");
    if (item.kind === "reporting" && item.missingPenalty !== undefined && item.missingPenalty < 0)
      add(["items", i, "missingPenalty"], "缺报扣分不能为负数");
  });
  if (sum !== hundredths(total)) add(["items"], `各考评项分值合计为 ${sum / 100} 分，应等于总分 ${total} 分`);
  if (category.unitKind === "school" && !category.schoolTypes?.length)
    add(["schoolTypes"], "学校类别请至少选择一种学校类型");
  if (category.unitKind === "department" && category.schoolTypes?.length)
    add(["schoolTypes"], "科室类别不能选择学校类型");
  category.bands.forEach((band, i) => {
    const next = category.bands[i + 1];
    if (next && next.min >= band.min)
      add(["bands", i + 1, "min"], `等次“${next.grade}”的分数线应低于“${band.grade}”`);
    if (band.min > total) add(["bands", i, "min"], `等次“${band.grade}”的分数线不能高于总分 ${total} 分`);
    if (finerThanHundredths(band.min)) add(["bands", i, "min"], "分数线最多保留两位小数");
    if (band.quotaPercent !== undefined && (band.quotaPercent < 0 || band.quotaPercent > 100))
      add(["bands", i, "quotaPercent"], "比例上限应在 0% 到 100% 之间");
  });
  const last = category.bands.at(-1);
  if (last && last.min !== 0)
    add(["bands", category.bands.length - 1, "min"], "最低等次的分数线应为 0，不留空档");
  // Units a quota pushes down fall to the next band with room: the lowest band must take them all.
  if (last?.quotaPercent !== undefined)
    add(["bands", category.bands.length - 1, "quotaPercent"], "最低等次不设比例上限");
  if (new Set(category.bands.map((band) => band.grade)).size !== category.bands.length)
    add(["bands"], "等次名称不能重复");
  if (new Set(category.tieBreaks).size !== category.tieBreaks.length)
    add(["tieBreaks"], "并列排序规则不能重复");
  return problems;
}

/**
 * What is wrong with a scheme: items whose points do not add up to the total (or are negative, or finer than
 * hundredths), negative caps or penalties, grade bands that overlap or leave a gap, quotas outside 0–100 % or on
 * the lowest band, duplicate keys, grades or tie-breaks, a school type in two categories. Empty when the scheme is
 * usable.
 */
export function schemeProblems(scheme: AssessmentScheme): SchemeProblem[] {
  const problems: SchemeProblem[] = [];
  const categoryKeys = new Set<string>();
  const claimed = new Map<string, string>();
  let departments = 0;
  scheme.categories.forEach((category, i) => {
    if (categoryKeys.has(category.key))
      problems.push({ path: ["categories", i, "key"], message: `类别代码“${category.key}”重复` });
    categoryKeys.add(category.key);
    if (category.unitKind === "department" && ++departments > 1)
      problems.push({ path: ["categories", i, "unitKind"], message: "科室只能设一个考评类别" });
    for (const type of category.schoolTypes ?? []) {
      const other = claimed.get(type);
      if (other)
        problems.push({ path: ["categories", i, "schoolTypes"], message: `该学校类型已属于类别“${other}”` });
      else claimed.set(type, category.label);
    }
    problems.push(...categoryProblems(category, scheme.total, ["categories", i]));
  });
  return problems;
}
