// Test helper, kept in test-fixtures/ so the package build never ships it.
import type { PlanDraft, PlanNode, Span } from "../types.js";

const DATE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;
const COMPARATORS = new Set(["gte", "gt", "lte", "lt", "eq", "range"]);
const LEVELS = new Set(["section", "subsection", "task", "subtask"]);
const KINDS = new Set(["plan", "explanation", "summary", "unknown"]);

/** Lists every way `draft` breaks the PlanDraft contract for `input` (empty when it honours it). */
export function draftProblems(input: string, draft: PlanDraft): string[] {
  const problems: string[] = [];
  const fail = (msg: string): void => {
    if (problems.length < 20) problems.push(msg);
  };
  if (!KINDS.has(draft.kind)) fail(`kind ${draft.kind}`);
  if (!Array.isArray(draft.warnings) || draft.warnings.some((w) => typeof w !== "string")) fail("warnings");
  const inRange = (what: string, s: Span, within: Span = [0, input.length]): void => {
    if (
      !(
        Number.isInteger(s[0]) &&
        Number.isInteger(s[1]) &&
        s[0] >= within[0] &&
        s[1] <= within[1] &&
        s[0] < s[1]
      )
    ) {
      fail(`${what} span ${s} outside ${within}`);
    }
  };
  const exact = (what: string, x: { text: string; span: Span }, within?: Span): void => {
    inRange(what, x.span, within);
    if (x.text !== input.slice(x.span[0], x.span[1])) fail(`${what} text differs from its span ${x.span}`);
  };
  const ordered = (what: string, spans: Span[]): void => {
    for (let i = 1; i < spans.length; i++) if (spans[i]![0] < spans[i - 1]![1]) fail(`${what} out of order`);
  };
  if (draft.preamble) {
    exact("preamble", draft.preamble);
    for (const t of draft.preamble.targets) exact("preamble target", t, draft.preamble.span);
  }
  let cursor = draft.preamble ? draft.preamble.span[1] : 0;
  const visit = (n: PlanNode): void => {
    if (!LEVELS.has(n.level)) fail(`level ${n.level}`);
    inRange("node", n.span);
    // Nodes come in document order: each starts after everything before it ends.
    if (n.span[0] < cursor) fail(`node at ${n.span} starts before ${cursor}`);
    cursor = n.span[1];
    if (!input.slice(n.span[0], n.span[1]).endsWith(n.text))
      fail(`node text is not the end of its span ${n.span}`);
    for (const m of n.measures) exact("measure", m, n.span);
    ordered(
      "measures",
      n.measures.map((m) => m.span),
    );
    for (const t of n.targets) {
      exact("target", t, n.span);
      if (!COMPARATORS.has(t.comparator)) fail(`comparator ${t.comparator}`);
      if (!Number.isFinite(t.value)) fail(`value ${t.value}`);
      if (t.valueMax !== null && !(t.valueMax > t.value)) fail(`valueMax ${t.valueMax} ≤ ${t.value}`);
      if (!t.unit) fail("empty unit");
      if (typeof t.indicator !== "string") fail("indicator");
      if (t.deadline !== null && !DATE.test(t.deadline)) fail(`target deadline ${t.deadline}`);
    }
    ordered(
      "targets",
      n.targets.map((t) => t.span),
    );
    for (const m of n.milestones) {
      exact("milestone", m, n.span);
      if (m.deadline !== null && !DATE.test(m.deadline)) fail(`milestone deadline ${m.deadline}`);
    }
    if (n.deadline !== null && !DATE.test(n.deadline)) fail(`node deadline ${n.deadline}`);
    n.children.forEach(visit);
  };
  draft.nodes.forEach(visit);
  return problems;
}
