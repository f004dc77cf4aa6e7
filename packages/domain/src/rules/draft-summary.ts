import { comparatorSymbols } from "../plans.js";
import type { Indicator, PlanTreeNode } from "../schemas/plans.js";
import { type NoticeLevel, noticeLevelLabels } from "../schemas/supervision.js";
import { figure } from "./bulletin-wording.js";
import { type DocumentBlock, paragraph } from "./document-blocks.js";
import { indicatorStatusLabels } from "./indicator-status.js";

/** An approved report of a task's unit, as the summary quotes it. */
export interface SummaryReport {
  nodeId: string;
  unitId: string;
  unitName: string;
  doneText: string;
  problemsText: string;
  /** When it was approved (ISO instant): the newest text comes first. */
  reviewedAt: string;
}

/** A 督办单 of a task still open (not 办结). */
export interface SummaryNotice {
  nodeId: string;
  unitName: string;
  documentNumber: string | null;
  level: NoticeLevel;
  reason: string;
}

/** A 整改 item, raised through a task's 督办单, not yet closed out（销号）. */
export interface SummaryRectification {
  nodeId: string;
  unitName: string;
  problem: string;
  deadline: string;
}

/** The parts of a plan node the summary follows. */
export type SummaryNode = Pick<
  PlanTreeNode,
  "id" | "level" | "label" | "title" | "leadUnit" | "indicators"
> & {
  children: SummaryNode[];
};

/** What a 年度工作总结 draft is gathered from. */
export interface AnnualSummaryInput {
  planTitle: string;
  issuer: string | null;
  year: number;
  nodes: readonly SummaryNode[];
  reports: readonly SummaryReport[];
  notices: readonly SummaryNotice[];
  rectifications: readonly SummaryRectification[];
}

/** The draft's title: marked 初稿, so it never passes for the bureau's final text. */
export function annualSummaryTitle(input: Pick<AnnualSummaryInput, "issuer" | "year">): string {
  return `${input.issuer ?? ""}${input.year}年度工作总结（初稿）`;
}

/** Groups rows by a key, keeping the order rows come in. */
function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const list = groups.get(key(row));
    if (list) list.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}

/** Newest approval first; equal instants by unit name, so the order never depends on the database's. */
const latestFirst = (a: SummaryReport, b: SummaryReport) =>
  b.reviewedAt.localeCompare(a.reviewedAt) || a.unitName.localeCompare(b.unitName, "zh-CN");

/**
 * A task's reports per unit, each unit's newest first: the lead unit (牵头单位) first, then the units whose latest
 * report is newest. Identical texts (a unit repeating last month's words) are kept once, at their newest place.
 */
export function completionByUnit(
  reports: readonly SummaryReport[],
  leadUnitId: string | null,
): { unitName: string; done: string[]; problems: string }[] {
  const byUnit = groupBy([...reports].sort(latestFirst), (r) => r.unitId);
  const units = [...byUnit.values()].sort((a, b) => {
    const lead = Number(b[0]!.unitId === leadUnitId) - Number(a[0]!.unitId === leadUnitId);
    return lead || latestFirst(a[0]!, b[0]!);
  });
  return units.map((list) => ({
    unitName: list[0]!.unitName,
    done: [...new Set(list.map((r) => r.doneText.trim()).filter(Boolean))],
    // What is still a problem is what the unit said last: older problems may since have been solved.
    problems: list[0]!.problemsText.trim(),
  }));
}

/** An indicator against its target: "公办园占比：目标≥50%，当前60%（已报 1/2），进展正常。". */
export function indicatorResultText(i: Indicator): string {
  const target =
    i.comparator === "range" && i.targetMax !== null
      ? `${figure(i.targetValue)}–${figure(i.targetMax)}${i.unit}`
      : `${comparatorSymbols[i.comparator]}${figure(i.targetValue)}${i.unit}`;
  if (i.actual === null) return `${i.name}：目标${target}，暂无数据。`;
  const coverage = i.coverage.expected > 0 ? `（已报 ${i.coverage.reported}/${i.coverage.expected}）` : "";
  return `${i.name}：目标${target}，当前${figure(i.actual)}${i.unit}${coverage}，${indicatorStatusLabels[i.status]}。`;
}

/** The blocks under one task: 完成情况 per unit, 指标完成情况, 存在问题 (reports, open 督办单 and 整改). */
function taskBlocks(node: SummaryNode, input: AnnualSummaryInput): DocumentBlock[] {
  const units = completionByUnit(
    input.reports.filter((r) => r.nodeId === node.id),
    node.leadUnit?.id ?? null,
  );
  const done = units.filter((u) => u.done.length);
  const blocks = [paragraph(done.length ? "完成情况：" : "完成情况：暂无审核通过的报送。")];
  for (const u of done)
    blocks.push(...u.done.map((text, i) => paragraph(i ? text : `${u.unitName}：${text}`)));
  if (node.indicators.length) {
    blocks.push(paragraph("指标完成情况："));
    blocks.push(...node.indicators.map((i) => paragraph(indicatorResultText(i))));
  }
  const problems = [
    ...[...new Set(units.filter((u) => u.problems).map((u) => `${u.unitName}：${u.problems}`))],
    ...input.notices
      .filter((n) => n.nodeId === node.id)
      .map(
        (n) =>
          `督办单未办结：${n.documentNumber ?? ""}（${n.unitName}，${noticeLevelLabels[n.level]}）${n.reason}`,
      ),
    ...input.rectifications
      .filter((r) => r.nodeId === node.id)
      .map((r) => `整改未销号：${r.unitName}，${r.problem}（整改期限${r.deadline}）`),
  ];
  blocks.push(paragraph(problems.length ? "存在问题：" : "存在问题：暂无。"));
  blocks.push(...problems.map(paragraph));
  return blocks;
}

/** A node's heading at its level, with the plan's own number: "一、…" / "（一）…" / "1.…". */
function headingOf(node: SummaryNode): DocumentBlock {
  const level = node.level === "section" ? 1 : node.level === "subsection" ? 2 : 3;
  return { kind: "heading", level, text: `${node.label ?? ""}${node.title}` };
}

/**
 * Drafts the body of a plan's 年度工作总结: the plan's own structure, and under each task what its units
 * reported done (approved reports, newest first, per unit, de-duplicated), its indicators against their targets
 * and what is still open. A draft for the bureau to edit. Pure: the same facts always give the same text.
 */
export function draftAnnualSummary(input: AnnualSummaryInput): DocumentBlock[] {
  const walk = (nodes: readonly SummaryNode[]): DocumentBlock[] =>
    nodes.flatMap((node) => [
      headingOf(node),
      ...(node.level === "task" || node.level === "subtask" ? taskBlocks(node, input) : []),
      ...walk(node.children),
    ]);
  return [
    paragraph(
      `${input.year}年，${input.issuer ?? "我局"}认真落实《${input.planTitle}》各项部署，现将全年工作总结如下。` +
        "（本稿根据各单位审核通过的报送、指标数据和督办、整改情况汇总，请修改完善后使用。）",
    ),
    ...walk(input.nodes),
  ];
}
