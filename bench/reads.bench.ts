// The reads that must not grow with the school count, under a steady load: the plan page (GET /api/plans/:id,
// 24 tasks × BENCH_SCHOOLS schools), 我的工作 of the department with BENCH_SCHOOLS reports to review
// (GET /api/my-work), and the first page of a task's assignment list (GET /api/nodes/:id/assignments), each sent
// by a native client in its own process at BENCH_CONCURRENCY (50) for BENCH_STEP_SECONDS, beside a hello-world
// node:http server under the same load (the floor). Prints requests/s, p50/p95/p99, the server's CPU ms per
// request from /proc and its RSS: at start, after each step, and the kernel's high-water mark within each step (the
// goal reads the largest of them); medians of BENCH_RUNS rounds.
// `npm run bench:reads`; BENCH_DATABASE_URL=postgres://… runs it on PostgreSQL, PGlite otherwise.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { openDatabase } from "../packages/server/src/db/client.js";
import { processCpuMs } from "./lib/cpu.js";
import { startFloorServer } from "./lib/floor.js";
import { Client, expectStatus, type HttpContext, sessionHeaders } from "./lib/http.js";
import { peakRssMb, resetPeakRss, rssMb } from "./lib/memory.js";
import { runLoad } from "./lib/native-load.js";
import { seedReadRows } from "./lib/reads-seed.js";
import { publishSeedPlan } from "./lib/seed-plan.js";
import {
  type BenchDatabase,
  buildServer,
  prepareDatabase,
  type RunningServer,
  startServer,
} from "./lib/server.js";
import { Step, type StepSummary } from "./lib/stats.js";

const SCHOOLS = Number(process.env.BENCH_SCHOOLS ?? 300);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
const STEP_MS = Number(process.env.BENCH_STEP_SECONDS ?? 5) * 1000;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
/** The server's day: December of the plan year, its cycle open, November's reports approved. */
const TODAY = "2023-12-20";
const GOAL_CPU_MS = 5;
const GOAL_RSS_MB = 300;
const log = (msg: string) => process.stderr.write(`[bench:reads] ${msg}\n`);

const runId = `${Date.now().toString(36)}${randomBytes(2).toString("hex")}`;
const abort = new AbortController();
const http: HttpContext = {
  base: "",
  signal: abort.signal,
  maxRequests: 1000,
  sent: 0,
  requestTimeoutMs: 120_000,
};

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length ? (s[Math.floor((s.length - 1) / 2)]! + s[Math.ceil((s.length - 1) / 2)]!) / 2 : 0;
}

type Figures = StepSummary & { serverCpuMsPerRequest: number; rssMbAfter: number; rssMbPeak: number };

/** CONCURRENCY requests in flight for STEP_MS against `base`; CPU per request of process `pid`. */
async function load(
  base: string,
  pid: number,
  path: string,
  headers: Record<string, string>,
): Promise<Figures> {
  resetPeakRss(pid);
  const cpu0 = processCpuMs(pid);
  const result = await runLoad({
    base,
    flows: Array.from({ length: CONCURRENCY }, () => [{ method: "GET", path, headers }]),
    concurrency: CONCURRENCY,
    durationMs: STEP_MS,
    signal: abort.signal,
  });
  const cpuMs = processCpuMs(pid) - cpu0;
  const step = new Step();
  for (const f of result.flows) for (const r of f.requests) step.add(r);
  const summary = step.summary();
  return {
    ...summary,
    serverCpuMsPerRequest: Number((cpuMs / Math.max(1, summary.requests)).toFixed(3)),
    rssMbAfter: rssMb(pid),
    rssMbPeak: peakRssMb(pid),
  };
}

