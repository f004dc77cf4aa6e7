import { type DraftNode, isPlanDateInRange, type PlanDraftEdit } from "@duban/domain";
import type { PlanDraft, PlanNode } from "@duban/plan-parser";

/** A unit that may be suggested as an owner. */
export interface OwnerCandidate {
  id: string;
  name: string;
}

/** What lead-unit suggestions are drawn from. */
export interface SuggestionSources {
  units: OwnerCandidate[];
  /** keyword → unit id, e.g. 学前 → 学前教育科. */
  keywords: { keyword: string; unitId: string }[];
}

/** Finds the unit an annotation names: exact name first, then the longest name containing it or contained in it. */
export function matchUnitName(text: string, units: OwnerCandidate[]): string | null {
  const wanted = text.replace(/\s/g, "");
  if (!wanted) return null;
  const exact = units.find((u) => u.name === wanted);
  if (exact) return exact.id;
  const partial = units
    .filter((u) => u.name.includes(wanted) || wanted.includes(u.name))
    .sort((a, b) => b.name.length - a.name.length);
  return partial[0]?.id ?? null;
}

/** Times `keyword` occurs in `text`, without overlaps. */
function occurrences(text: string, keyword: string): number {
  return keyword ? text.split(keyword).length - 1 : 0;
}

/** The dictionary's keywords for `unitId` that a task's title or text mentions, the most mentioned first. */
export function matchedKeywords(
  unitId: string,
  node: { title: string; text: string },
  keywords: SuggestionSources["keywords"],
): string[] {
  return keywords
    .filter((k) => k.unitId === unitId)
    .map((k) => ({
      keyword: k.keyword,
      n: occurrences(node.title, k.keyword) + occurrences(node.text, k.keyword),
    }))
    .filter((k) => k.n > 0)
    .sort((a, b) => b.n - a.n || b.keyword.length - a.keyword.length)
    .map((k) => k.keyword);
}

/**
 * The unit whose keywords a task mentions most: a mention in the title outweighs any number in the text (the
 * title says what the task is about; the text lists whom it touches, e.g. "普通高中…公用经费" in a funding task).
 * A tie goes to the unit mentioned first.
 */
export function suggestByKeyword(
  title: string,
  text: string,
  keywords: SuggestionSources["keywords"],
): string | null {
  const whole = `${title}\n${text}`;
  const scores = new Map<string, { score: number; first: number }>();
  for (const k of keywords) {
    const score = occurrences(title, k.keyword) * 1000 + occurrences(text, k.keyword);
    if (score === 0) continue;
    const at = whole.indexOf(k.keyword);
    const was = scores.get(k.unitId) ?? { score: 0, first: Number.POSITIVE_INFINITY };
    scores.set(k.unitId, { score: was.score + score, first: Math.min(was.first, at) });
  }
  let best: { unitId: string; score: number; first: number } | null = null;
  for (const [unitId, s] of scores)
    if (!best || s.score > best.score || (s.score === best.score && s.first < best.first))
      best = { unitId, ...s };
  return best?.unitId ?? null;
}

/** A date the document states, if a draft may hold it (a year like 2200 is a typo in the document, left blank). */
function draftDate(date: string | null): string | null {
  return date !== null && isPlanDateInRange(date) ? date : null;
}

/**
 * The unit a 分解表 cell names: by its name, else by the longest dictionary keyword the name holds (a table's
 * 德育科 is the unit whose keyword is 德育), else null.
 */
export function resolveUnitName(text: string, sources: SuggestionSources): string | null {
  const byName = matchUnitName(text, sources.units);
  if (byName) return byName;
  const hits = sources.keywords
    .filter((k) => k.keyword.length >= 2 && text.includes(k.keyword))
    .sort((a, b) => b.keyword.length - a.keyword.length);
  return hits[0]?.unitId ?? null;
}

/** How one conversion goes: the lookups, the key counter, and the table-named units no unit answers to. */
interface Conversion {
  sources: SuggestionSources;
  nextKey: () => string;
  unknownOwners: string[];
}

/** Converts one parsed node, giving every item a key the review screen can track it by. */
function convertNode(node: PlanNode, conv: Conversion): DraftNode {
  const { sources, nextKey } = conv;
  const isTask = node.level === "task" || node.level === "subtask";
  const ownersRow = node.sources?.owners?.from === "table" ? node.sources.owners : null;
  // A 分解表 names units in its own words, so they also go through the keyword dictionary; an unknown one is
  // kept as written and reported, for the reviewer to choose the unit.
  const resolve = (name: string): string | null => {
    const id = ownersRow ? resolveUnitName(name, sources) : matchUnitName(name, sources.units);
    if (!id && ownersRow)
      conv.unknownOwners.push(
        `“${ownersRow.table}”第${ownersRow.row}行的单位“${name}”不在本局单位中，已保留原文，请在审核时选择单位`,
      );
    return id;
  };
  const lead = node.owners?.lead.map(resolve).filter((id): id is string => !!id) ?? [];
  const co = node.owners?.co.map(resolve).filter((id): id is string => !!id) ?? [];
  const leadUnitId = lead[0] ?? (isTask ? suggestByKeyword(node.title, node.text, sources.keywords) : null);
  return {
    key: nextKey(),
    level: node.level,
    label: node.label,
    number: node.number,
    title: node.title.slice(0, 200) || "（无标题）",
    text: node.text,
    span: node.span,
    measures: node.measures.map((m) => ({ key: nextKey(), text: m.text, span: m.span })),
    targets: node.targets.map((t) => ({
      ...t,
      key: nextKey(),
      indicator: t.indicator.slice(0, 200) || "指标",
      deadline: draftDate(t.deadline),
    })),
    milestones: node.milestones.map((m) => ({
      ...m,
      key: nextKey(),
      title: m.title.slice(0, 200) || "节点",
      deadline: draftDate(m.deadline),
    })),
    ownersText: node.owners,
    leadUnitId,
    coUnitIds: [...new Set([...lead.slice(1), ...co])].filter((id) => id !== leadUnitId),
    deadline: draftDate(node.deadline),
    children: node.children.map((c) => convertNode(c, conv)),
    ...(node.sources ? { sources: node.sources } : {}),
  };
}

/**
 * Turns the parser's output into the editable draft the review screen works on; units a 分解表 names that no unit
 * answers to are added to `unknownOwners` as notes for the reviewer.
 */
export function draftFromParse(
  parsed: PlanDraft,
  sources: SuggestionSources,
  fallbackYear: number,
  unknownOwners: string[] = [],
): PlanDraftEdit {
  let n = 0;
  const conv: Conversion = { sources, nextKey: () => `k${++n}`, unknownOwners };
  return {
    title: (parsed.title ?? parsed.notice?.title ?? "未命名计划").slice(0, 200),
    issuer: parsed.issuer?.slice(0, 100) ?? null,
    year: parsed.year && parsed.year >= 2000 && parsed.year <= 2100 ? parsed.year : fallbackYear,
    docNumber: parsed.notice?.docNumber?.slice(0, 100) ?? null,
    preamble: parsed.preamble?.text ?? null,
    nodes: parsed.nodes.map((node) => convertNode(node, conv)),
  };
}
