import { type Marker, Style, type StyleRank } from "./markers.js";
import type { Segment } from "./segment.js";
import type { PlanLevel } from "./types.js";

/** A node while the tree is being built, in canonical offsets. */
export interface DraftNode {
  marker: Marker;
  rank: StyleRank;
  end: number;
  level: PlanLevel;
  /** Annotation paragraphs (责任科室…) that follow the node's text. */
  annotations: [number, number][];
  /** Headings and item labels inside the node that are not sentences of their own (block labels). */
  cuts: [number, number][];
  /** Cells of a table row, and the header row above it. */
  cells: [number, number][] | null;
  header: [number, number][] | null;
  children: DraftNode[];
}

/** The tree, plus the canonical range of the text before the first node (the preamble). */
export interface DraftTree {
  roots: DraftNode[];
  preamble: [number, number] | null;
}

/**
 * Nests the segments by the conventional rank of their numbering style and then names the levels:
 * the task level is 1. when present, else （一）, else 一、; ranks above it are sections and
 * subsections, ranks below subtasks. Block labels fold their items into the enclosing task.
 */
export function buildTree(segments: Segment[], isTrailer: (s: Segment) => boolean): DraftTree {
  const roots: DraftNode[] = [];
  const stack: DraftNode[] = [];
  let preamble: [number, number] | null = null;
  let header: [number, number][] | null = null;
  // The task that a block label (主要目标指标 / 重点工作举措) turned into a container, if any.
  let host: DraftNode | null = null;
  for (const seg of segments) {
    const top = stack[stack.length - 1];
    if (seg.kind === "tableHeader") {
      header = seg.cells;
      continue;
    }
    if (!seg.marker || seg.kind === "annotation") {
      if (!top) {
        if (seg.kind === "text" && !isTrailer(seg)) preamble = [preamble ? preamble[0] : seg.start, seg.end];
      } else if (!isTrailer(seg)) {
        if (seg.kind === "annotation") top.annotations.push([seg.start, seg.end]);
        top.end = seg.end;
      }
      continue;
    }
    const rank: StyleRank = seg.kind === "row" ? Style.ar : seg.marker.style;
    if (seg.kind === "blockLabel") {
      while (stack.length > 1 && stack[stack.length - 1]!.rank >= Style.ar) stack.pop();
      host = stack[stack.length - 1] ?? null;
    }
    if (host && (seg.kind === "blockLabel" || rank > host.rank) && stack[stack.length - 1] === host) {
      host.cuts.push([seg.marker.start, seg.headEnd]);
      host.end = seg.end;
      continue;
    }
    host = null;
    while (stack.length && stack[stack.length - 1]!.rank >= rank) stack.pop();
    const node: DraftNode = {
      marker: seg.marker,
      rank,
      end: seg.end,
      level: "task",
      annotations: [],
      cuts: [],
      cells: seg.cells,
      header: seg.kind === "row" ? header : null,
      children: [],
    };
    const parent = stack[stack.length - 1];
    (parent ? parent.children : roots).push(node);
    stack.push(node);
  }
  assignLevels(roots);
  return { roots, preamble };
}

function assignLevels(roots: DraftNode[]): void {
  const ranks = new Set<number>();
  const visit = (n: DraftNode): void => {
    ranks.add(n.rank);
    n.children.forEach(visit);
  };
  roots.forEach(visit);
  const taskRank = [Style.ar, Style.cnParen, Style.cnDun, Style.arParen, Style.circ].find((r) =>
    ranks.has(r),
  );
  const above = [...ranks].filter((r) => taskRank !== undefined && r < taskRank).sort((a, b) => a - b);
  const levelOf = (rank: number): PlanLevel => {
    if (rank === taskRank) return "task";
    if (taskRank !== undefined && rank > taskRank) return "subtask";
    return above.indexOf(rank) === 0 ? "section" : "subsection";
  };
  const set = (n: DraftNode): void => {
    n.level = levelOf(n.rank);
    n.children.forEach(set);
  };
  roots.forEach(set);
}
