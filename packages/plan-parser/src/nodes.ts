import { findInlineAnnotations, findTrailingAnnotations, parseAnnotation } from "./annotations.js";
import { extractCommitments } from "./extract.js";
import { exCtx, leadPhrase, type NodeContext } from "./lead.js";
import { sentenceMeasures } from "./measures.js";
import { cleanSlice, rawSlice, spanOf, trimRange } from "./source.js";
import type { DraftNode } from "./structure.js";
import { finishRow } from "./tables.js";
import type { Owners, PlanNode } from "./types.js";

/** Turns a draft node and its children into contract nodes, reading title, measures, targets and owners. */
export function finishNode(ctx: NodeContext, d: DraftNode, inheritedDeadline: string | null): PlanNode {
  if (d.cells) return finishRow(ctx, d, inheritedDeadline, (c, dl) => finishNode(ctx, c, dl));
  const { src } = ctx;
  const { text } = src;
  const m = d.marker;
  const own: [number, number] = [m.contentStart, Math.max(m.contentStart, d.end)];
  // A bracketed annotation on its own line is already in d.annotations; count it once. Both lists
  // are in document order, so one forward pointer keeps this linear.
  let k = 0;
  const noted = [
    ...findInlineAnnotations(text, own[0], own[1]),
    ...findTrailingAnnotations(text, own[0], own[1]),
  ];
  const inline = noted
    .sort((a, b) => a[0] - b[0])
    .filter(([a, b]) => {
      while (k < d.annotations.length && d.annotations[k]![1] <= a) k++;
      const z = d.annotations[k];
      return !(z && z[0] < b);
    });
  const notes = [...d.annotations, ...inline].sort((a, b) => a[0] - b[0]);
  const { owners, deadline } = readOwners(ctx, notes);
  const lead = leadPhrase(text, own[0], own[1], notes);
  const excluded = [...notes, ...d.cuts];
  const isTaskLike = d.level === "task" || d.level === "subtask";
  const fallbackDeadline = deadline ?? inheritedDeadline;
  const title = cleanSlice(src, lead[0], lead[1]).replace(/[:;,：；，、]+$/, "");
  const found = ctx.commitments
    ? extractCommitments(exCtx(ctx, fallbackDeadline, title), own[0], own[1], excluded)
    : { targets: [], milestones: [] };
  const [ts, te] = trimRange(text, own[0], own[1]);
  return {
    level: d.level,
    label: rawSlice(src, m.start, m.labelEnd),
    number: m.number,
    title,
    text: rawSlice(src, ts, te),
    span: spanOf(src, m.start, Math.max(te, m.labelEnd)),
    measures: isTaskLike ? sentenceMeasures(src, lead[2], own[1], excluded) : [],
    targets: found.targets,
    milestones: found.milestones,
    owners,
    deadline,
    children: d.children.map((c) => finishNode(ctx, c, fallbackDeadline)),
  };
}

function readOwners(
  ctx: NodeContext,
  notes: [number, number][],
): { owners: Owners | null; deadline: string | null } {
  let owners: Owners | null = null;
  let deadline: string | null = null;
  for (const [a, b] of notes) {
    const r = parseAnnotation(ctx.src, a, b, ctx.planYear);
    if (r.owners) {
      owners ??= { lead: [], co: [] };
      owners.lead.push(...r.owners.lead);
      owners.co.push(...r.owners.co);
    }
    deadline = r.deadline ?? deadline;
  }
  return { owners, deadline };
}