/** Medians across rounds. */
function medianOf(rounds: Figures[]) {
  const m = (f: (r: Figures) => number, digits = 1) => Number(median(rounds.map(f)).toFixed(digits));
  return {
    rounds: rounds.length,
    requests: m((r) => r.requests, 0),
    errors: rounds.reduce((n, r) => n + r.errors, 0),
    errorSamples: rounds.flatMap((r) => r.errorSamples).slice(0, 3),
    requestsPerS: m((r) => r.requestsPerS),
    p50: m((r) => r.latencyMs.p50),
    p95: m((r) => r.latencyMs.p95),
    p99: m((r) => r.latencyMs.p99),
    serverCpuMsPerRequest: m((r) => r.serverCpuMsPerRequest, 2),
    rssMbAfter: rounds.map((r) => r.rssMbAfter),
    rssMbPeak: rounds.map((r) => r.rssMbPeak),
  };
}

/** Stops the server, seeds the rows through its database (PGlite's directory or PostgreSQL), starts it again. */
async function seed(server: RunningServer, database: BenchDatabase, planId: string): Promise<RunningServer> {
  const department = new Client({ ...http, base: server.base });
  const signedIn = await department.login("xueqian", "Duban@2023");
  expectStatus(signedIn, 200, "login xueqian");
  const me = signedIn.body as { tenant: { id: string }; unit: { id: string } | null };
  type Node = { id: string; level: string; number: number | null; children: Node[] };
  const plan = (await department.get(`/api/plans/${planId}`)).body as { nodes: Node[] };
  const flat = (nodes: Node[]): Node[] => nodes.flatMap((n) => [n, ...flat(n.children)]);
  const task = flat(plan.nodes).find((n) => n.level === "task" && n.number === 9);
  if (!task || !me.unit) throw new Error("seed plan has no task 9, or xueqian no unit");
  const dataDir = server.dataDir;
  await server.stop();
  const db = await openDatabase({ url: database.url, dataDir, poolSize: 1 });
  try {
    await seedReadRows((s) => db.db.execute(sql.raw(s)).then(() => undefined), {
      tenantId: me.tenant.id,
      planId,
      leadUnitId: me.unit.id,
      nodeId: task.id,
      runId,
      schools: SCHOOLS,
    });
  } finally {
    await db.close();
  }
  nodeId = task.id;
  return startServer({ databaseUrl: database.url, signal: abort.signal, dataDir });
}

let nodeId = "";

