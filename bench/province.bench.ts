// Province scale: a synthetic province (1 province, BENCH_CITIES 14 cities, BENCH_COUNTIES 100 counties as
// nested tenants, BENCH_SCHOOLS_PER_COUNTY 300 schools each carrying BENCH_TASKS_PER_SCHOOL 10 of its county
// plan's 24 tasks, BENCH_CYCLES 12 monthly cycles of approved reports: 3.6 M reports, one task in five handed
// down from each city to its counties and from the province to every city) built in PostgreSQL, beside a
// single-county world built the same way (1 city, 1 county). On each, with a native client at
// BENCH_CONCURRENCY (20): a county's plan page and cockpit, a city's roll-up over its counties and the
// province's over its cities (GET /api/hand-downs of their plans), steady (kept answers, as readers see them)
// and computed afresh (data versions moved before each request), and school report submissions; the server's
// CPU ms per request from /proc, the database backends' CPU, p50/p95, and the ratio province / single county.
// Then EXPLAIN (ANALYZE, BUFFERS) of every statement behind each endpoint on the province, with total buffers.
// `BENCH_DATABASE_URL=postgres://… npm run bench:province`; it creates and drops duban_prov_* databases.
import { randomBytes } from "node:crypto";
import os from "node:os";
import { startFloorServer } from "./lib/floor.js";
import { runLoad } from "./lib/native-load.js";
import { buildServer } from "./lib/server.js";
import { medians } from "./lib/stats.js";
import type { ProvinceSize } from "./province/build.js";
import { explainEndpoints } from "./province/explain.js";
import { closeWorld, cold, type Figures, steady, submit } from "./province/measure.js";
import { type Setup, setUpWorld } from "./province/world.js";

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const SIZE: ProvinceSize = {
  cities: env("BENCH_CITIES", 14),
  counties: env("BENCH_COUNTIES", 100),
  schoolsPerCounty: env("BENCH_SCHOOLS_PER_COUNTY", 300),
  tasksPerSchool: env("BENCH_TASKS_PER_SCHOOL", 10),
  cycles: env("BENCH_CYCLES", 12),
  submitters: env("BENCH_SUBMITTERS", 20),
};
const CONCURRENCY = env("BENCH_CONCURRENCY", 20);
const STEP_MS = env("BENCH_STEP_SECONDS", 5) * 1000;
const RUNS = env("BENCH_RUNS", 3);
const COLD = env("BENCH_COLD_SAMPLES", 5);
const TODAY = "2023-12-20";
const NOW = new Date(`${TODAY}T10:00:00+08:00`);
const GOAL_RATIO = 1.5;
const GOAL_ROLLUP_P95_MS = 200;
const log = (msg: string) => process.stderr.write(`[bench:province] ${msg}\n`);
const runId = `${Date.now().toString(36)}${randomBytes(2).toString("hex")}`;
const abort = new AbortController();
const load1 = () => Number(os.loadavg()[0]!.toFixed(2));

type Pair = { single: Figures; province: Figures; ratio: { cpuMs: number; p95: number } };
const cpuOf = (f: Figures) => f.serverCpuMsPerRequest + f.dbCpuMsPerRequest;
const ratio = (a: number, b: number) => Number((a / Math.max(0.01, b)).toFixed(2));
function pair(single: Figures, province: Figures): Pair {
  return {
    single,
    province,
    ratio: { cpuMs: ratio(cpuOf(province), cpuOf(single)), p95: ratio(province.p95, single.p95) },
  };
}

/** Steady and fresh figures of every read, rounds interleaved between the worlds; medians. */
async function measureReads(worlds: [Setup, Setup]) {
  const names = Object.keys(worlds[0].reads);
  const rounds: Record<string, Figures[][]> = Object.fromEntries(names.map((n) => [n, [[], []]]));
  const floor = await startFloorServer();
  const floors: number[] = [];
  try {
    // Warm-up (JIT, pools, kept pages), not counted; left out at the smoke's one-second steps.
    if (STEP_MS > 1000)
      for (const w of worlds) for (const n of names) await steady(w.world, w.reads[n]!, CONCURRENCY, 1000);
    for (let r = 0; r < RUNS; r++) {
      log(`steady round ${r + 1}/${RUNS} (load ${load1()})`);
      const f = await runLoad({
        base: floor.base,
        flows: Array.from({ length: CONCURRENCY }, () => [{ method: "GET", path: "/" }]),
        concurrency: CONCURRENCY,
        durationMs: STEP_MS,
      });
      floors.push(f.flows.length / (f.wallMs / 1000));
      for (const n of names)
        for (const [i, w] of worlds.entries())
          rounds[n]![i]!.push(await steady(w.world, w.reads[n]!, CONCURRENCY, STEP_MS));
    }
  } finally {
    floor.stop();
  }
  const fresh: Record<string, Pair> = {};
  for (const n of names) {
    log(`fresh ${n} (load ${load1()})`);
    const single = await cold(worlds[0].world, worlds[0].reads[n]!, COLD);
    fresh[n] = pair(single, await cold(worlds[1].world, worlds[1].reads[n]!, COLD));
  }
  const steadyPairs = Object.fromEntries(
    names.map((n) => [n, pair(medians(rounds[n]![0]!), medians(rounds[n]![1]!))]),
  );
  return { steady: steadyPairs, fresh, floorRequestsPerS: Math.round(medians(floors)) };
}

/** Submissions split over the rounds, the same number on each world; medians. */
async function measureSubmissions(worlds: [Setup, Setup]): Promise<Pair> {
  const per = Math.floor((Math.min(...worlds.map((w) => w.submissions.length)) - 1) / RUNS);
  const rounds: Figures[][] = [[], []];
  for (let r = 0; r < RUNS; r++)
    for (const [i, w] of worlds.entries())
      rounds[i]!.push(await submit(w.world, w.submissions.splice(0, per), CONCURRENCY));
  return pair(medians(rounds[0]!), medians(rounds[1]!));
}

