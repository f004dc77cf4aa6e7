import type { FieldSource, PlanNode } from "./types.js";

/** Every task-level node of a tree, in document order. */
export function tasksIn(nodes: PlanNode[]): PlanNode[] {
  return nodes.flatMap((n) => (n.level === "task" ? [n] : tasksIn(n.children)));
}

/**
 * Gives the prose's tasks the owners and deadlines of the matching rows of an attached 分解表: a row matches the
 * task with its number whose title is alike, else the task whose title is most alike. The prose keeps its own
 * text, measures and targets; each node records whether its owners and deadline came from its text or a row.
 */
export function mergeTableIntoProse(prose: PlanNode[], table: PlanNode[], warnings: string[]): void {
  const proseTasks = tasksIn(prose);
  const taken = new Set<PlanNode>();
  for (const p of proseTasks) {
    p.sources = {
      rows: [],
      owners: p.owners ? { from: "text", span: p.span } : null,
      deadline: p.deadline ? { from: "text", span: p.span } : null,
    };
  }
  for (const t of tasksIn(table)) {
    const match = bestMatch(t, proseTasks, taken);
    const first = t.sources?.rows[0];
    if (!match) {
      if (first && warnings.length < 40)
        warnings.push(
          `附件${first.table}第${first.row}行“${t.title.slice(0, 20)}”未能对应正文中的任务，其责任单位和完成时限未采用`,
        );
      continue;
    }
    taken.add(match);
    const sources = match.sources!;
    sources.rows = t.sources?.rows ?? [];
    if (t.owners) {
      match.owners = t.owners;
      sources.owners = tableSource(t.sources?.owners);
    }
    if (t.deadline) {
      match.deadline = t.deadline;
      sources.deadline = tableSource(t.sources?.deadline);
    }
  }
}

function tableSource(s: FieldSource | null | undefined): FieldSource | null {
  return s ?? null;
}

function bestMatch(t: PlanNode, candidates: PlanNode[], taken: Set<PlanNode>): PlanNode | null {
  let best: PlanNode | null = null;
  let bestScore = 0;
  for (const p of candidates) {
    if (taken.has(p)) continue;
    const alike = similarity(p.title, t.title);
    const sameNumber = p.number !== null && p.number === t.number;
    // A shared number needs only a faint likeness (the table often shortens the title); without it, a strong one.
    const ok = sameNumber ? alike >= 0.2 || t.title.length === 0 : alike >= 0.5;
    const score = alike + (sameNumber ? 0.5 : 0);
    if (ok && score > bestScore) {
      best = p;
      bestScore = score;
    }
  }
  return best;
}

/** Dice coefficient of the character bigrams of two titles, punctuation ignored: 1 for equal, 0 for unrelated. */
export function similarity(a: string, b: string): number {
  const grams = (s: string): Map<string, number> => {
    const clean = s.replace(/[^\p{L}\p{N}]/gu, "");
    const m = new Map<string, number>();
    for (let i = 0; i + 1 < clean.length; i++) {
      const g = clean.slice(i, i + 2);
      m.set(g, (m.get(g) ?? 0) + 1);
    }
    return m;
  };
  const ga = grams(a);
  const gb = grams(b);
  let total = 0;
  let shared = 0;
  for (const n of ga.values()) total += n;
  for (const [g, n] of gb) {
    total += n;
    shared += Math.min(n, ga.get(g) ?? 0);
  }
  return total === 0 ? 0 : (2 * shared) / total;
}
