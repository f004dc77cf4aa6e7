import { readFile, stat } from "node:fs/promises";
import type { Milestone, PlanDraft, PlanNode, Target } from "@duban/plan-parser";
import { AppError } from "../errors.js";
import { planFileMaxBytes } from "../files/read-plan-document.js";
import { readPlanOffThread } from "../files/read-plan-off-thread.js";
import { CliError } from "./runtime.js";

/** Runs `duban parse FILE [--json]`: reads a plan document and prints its PlanDraft; never opens the database. */
export async function parseCommand(options: { file: string | undefined; json: boolean }): Promise<void> {
  if (!options.file) throw new CliError("缺少文件路径。用法：duban parse FILE [--json]");
  const bytes = await readInputFile(options.file);
  let read: Awaited<ReturnType<typeof readPlanOffThread>>;
  try {
    // The same guarded reader as the server: a hostile file is refused within the same time and memory bounds.
    read = await readPlanOffThread({ bytes, filename: options.file });
  } catch (err) {
    if (err instanceof AppError) throw new CliError(`${options.file}：${err.message}`);
    throw err;
  }
  const { document, draft } = read;
  if (options.json) {
    // stdout carries only the PlanDraft so it can be piped; notes about reading the file go to stderr.
    for (const w of document.warnings) console.error(`提示：${w}`);
    console.log(JSON.stringify(draft, null, 2));
    return;
  }
  console.log(formatDraft(draft, document.warnings).join("\n"));
}

/** Reads the file, refusing missing, unreadable and oversized ones with a Chinese message. */
async function readInputFile(path: string): Promise<Uint8Array> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new CliError(`${path} 不是文件`);
    // Checked before reading so a huge file is never loaded into memory.
    if (info.size > planFileMaxBytes)
      throw new CliError(`${path}：文件超过 20 MB，请删除其中的图片或拆分后再试`);
    return new Uint8Array(await readFile(path));
  } catch (err) {
    if (err instanceof CliError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new CliError(`找不到文件：${path}`);
    if (code === "EACCES" || code === "EPERM") throw new CliError(`没有权限读取文件：${path}`);
    throw new CliError(`无法读取文件 ${path}：${(err as Error).message}`);
  }
}

const kindNames: Record<PlanDraft["kind"], string> = {
  plan: "工作要点",
  explanation: "解读",
  summary: "工作总结",
  unknown: "未能识别",
};
const comparators: Record<Target["comparator"], string> = {
  gte: "≥",
  gt: ">",
  lte: "≤",
  lt: "<",
  eq: "=",
  range: "",
};

/** Renders a PlanDraft as an indented Chinese outline for reading in a terminal. */
export function formatDraft(draft: PlanDraft, fileWarnings: string[] = []): string[] {
  const out = [
    `标题：${draft.title ?? "（未识别）"}`,
    `发文单位：${draft.issuer ?? "（未识别）"}　年度：${draft.year ?? "（未识别）"}　类型：${kindNames[draft.kind]}`,
  ];
  if (draft.notice) {
    const n = draft.notice;
    out.push(`印发通知：${n.title}${n.docNumber ? `（${n.docNumber}）` : ""}${n.date ? `　${n.date}` : ""}`);
    if (n.addressees) out.push(`  主送：${n.addressees}`);
  }
  if (draft.preamble) {
    out.push(`总体要求：${clip(draft.preamble.text, 40)}`);
    out.push(...marks(draft.preamble.targets, draft.preamble.milestones, "  "));
  }
  out.push("");
  for (const node of draft.nodes) out.push(...formatNode(node, ""));
  const count = countAll(draft.nodes);
  out.push("", `共 ${count.tasks} 项任务、${count.targets} 个指标、${count.milestones} 个节点`);
  const warnings = [...fileWarnings, ...draft.warnings];
  if (warnings.length) out.push("", "提示：", ...warnings.map((w) => `  - ${w}`));
  return out;
}

/** One node, its targets and milestones, then its children one step deeper. */
function formatNode(node: PlanNode, indent: string): string[] {
  const head = `${indent}${node.label ?? ""}${node.title}`;
  const extras: string[] = [];
  if (node.measures.length) extras.push(`${node.measures.length} 条措施`);
  if (node.owners?.lead.length) extras.push(`牵头：${node.owners.lead.join("、")}`);
  if (node.owners?.co.length) extras.push(`配合：${node.owners.co.join("、")}`);
  if (node.deadline) extras.push(`完成时限：${node.deadline}`);
  const rows = node.sources?.rows ?? [];
  // A task read from a 分解表 names its rows, so a reader can check them against the file.
  if (rows.length) {
    const first = rows[0]!;
    const last = rows[rows.length - 1]!;
    const span =
      last.row > first.row && last.table === first.table ? `${first.row}–${last.row}` : `${first.row}`;
    extras.push(`${first.table} 第${span}行`);
  }
  const lines = [extras.length ? `${head}　［${extras.join("；")}］` : head];
  lines.push(...marks(node.targets, node.milestones, `${indent}    `));
  for (const child of node.children) lines.push(...formatNode(child, `${indent}  `));
  return lines;
}

/** Target and milestone lines: ◆ 指标 公办幼儿园在园幼儿占比 ≥ 50 %（2023，确保）; ◇ 节点 西城幼儿园分园开园（2023-09）. */
function marks(targets: Target[], milestones: Milestone[], indent: string): string[] {
  const notes = (deadline: string | null, hedge: string | null) => {
    const parts = [deadline, hedge].filter(Boolean);
    return parts.length ? `（${parts.join("，")}）` : "";
  };
  return [
    ...targets.map((t) => {
      const value =
        t.comparator === "range"
          ? `${t.value}–${t.valueMax ?? "?"}`
          : `${comparators[t.comparator]} ${t.value}`;
      return `${indent}◆ 指标 ${t.indicator} ${value} ${t.unit}${notes(t.deadline, t.hedge)}`;
    }),
    ...milestones.map((m) => `${indent}◇ 节点 ${m.title}${notes(m.deadline, m.hedge)}`),
  ];
}

/** Counts task-level nodes, targets and milestones in the whole tree. */
function countAll(nodes: PlanNode[]): { tasks: number; targets: number; milestones: number } {
  const total = { tasks: 0, targets: 0, milestones: 0 };
  const visit = (n: PlanNode) => {
    if (n.level === "task") total.tasks++;
    total.targets += n.targets.length;
    total.milestones += n.milestones.length;
    n.children.forEach(visit);
  };
  nodes.forEach(visit);
  return total;
}

/** Shortens long text for a one-line summary. */
function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}
