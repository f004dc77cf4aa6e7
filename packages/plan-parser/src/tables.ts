import { parseUnits } from "./annotations.js";
import { parseDeadline } from "./dates.js";
import { extractCommitments } from "./extract.js";
import { exCtx, leadPhrase, type NodeContext } from "./lead.js";
import { sentenceMeasures } from "./measures.js";
import { cleanSlice, rawSlice, spanOf } from "./source.js";
import type { DraftNode } from "./structure.js";
import type { Milestone, PlanNode, Target } from "./types.js";

type Role = "task" | "target" | "lead" | "co" | "deadline" | "other";

// Header words in the order they are tested: 完成时限 must not be read as 任务, 责任单位 not as 单位名称.
const ROLE_WORDS: [RegExp, Role][] = [
  [/时限|时间|节点|期限/, "deadline"],
  [/配合|协办|参与/, "co"],
  [/责任|牵头|主责|负责|单位|科室|处室/, "lead"],
  [/目标|指标|标准|成效|预期/, "target"],
  [/任务|内容|事项|工作|措施|举措|名称|项目/, "task"],
];

/** Finishes a table row pasted as text: sequence number, task, target, responsible unit, deadline. */
export function finishRow(
  ctx: NodeContext,
  d: DraftNode,
  inheritedDeadline: string | null,
  finishChild: (d: DraftNode, deadline: string | null) => PlanNode,
): PlanNode {
  const { src } = ctx;
  const cells = d.cells!;
  const roles = rolesOf(ctx, cells, d.header);
  const lead: string[] = [];
  const co: string[] = [];
  let deadline: string | null = null;
  cells.forEach(([a, b], i) => {
    if (roles[i] === "lead") {
      // As in annotations, the first unit under 责任单位 leads unless the column says 牵头.
      const units = parseUnits(src, a, b);
      const allLead = d.header ? /牵头|主责/.test(src.text.slice(d.header[i]![0], d.header[i]![1])) : false;
      lead.push(...(allLead ? units : units.slice(0, 1)));
      co.push(...(allLead ? [] : units.slice(1)));
    } else if (roles[i] === "co") co.push(...parseUnits(src, a, b));
    else if (roles[i] === "deadline")
      deadline = parseDeadline(src.text.slice(a, b), ctx.planYear) ?? deadline;
  });
  const taskCell = cells[roles.indexOf("task")] ?? cells[1]!;
  const lp = leadPhrase(src.text, taskCell[0], taskCell[1], []);
  const title = cleanSlice(src, lp[0], lp[1]);
  const targets: Target[] = [];
  const milestones: Milestone[] = [];
  if (ctx.commitments) {
    const ec = exCtx(ctx, deadline ?? inheritedDeadline, title);
    cells.forEach(([a, b], i) => {
      if (roles[i] !== "task" && roles[i] !== "target") return;
      const found = extractCommitments(ec, a, b, []);
      targets.push(...found.targets);
      milestones.push(...found.milestones);
    });
  }
  const last = cells[cells.length - 1]!;
  return {
    level: d.level,
    label: rawSlice(src, cells[0]![0], cells[0]![1]),
    number: d.marker.number,
    title,
    text: rawSlice(src, cells[1]![0], last[1]),
    span: spanOf(src, cells[0]![0], last[1]),
    measures: sentenceMeasures(src, lp[2], taskCell[1], []),
    targets,
    milestones,
    owners: lead.length || co.length ? { lead, co } : null,
    deadline,
    children: d.children.map((c) => finishChild(c, deadline ?? inheritedDeadline)),
  };
}

function rolesOf(ctx: NodeContext, cells: [number, number][], header: [number, number][] | null): Role[] {
  const { text } = ctx.src;
  if (header && header.length === cells.length) {
    return header.map(([a, b], i) => {
      if (i === 0) return "other";
      const h = text.slice(a, b);
      return ROLE_WORDS.find(([re]) => re.test(h))?.[1] ?? "other";
    });
  }
  // Without a header: number, task, [target …], unit, deadline — a date-like last cell is the deadline.
  const n = cells.length;
  const lastIsDate = parseDeadline(text.slice(cells[n - 1]![0], cells[n - 1]![1]), ctx.planYear) !== null;
  return cells.map((_, i): Role => {
    if (i === 0) return "other";
    if (i === 1) return "task";
    if (lastIsDate && i === n - 1) return "deadline";
    if (i === (lastIsDate ? n - 2 : n - 1)) return "lead";
    return "target";
  });
}
