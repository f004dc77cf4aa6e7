import {
  type AssessmentCategory,
  type AssessmentItem,
  type AssessmentScheme,
  assessmentTieBreakLabels,
} from "../assessment/types.js";
import { chineseDate } from "./bulletin-wording.js";
import { type DocumentBlock, paragraph, partHeading, subpartHeading } from "./document-blocks.js";

/** One unit's line of a run's results, as the documents print it. */
export interface AssessmentResultLine {
  unitName: string;
  /** The category key. */
  category: string;
  total: number;
  rank: number;
  grade: string;
  vetoed: boolean;
  gradeNote: string | null;
}

/** What the 考评结果通报 is drafted from: the plan, the run's day and frozen scheme, and its results. */
export interface AssessmentNoticeInput {
  planTitle: string;
  year: number;
  asOf: string;
  scheme: AssessmentScheme;
  results: readonly AssessmentResultLine[];
}

/** Points as a score is printed: at most two decimals, no trailing zeros (87.50 → 87.5, 90.00 → 90). */
export function pointsText(points: number): string {
  return String(Math.round(points * 100) / 100);
}

/** One item and its points in words: "任务完成40分", "加减分（加分最多3分，扣分最多5分）", "一票否决（安全事故）". */
function itemText(item: AssessmentItem): string {
  if (item.kind === "manual")
    return `${item.label}（加分最多${pointsText(item.maxBonus)}分，扣分最多${pointsText(item.maxDeduction)}分）`;
  if (item.kind === "veto") return `一票否决（${item.label}）`;
  return `${item.label}${pointsText(item.points)}分`;
}

/** The bands in words, highest first: "优秀（90分及以上，不超过本类单位的30%）、…、不合格（60分以下）". */
function bandsText(category: AssessmentCategory): string {
  return category.bands
    .map((band, i) => {
      const above = category.bands[i - 1];
      // The lowest band starts at 0: it is named by the line above it, as 公文 write "60分以下".
      const range =
        band.min === 0 && above ? `${pointsText(above.min)}分以下` : `${pointsText(band.min)}分及以上`;
      const quota = band.quotaPercent === undefined ? "" : `，不超过本类单位的${band.quotaPercent}%`;
      return `${band.grade}（${range}${quota}）`;
    })
    .join("、");
}

/** The tie-break rules in words, ending with the unit order that settles every remaining tie. */
function tieBreakText(category: AssessmentCategory): string {
  const rules = category.tieBreaks.map((rule) => assessmentTieBreakLabels[rule]);
  const order = "按单位编码（无编码的按名称）排序";
  return rules.length
    ? `总分相同的，依次按${rules.join("、")}排序，仍相同的${order}。`
    : `总分相同的，${order}。`;
}

/** The grade cell: the grade, and why when a veto or a quota set it. */
export function gradeText(line: Pick<AssessmentResultLine, "grade" | "vetoed" | "gradeNote">): string {
  if (line.vetoed) return `${line.grade}（一票否决）`;
  return line.grade;
}

/** The categories holding results, in the scheme's order, each with its lines by rank. */
export function resultsByCategory<Line extends AssessmentResultLine>(
  scheme: AssessmentScheme,
  results: readonly Line[],
): { category: AssessmentCategory; lines: Line[] }[] {
  return scheme.categories.map((category) => ({
    category,
    lines: results.filter((r) => r.category === category.key).sort((a, b) => a.rank - b.rank),
  }));
}

/** 一、考评依据和方法: the basis, the categories, and per category its items, bands and tie-breaks. */
function method(input: AssessmentNoticeInput): DocumentBlock[] {
  const { scheme } = input;
  const labels = scheme.categories.map((c) => c.label).join("、");
  const blocks = [
    partHeading(1, "考评依据和方法"),
    paragraph(
      `依据《${input.planTitle}》及其任务分解，以各单位报送、督办、整改和指标数据为基础，按照年度考评方案，` +
        `分${scheme.categories.length}类（${labels}）分别考评、排名，每类满分${pointsText(scheme.total)}分。`,
    ),
  ];
  scheme.categories.forEach((category, i) => {
    blocks.push(
      subpartHeading(i + 1, category.label),
      paragraph(`考评项目：${category.items.map(itemText).join("、")}。`),
      paragraph(`等次：${bandsText(category)}。${tieBreakText(category)}`),
    );
  });
  return blocks;
}

/** 二、考评结果: a table per category, by rank. */
function resultTables(input: AssessmentNoticeInput): DocumentBlock[] {
  const blocks = [partHeading(2, "考评结果")];
  resultsByCategory(input.scheme, input.results).forEach(({ category, lines }, i) => {
    blocks.push(subpartHeading(i + 1, `${category.label}（共${lines.length}个单位）`));
    if (!lines.length) {
      blocks.push(paragraph("本类无参评单位。"));
      return;
    }
    blocks.push({
      kind: "table",
      header: ["排名", "单位", "总分", "等次"],
      rows: lines.map((l) => [String(l.rank), l.unitName, pointsText(l.total), gradeText(l)]),
      widths: [1.2, 4, 1.6, 3.6],
    });
  });
  return blocks;
}

/** 三、先进单位: the units of each category's highest grade, named; then the closing paragraph. */
function honours(input: AssessmentNoticeInput): DocumentBlock[] {
  const named = resultsByCategory(input.scheme, input.results).flatMap(({ category, lines }) => {
    const top = category.bands[0]?.grade;
    const units = lines.filter((l) => l.grade === top && !l.vetoed).map((l) => l.unitName);
    return units.length ? [{ label: category.label, top, units }] : [];
  });
  const blocks = [partHeading(3, "先进单位")];
  if (!named.length) blocks.push(paragraph("本年度没有单位获评最高等次。"));
  for (const n of named)
    blocks.push(
      paragraph(`${n.label}获评“${n.top}”等次的单位（${n.units.length}个）：${n.units.join("、")}。`),
    );
  blocks.push(
    paragraph(
      "希望受到表彰的单位珍惜荣誉、再接再厉，更好地发挥示范引领作用。各单位要对照考评结果，认真查找差距和不足，" +
        `制定改进措施，推动${input.year + 1}年各项工作落实落地、取得实效。`,
    ),
  );
  return blocks;
}

/** The 考评结果通报's title as the bureau writes it. */
export function assessmentNoticeTitle(input: Pick<AssessmentNoticeInput, "planTitle" | "year">): string {
  return `关于${input.year}年度${input.planTitle}考评结果的通报`;
}

/**
 * Drafts the body of the 考评结果通报 of a published or finalised run: the basis and method (categories, items
 * with points, bands with quotas, tie-breaks in words), a results table per category, the units of the highest
 * grade named, and a closing paragraph. Pure: the same run always gives the same text.
 */
export function draftAssessmentNotice(input: AssessmentNoticeInput): DocumentBlock[] {
  return [
    paragraph(
      `为推动《${input.planTitle}》各项任务落到实处，督查室以${chineseDate(input.asOf)}为考评基准日，` +
        `对各单位${input.year}年度工作完成情况进行了考评。现将考评结果通报如下。`,
    ),
    ...method(input),
    ...resultTables(input),
    ...honours(input),
  ];
}
