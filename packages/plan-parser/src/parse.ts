import { CANONICAL } from "./chars.js";
import { extractCommitments } from "./extract.js";
import { readHeader } from "./header.js";
import { detectKind } from "./kind.js";
import { exCtx, type NodeContext } from "./lead.js";
import { finishNode } from "./nodes.js";
import { normalise, type SourceText } from "./normalise.js";
import { findDocumentTables, readTableNodes } from "./parse-tables.js";
import { type Segment, segmentBody } from "./segment.js";
import { rawSlice, spanOf, trimRange } from "./source.js";
import { buildTree } from "./structure.js";
import { mergeTableIntoProse, tasksIn } from "./table-merge.js";
import type { PlanDraft, PlanLayout, PlanNode, PlanPreamble } from "./types.js";

const MAX_WARNINGS = 50;
const DATE_LINE = /^\d{4}年\d{1,2}月\d{1,2}日$/;
const ORG_SUFFIX = /(?:教育局|教育厅|教育委员会|教委|教育和体育局|教育体育局|教体局|局|厅|委员会)$/;

/** Parses a document into a PlanDraft; unlike `parsePlan` it lets internal errors surface (for tests). */
export function parseDocument(input: string, layout: PlanLayout | null = null): PlanDraft {
  const warnings: string[] = [];
  const tables = findDocumentTables(input, layout);
  // The prose parser reads the text with the 分解表 rows blanked: same offsets, so its spans still fit `input`.
  const src = { ...normalise(tables.proseInput), input };
  const header = readHeader(src);
  const segments = segmentBody(src, header.bodyStart, warnings);
  const issuerCanon = header.issuer ? canonical(header.issuer) : null;
  const isTrailer = (s: Segment): boolean => {
    const t = src.text.slice(s.start, Math.min(s.end, s.start + 40));
    return s.end - s.start <= 30 && (DATE_LINE.test(t) || t === issuerCanon || /^\(此件.*\)$/.test(t));
  };
  const tree = buildTree(segments, isTrailer);
  const title = header.title ? rawSlice(src, header.title[0], header.title[1]).replace(/\s+/g, "") : null;
  const opening = src.text.slice(header.bodyStart, header.bodyStart + 120);
  const kind = detectKind(
    title ?? "",
    header.notice?.title ?? "",
    opening,
    tree.roots.length > 0 || tables.found.length > 0,
  );
  const place =
    issuerCanon && /[省市县区旗州盟]$/.test(issuerCanon.replace(ORG_SUFFIX, ""))
      ? issuerCanon.replace(ORG_SUFFIX, "")
      : null;
  const ctx: NodeContext = {
    src,
    planYear: header.year,
    place,
    commitments: kind === "plan" || kind === "unknown",
  };
  const prose = tree.roots.map((n) => finishNode(ctx, n, null));
  const fromTables = readTableNodes(ctx, input, tables);
  let nodes = prose;
  if (fromTables.length && tasksIn(prose).length) mergeTableIntoProse(prose, fromTables, tables.problems);
  else if (fromTables.length) nodes = [...prose, ...fromTables].sort((a, b) => a.span[0] - b.span[0]);
  warnings.push(...tables.problems);
  warn(warnings, src, { title, kind, nodes });
  return {
    kind,
    title,
    issuer: header.issuer,
    year: header.year,
    notice: header.notice,
    preamble: tree.preamble ? preambleOf(ctx, tree.preamble) : null,
    nodes,
    warnings: warnings.slice(0, MAX_WARNINGS),
  };
}

function preambleOf(ctx: NodeContext, range: [number, number]): PlanPreamble | null {
  const [s, e] = trimRange(ctx.src.text, range[0], range[1]);
  if (e <= s) return null;
  const found = ctx.commitments
    ? extractCommitments(exCtx(ctx, null, "总体目标"), s, e, [])
    : { targets: [], milestones: [] };
  return { text: rawSlice(ctx.src, s, e), span: spanOf(ctx.src, s, e), ...found };
}

function warn(
  warnings: string[],
  src: SourceText,
  d: { title: string | null; kind: string; nodes: PlanNode[] },
): void {
  if (src.input.trim() === "") {
    warnings.push("文档为空");
    return;
  }
  if (!d.title) warnings.push("未识别到标题，请补充计划名称和年度");
  if (d.nodes.length === 0) warnings.push("未识别到任何章节或任务编号");
  if (d.kind === "explanation") warnings.push("这是一份政策解读，不是工作要点；未提取目标和节点");
  if (d.kind === "summary") warnings.push("这是一份工作总结，不是工作要点；其中的成绩数字不作为目标");
  const first = firstTask(d.nodes);
  if (first?.number && first.number > 1) {
    warnings.push(`任务编号从 ${first.number} 开始，文档前面的部分可能缺失`);
  }
}

function firstTask(nodes: PlanNode[]): PlanNode | null {
  for (const n of nodes) {
    if (n.level === "task") return n;
    const c = firstTask(n.children);
    if (c) return c;
  }
  return null;
}

function canonical(s: string): string {
  let out = "";
  for (let i = 0; i < s.length; i++) out += String.fromCharCode(CANONICAL[s.charCodeAt(i)]!);
  return out;
}
