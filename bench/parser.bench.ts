// Parser throughput, linearity and memory. Prints one JSON object; run with `npm run bench:parser`.
// BENCH_ROUNDS sets how many timed rounds each figure is the median of (7, or 5 for tables; the smoke run uses 1).
import { readFileSync } from "node:fs";
import { type PlanLayout, parsePlan } from "@duban/plan-parser";

const seed = readFileSync(
  new URL("../packages/plan-parser/src/test-fixtures/seed-2023.txt", import.meta.url),
  "utf8",
);
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const utf8MB = (s: string): number => Buffer.byteLength(s, "utf8") / 1e6;

/** A plan of about `mb` megabytes (UTF-8) built from the seed's sections and tasks, numbered per section. */
function syntheticPlan(mb: number): string {
  const lines = seed.split("\n");
  const sections = lines
    .filter((l) => /^[一二三四五六七八九十]+、/.test(l))
    .map((l) => l.replace(/^.+?、/, ""));
  const tasks = lines.filter((l) => /^\s*\d+\./.test(l)).map((l) => l.replace(/^\s*\d+\./, ""));
  const cn = (n: number): string => {
    const d = "零一二三四五六七八九";
    if (n < 10) return d[n]!;
    return `${n >= 20 ? d[Math.floor(n / 10)] : ""}十${n % 10 ? d[n % 10] : ""}`;
  };
  const avgTask = utf8MB(tasks.join("\n")) / tasks.length;
  // Chinese section numerals run to 九十九, so larger plans get more tasks per section.
  const perSection = Math.max(4, Math.ceil(mb / avgTask / 99));
  const parts = [lines[0]!, lines[1]!];
  let size = utf8MB(parts.join("\n"));
  let task = 0;
  for (let s = 1; size < mb && s <= 99; s++) {
    const head = `${cn(s)}、${sections[(s - 1) % sections.length]}`;
    parts.push(head);
    size += utf8MB(head) + 1e-6;
    for (let k = 1; k <= perSection && size < mb; k++, task++) {
      const t = `${k}.${tasks[task % tasks.length]}`;
      parts.push(t, "");
      size += utf8MB(t) + 2e-6;
    }
  }
  return parts.join("\n");
}

/**
 * A 任务分解表 of about `mb` megabytes, as a Word table reads: the seed's tasks as rows with their sentences as
 * measure rows below (task cell merged down), units and deadlines per row, and the layout the reader gives.
 */
function syntheticTable(mb: number): { text: string; layout: PlanLayout } {
  const tasks = seed
    .split("\n")
    .filter((l) => /^\s*\d+\./.test(l))
    .map((l) => l.replace(/^\s*\d+\./, "").trim());
  const lines = [
    "某县教育局2023年重点工作任务分解表",
    "序号\t重点任务\t具体措施\t牵头单位\t配合单位\t完成时限",
  ];
  const rows: PlanLayout["tables"][number]["rows"] = [{ line: 1, row: 1 }];
  const merged = ["up", "up", null, "up", null, null] as const;
  let size = utf8MB(lines.join("\n"));
  for (let n = 0; size < mb; n++) {
    const [title, ...measures] = tasks[n % tasks.length]!.split("。").filter(Boolean);
    const first = [
      `${n + 1}`,
      title,
      measures[0] ?? title,
      "基础教育科",
      "教研室、电教站",
      "2023年6月底前",
    ].join("\t");
    lines.push(first);
    rows.push({ line: lines.length - 1, row: rows.length + 1 });
    size += utf8MB(first);
    for (const m of measures.slice(1)) {
      lines.push(["", "", `${m}。`, "", "财务科", "每季度"].join("\t"));
      rows.push({ line: lines.length - 1, row: rows.length + 1, merged: [...merged] });
      size += utf8MB(m) + 30e-6;
    }
  }
  return { text: lines.join("\n"), layout: { tables: [{ name: "表1", kind: "table", rows }] } };
}

