// Parser throughput, linearity and memory. Prints one JSON object; run with `npm run bench:parser`.
import { readFileSync } from "node:fs";
import { parsePlan } from "@duban/plan-parser";

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

function time(text: string, minMs: number): number {
  // Repeat until at least minMs has passed so short inputs are measured above timer noise.
  let runs = 0;
  const t0 = performance.now();
  let t = t0;
  do {
    parsePlan(text);
    runs++;
    t = performance.now();
  } while (t - t0 < minMs);
  return (t - t0) / runs;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function throughput(text: string, rounds: number, minMs: number): { ms: number; mbPerS: number } {
  const ms = median(Array.from({ length: rounds }, () => time(text, minMs)));
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

console.log(
  JSON.stringify(
    {
      node: process.version,
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
      goalMBPerS: 5,
    },
    null,
    2,
  ),
);