async function main() {
  const result: Record<string, unknown> = {
    bench: "reads",
    runId,
    schools: SCHOOLS,
    concurrency: CONCURRENCY,
    stepSeconds: STEP_MS / 1000,
    today: TODAY,
  };
  const dbUrl = process.env.BENCH_DATABASE_URL || undefined;
  let server: RunningServer | undefined;
  const database = await prepareDatabase(dbUrl, runId);
  // The bench's own data dir: the server is stopped once to seed it (PGlite's directory) and started again on it.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "duban-bench-reads-"));
  try {
    const build = buildServer();
    if (build.message) log(build.message);
    Object.assign(process.env, {
      DUBAN_FAKE_NOW: `${TODAY}T10:00:00+08:00`,
      DUBAN_ALLOW_FAKE_NOW: "1",
      SCHEDULER: "0",
      BENCH_LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "warn",
    });
    server = await startServer({ databaseUrl: database.url, signal: abort.signal, dataDir });
    http.base = server.base;
    result.database = { kind: database.kind, isolation: database.isolation, version: database.serverVersion };
    result.machine = { cpus: os.cpus().length, loadAvgBefore: os.loadavg().map((n) => Number(n.toFixed(2))) };
    const supervisor = new Client(http);
    expectStatus(await supervisor.login("ducha", "Duban@2023"), 200, "login ducha");
    const planId = await publishSeedPlan(supervisor);
    const t0 = performance.now();
    server = await seed(server, database, planId);
    result.seedSeconds = Number(((performance.now() - t0) / 1000).toFixed(1));
    const base = server.base;
    const asSupervisor = await sessionHeaders(base, "ducha");
    const asDepartment = await sessionHeaders(base, "xueqian");
    const reads = {
      planPage: { path: `/api/plans/${planId}`, headers: asSupervisor },
      myWork: { path: "/api/my-work?page=1&pageSize=20", headers: asDepartment },
      assignments: { path: `/api/nodes/${nodeId}/assignments?page=1&pageSize=20`, headers: asDepartment },
    };
    // What each read answers, to show the scenario is the one described.
    const sizes: Record<string, unknown> = {};
    for (const [name, r] of Object.entries(reads)) {
      const res = await fetch(base + r.path, { headers: r.headers });
      const text = await res.text();
      if (!res.ok) throw new Error(`${name}: ${res.status} ${text.slice(0, 300)}`);
      const body = JSON.parse(text) as { total?: number };
      sizes[name] = { bytes: text.length, ...(body.total !== undefined ? { total: body.total } : {}) };
    }
    result.answers = sizes;
    // The server's peak so far (its start on the seeded data, the answers read above), then each step's own.
    const rss: Record<string, number> = { start: rssMb(server.pid), peakBeforeSteps: peakRssMb(server.pid) };
    // Where the kernel cannot reset the mark, each step's peak is the process's since it started: still an upper bound.
    result.rssPeakOf = resetPeakRss(server.pid) ? "each step" : "the server's whole run";
    const peaks: number[] = [];
    const floor = await startFloorServer();
    try {
      // Warm-up: JIT, pools, caches; not counted.
      for (const r of Object.values(reads))
        peaks.push((await load(base, server.pid, r.path, r.headers)).rssMbPeak);
      rss.afterWarmUp = rssMb(server.pid);
      const rounds: Record<string, Figures[]> = { floor: [], planPage: [], myWork: [], assignments: [] };
      for (let round = 0; round < RUNS; round++) {
        log(`round ${round + 1}/${RUNS}`);
        rounds.floor!.push(await load(floor.base, floor.pid, "/", {}));
        for (const [name, r] of Object.entries(reads)) {
          const figures = await load(base, server.pid, r.path, r.headers);
          rounds[name]!.push(figures);
          rss[`round${round + 1}.${name}`] = figures.rssMbAfter;
          peaks.push(figures.rssMbPeak);
        }
      }
      const steps = Object.fromEntries(Object.entries(rounds).map(([k, v]) => [k, medianOf(v)]));
      result.steps = steps;
      result.rssMb = rss;
      const floorCpu = (steps.floor as { serverCpuMsPerRequest: number }).serverCpuMsPerRequest;
      const cpu = (k: string) => (steps[k] as { serverCpuMsPerRequest: number }).serverCpuMsPerRequest;
      result.cpuRatioToFloor = Object.fromEntries(
        Object.keys(reads).map((k) => [k, Number((cpu(k) / Math.max(0.001, floorCpu)).toFixed(1))]),
      );
      // The kernel's high-water mark of every step: what RSS reached at any moment, not only between steps.
      const maxRss = Math.max(...peaks, ...Object.values(rss));
      result.goal = {
        target: `< ${GOAL_CPU_MS} ms server CPU per request for each read; RSS < ${GOAL_RSS_MB} MB through the bench`,
        cpuMsPerRequest: Object.fromEntries(Object.keys(reads).map((k) => [k, cpu(k)])),
        maxRssMb: maxRss,
        met: Object.keys(reads).every((k) => cpu(k) < GOAL_CPU_MS) && maxRss < GOAL_RSS_MB,
      };
    } finally {
      floor.stop();
    }
  } catch (err) {
    result.failed = String((err as Error).stack);
    if (server) result.serverLogTail = fs.readFileSync(server.logFile, "utf8").slice(-1500);
  } finally {
    await server?.stop().catch((e) => log(`stop server: ${e}`));
    await database.drop().catch((e) => log(`drop database: ${e}`));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  console.log(JSON.stringify(result, null, 2));
  process.exit(result.failed ? 1 : 0);
}

await main();