function time(text: string, minMs: number, layout: PlanLayout | null = null): number {
  // Repeat until at least minMs has passed so short inputs are measured above timer noise.
  let runs = 0;
  const t0 = performance.now();
  let t = t0;
  do {
    parsePlan(text, layout);
    runs++;
    t = performance.now();
  } while (t - t0 < minMs);
  return (t - t0) / runs;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const ROUNDS = Number(process.env.BENCH_ROUNDS) > 0 ? Number(process.env.BENCH_ROUNDS) : null;

function throughput(
  text: string,
  rounds: number,
  minMs: number,
  layout: PlanLayout | null = null,
): { ms: number; mbPerS: number } {
  const ms = median(Array.from({ length: ROUNDS ?? rounds }, () => time(text, minMs, layout)));
  return { ms: Number(ms.toFixed(3)), mbPerS: Number((utf8MB(text) / (ms / 1000)).toFixed(2)) };
}

function memory(text: string): { heapUsedDeltaMB: number; peakRssDeltaMB: number; rssMB: number } {
  gc();
  const before = process.memoryUsage();
  const peakBefore = process.resourceUsage().maxRSS;
  const draft = parsePlan(text);
  // Measured while the draft is still alive: what a caller holding the result pays.
  const after = process.memoryUsage();
  const mb = (n: number): number => Number((n / 1e6).toFixed(1));
  if (draft.nodes.length === 0) throw new Error("synthetic plan did not parse");
  return {
    heapUsedDeltaMB: mb(after.heapUsed - before.heapUsed),
    // maxRSS is a high-water mark, so its growth is the parse's peak (measured before larger runs).
    peakRssDeltaMB: mb((process.resourceUsage().maxRSS - peakBefore) * 1024),
    rssMB: mb(after.rss),
  };
}

// Warm the JIT on small inputs, then take memory first, before larger runs raise the RSS high-water mark.
for (let i = 0; i < 20; i++) parsePlan(seed);
const warm = syntheticPlan(0.25);
for (let i = 0; i < 5; i++) parsePlan(warm);
const oneMB = syntheticPlan(1);
const memory1MB = memory(oneMB);

const draft = parsePlan(oneMB);
const countTasks = draft.nodes.reduce((n, s) => n + s.children.length, 0);
const countTargets = draft.nodes.reduce(
  (n, s) => n + s.children.reduce((m, t) => m + t.targets.length, 0),
  0,
);
const linearity = [0.25, 0.5, 1, 2].map((mb) => {
  const text = syntheticPlan(mb);
  const r = throughput(text, 7, 300);
  return { mb: Number(utf8MB(text).toFixed(3)), ms: r.ms, mbPerS: r.mbPerS };
});
const perMB = linearity.map((l) => l.ms / l.mb);

// Tables: the same figures for a 分解表 read with the reader's layout, and pasted as plain tab-separated text.
const table1MB = syntheticTable(1);
const tableDraft = parsePlan(table1MB.text, table1MB.layout);
const tableRows = table1MB.layout.tables[0]!.rows.length - 1;
if (tableDraft.nodes.length === 0) throw new Error("synthetic table did not parse");
const tableLinearity = [0.25, 0.5, 1].map((mb) => {
  const t = syntheticTable(mb);
  const r = throughput(t.text, 5, 300, t.layout);
  return { mb: Number(utf8MB(t.text).toFixed(3)), ms: r.ms, mbPerS: r.mbPerS };
});
const tablePerMB = tableLinearity.map((l) => l.ms / l.mb);

console.log(
  JSON.stringify(
    {
      node: process.version,
      rounds: ROUNDS ?? "7 (tables 5)",
      seed: { bytes: Buffer.byteLength(seed), ...throughput(seed, 7, 300) },
      synthetic1MB: {
        bytes: Buffer.byteLength(oneMB),
        sections: draft.nodes.length,
        tasks: countTasks,
        targets: countTargets,
        ...throughput(oneMB, 7, 300),
      },
      linearity: {
        points: linearity,
        msPerMBMaxOverMin: Number((Math.max(...perMB) / Math.min(...perMB)).toFixed(2)),
      },
      memory1MB,
      table1MB: {
        bytes: Buffer.byteLength(table1MB.text),
        rows: tableRows,
        tasks: tableDraft.nodes.length,
        measures: tableDraft.nodes.reduce((n, t) => n + t.measures.length, 0),
        withLayout: throughput(table1MB.text, 5, 300, table1MB.layout),
        pastedText: throughput(table1MB.text, 5, 300),
        linearity: {
          points: tableLinearity,
          msPerMBMaxOverMin: Number((Math.max(...tablePerMB) / Math.min(...tablePerMB)).toFixed(2)),
        },
      },
      goalMBPerS: 5,
    },
    null,
    2,
  ),
);
