// Every benchmark once at a tiny size, to prove it still runs and prints its JSON object: each `bench:*` script
// of package.json (but this one) must exit 0 and print an object without `failed` or `aborted`. Nothing is
// timed against a target. Run with `npm run bench:smoke` (BENCH_DATABASE_URL as for the benches themselves);
// BENCH_SMOKE_JOBS benches at a time (2), BENCH_SMOKE_ONLY=reports,forms to run some.
import { spawn } from "node:child_process";
import fs from "node:fs";

const root = new URL("../", import.meta.url);
const pkg = JSON.parse(fs.readFileSync(new URL("package.json", root), "utf8")) as {
  scripts: Record<string, string>;
};
const only = process.env.BENCH_SMOKE_ONLY?.split(",").filter(Boolean);
const names = Object.keys(pkg.scripts)
  .filter((s) => s.startsWith("bench:") && s !== "bench:smoke")
  .filter((s) => !only || only.includes(s.slice("bench:".length)));
const JOBS = Math.max(1, Number(process.env.BENCH_SMOKE_JOBS ?? 2));
const TIMEOUT_MS = Number(process.env.BENCH_SMOKE_TIMEOUT_MS ?? 5 * 60_000);

/** Tiny sizes: every bench reads its own variables; each ignores the others'. */
const TINY: Record<string, string> = {
  BENCH_SCHOOLS: "20",
  BENCH_ROUNDS: "1",
  BENCH_WARMUP_ROUNDS: "0",
  BENCH_RUNS: "1",
  BENCH_CALLERS: "4",
  BENCH_REQUESTS_PER_CALLER: "2",
  BENCH_RECOMPUTES: "2",
  BENCH_RECOMPUTE_UNITS: "100",
  BENCH_ARRIVAL_SPREAD_MS: "0",
  BENCH_PHASE_MS: "1000",
  BENCH_DOWNLOADS: "4",
  BENCH_ROWS: "300",
  BENCH_SOAK_MINUTES: "0.1",
  BENCH_SOAK_SAMPLE_MS: "2000",
  BENCH_SOAK_SEGMENT_MS: "2000",
  BENCH_STEP_SECONDS: "1",
  BENCH_CITIES: "2",
  BENCH_COUNTIES: "3",
  BENCH_SCHOOLS_PER_COUNTY: "10",
  BENCH_CYCLES: "2",
  BENCH_SUBMITTERS: "4",
  BENCH_COLD_SAMPLES: "1",
  // The server is compiled once below, not by every bench at once.
  BENCH_SKIP_BUILD: "1",
};

interface Outcome {
  bench: string;
  seconds: number;
  ok: boolean;
  reason?: string;
}

/**
 * The JSON a bench printed, from the first line that opens an object (or an array of objects, as bench:search
 * prints one per database), folded into one object whose `failed` / `aborted` is any item's.
 */
function printedObject(stdout: string): Record<string, unknown> | undefined {
  const start = stdout.search(/^[{[]/m);
  if (start < 0) return undefined;
  try {
    const value = JSON.parse(stdout.slice(start)) as Record<string, unknown> | Record<string, unknown>[];
    if (!Array.isArray(value)) return value;
    if (value.length === 0) return undefined;
    const bad = (k: string) => value.find((v) => v?.[k])?.[k];
    return {
      ...(bad("failed") ? { failed: bad("failed") } : {}),
      ...(bad("aborted") ? { aborted: bad("aborted") } : {}),
    };
  } catch {
    return undefined;
  }
}

function run(script: string): Promise<Outcome> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    const child = spawn("npm", ["run", "-s", script], {
      cwd: root,
      env: { ...process.env, ...TINY },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => {
      stdout += c;
    });
    child.stderr.on("data", (c: Buffer) => {
      stderr += c;
    });
    const timer = setTimeout(() => {
      stderr += `\nsmoke: timed out after ${TIMEOUT_MS} ms`;
      try {
        process.kill(-child.pid!, "SIGTERM");
      } catch {}
    }, TIMEOUT_MS);
    child.on("close", (code) => {
      clearTimeout(timer);
      const seconds = Number(((performance.now() - t0) / 1000).toFixed(1));
      const printed = printedObject(stdout);
      let reason: string | undefined;
      if (!printed) reason = `printed no JSON object; exit ${code}; ${stderr.slice(-600)}`;
      else if (printed.failed) reason = `failed: ${String(printed.failed).slice(0, 600)}`;
      else if (printed.aborted) reason = `aborted: ${String(printed.aborted)}`;
      else if (code !== 0) reason = `exit ${code}; ${stderr.slice(-600)}`;
      resolve({ bench: script, seconds, ok: !reason, ...(reason ? { reason } : {}) });
    });
  });
}

const t0 = performance.now();
const build = spawn(process.execPath, ["node_modules/typescript/bin/tsc", "-b", "packages/server"], {
  cwd: root,
  stdio: "inherit",
});
const built = await new Promise<number | null>((r) => build.on("close", r));
if (built !== 0) {
  console.log(JSON.stringify({ bench: "smoke", failed: "tsc -b packages/server failed" }, null, 2));
  process.exit(1);
}
const queue = [...names];
const outcomes: Outcome[] = [];
await Promise.all(
  Array.from({ length: JOBS }, async () => {
    for (let script = queue.shift(); script; script = queue.shift()) {
      process.stderr.write(`[bench:smoke] ${script}\n`);
      const o = await run(script);
      process.stderr.write(`[bench:smoke] ${script}: ${o.ok ? "ok" : "FAILED"} in ${o.seconds}s\n`);
      outcomes.push(o);
    }
  }),
);
const failedOnes = outcomes.filter((o) => !o.ok);
const result = {
  bench: "smoke",
  database: process.env.BENCH_DATABASE_URL ? "postgres" : "pglite",
  jobs: JOBS,
  totalS: Number(((performance.now() - t0) / 1000).toFixed(1)),
  benches: outcomes.sort((a, b) => a.bench.localeCompare(b.bench)),
  ...(failedOnes.length ? { failedBenches: failedOnes.map((o) => o.bench) } : {}),
};
console.log(JSON.stringify(result, null, 2));
process.exit(failedOnes.length ? 1 : 0);