/** EXPLAIN of the statements behind each endpoint, on one world. */
function explainWorld(w: Setup) {
  const last = w.submissions.at(-1)!;
  return explainEndpoints(w.world.database.url!, NOW, [
    ...Object.entries(w.reads).map(([name, r]) => ({
      name,
      method: "GET" as const,
      url: r.path,
      headers: r.headers,
      tenants: r.tenants,
    })),
    {
      name: "submit",
      method: "POST",
      url: `/api/assignments/${last.assignmentId}/reports`,
      headers: last.headers,
      payload: { cycleId: last.cycleId, progress: 95, doneText: "按计划推进。", submit: true },
      tenants: [],
    },
  ]);
}

function goals(reads: Awaited<ReturnType<typeof measureReads>>, submissions: Pair) {
  const own = ["countyPlan", "countyCockpit"];
  const within = (p: Pair) => p.ratio.cpuMs <= GOAL_RATIO;
  const rollups = ["cityRollup", "provinceRollup"];
  return {
    target: `a county's own pages (and its submission) within ${GOAL_RATIO}× the single-county CPU per request, steady and fresh; city and province roll-ups under ${GOAL_ROLLUP_P95_MS} ms p95 at concurrency ${CONCURRENCY}`,
    countyPagesRatio: Object.fromEntries(
      own.map((n) => [n, { steady: reads.steady[n]!.ratio.cpuMs, fresh: reads.fresh[n]!.ratio.cpuMs }]),
    ),
    submitRatio: submissions.ratio.cpuMs,
    rollupP95Ms: Object.fromEntries(rollups.map((n) => [n, reads.steady[n]!.province.p95])),
    met:
      own.every((n) => within(reads.steady[n]!) && within(reads.fresh[n]!)) &&
      within(submissions) &&
      rollups.every((n) => reads.steady[n]!.province.p95 < GOAL_ROLLUP_P95_MS),
  };
}

async function main() {
  const result: Record<string, unknown> = {
    bench: "province",
    runId,
    size: SIZE,
    concurrency: CONCURRENCY,
    stepSeconds: STEP_MS / 1000,
    runs: RUNS,
    freshSamples: COLD,
    today: TODAY,
    provinceRollup: "the province's own hand-downs to its cities (GET /api/hand-downs of its plan)",
  };
  const adminUrl = process.env.BENCH_DATABASE_URL;
  if (!adminUrl) {
    result.skipped =
      "needs PostgreSQL: set BENCH_DATABASE_URL (a province does not fit the embedded database)";
    console.log(JSON.stringify(result, null, 2));
    return;
  }
  const worlds: Setup[] = [];
  try {
    const build = buildServer();
    if (build.message) log(build.message);
    Object.assign(process.env, {
      DUBAN_FAKE_NOW: NOW.toISOString(),
      DUBAN_ALLOW_FAKE_NOW: "1",
      SCHEDULER: "0",
      BENCH_LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "warn",
    });
    result.machine = { cpus: os.cpus().length, loadAvgBefore: os.loadavg().map((n) => Number(n.toFixed(2))) };
    const base = { adminUrl, runId, signal: abort.signal, log };
    // Both at once: each world's server starts and its rows are written while the other's are.
    const settled = await Promise.allSettled([
      setUpWorld({ ...base, label: "single", size: { ...SIZE, cities: 1, counties: 1 } }),
      setUpWorld({ ...base, label: "province", size: SIZE }),
    ]);
    for (const s of settled) if (s.status === "fulfilled") worlds.push(s.value);
    for (const s of settled) if (s.status === "rejected") throw s.reason;
    const [single, province] = worlds as [Setup, Setup];
    result.build = { single: single.build, province: province.build };
    // BENCH_BUILD_ONLY=1 (with BENCH_KEEP_DATABASES=1): the worlds without the measurements, to study plans on.
    if (process.env.BENCH_BUILD_ONLY === "1") return;
    const reads = await measureReads([single, province]);
    result.loadAvgAfterReads = os.loadavg().map((n) => Number(n.toFixed(2)));
    const submissions = await measureSubmissions([single, province]);
    result.steady = reads.steady;
    result.fresh = reads.fresh;
    result.submit = submissions;
    result.floorRequestsPerS = reads.floorRequestsPerS;
    log(`explain (load ${load1()})`);
    result.explain = { single: await explainWorld(single), province: await explainWorld(province) };
    result.goal = goals(reads, submissions);
    result.machine = {
      ...(result.machine as object),
      loadAvgAfter: os.loadavg().map((n) => Number(n.toFixed(2))),
    };
  } catch (err) {
    result.failed = String((err as Error).stack);
  } finally {
    await reportAndClose(result, worlds);
  }
}

/** Stops the servers, drops the databases (unless kept) and prints the figures. */
async function reportAndClose(result: Record<string, unknown>, worlds: Setup[]) {
  for (const w of worlds) {
    await closeWorld(w.world).catch((e) => log(`close: ${e}`));
    await w.world.server.stop().catch((e) => log(`stop server: ${e}`));
    // BENCH_KEEP_DATABASES=1 leaves them for a look at their plans (drop them by hand afterwards).
    if (process.env.BENCH_KEEP_DATABASES === "1") log(`kept ${w.world.database.url}`);
    else await w.world.database.drop().catch((e) => log(`drop database: ${e}`));
  }
  console.log(JSON.stringify(result, null, 2));
  process.exit(result.failed ? 1 : 0);
}

await main();
