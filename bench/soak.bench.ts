// Memory under a long mixed load: the plan page, 我的工作 and a task's assignment list read by the lead
// department, while BENCH_SCHOOLS schools resubmit their report and the department returns it, over and over,
// for BENCH_SOAK_MINUTES (30) at BENCH_CONCURRENCY (10) flows in flight, from the separate-process client.
// Prints the server's RSS and V8 heap in MB at start, each quarter and end, their slope in MB per minute over every
// sample and over the second half (after the warm-up), and the requests and errors. `npm run bench:soak`;
// BENCH_DATABASE_URL=postgres://… for PostgreSQL.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expectStatus, type HttpContext } from "./lib/http.js";
import { type Flow, runLoad } from "./lib/native-load.js";
import { seedPeople, seedScenario } from "./lib/seed.js";
import { buildServer, prepareDatabase, type RunningServer, startServer } from "./lib/server.js";

const MINUTES = Number(process.env.BENCH_SOAK_MINUTES ?? 30);
const SCHOOLS = Number(process.env.BENCH_SCHOOLS ?? 30);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 10);
const SAMPLE_MS = Number(process.env.BENCH_SOAK_SAMPLE_MS ?? 5000);
/**
 * MB per minute of live heap growth that counts as a trend: a request keeping 100 bytes at the soak's ~100
 * requests/s grows the heap by about 0.6 MB a minute.
 */
const GROWTH_LIMIT = 0.25;
const log = (msg: string) => process.stderr.write(`[bench:soak] ${msg}\n`);

const runId = `${Date.now().toString(36)}${randomBytes(2).toString("hex")}`;
const abort = new AbortController();
const http: HttpContext = {
  base: "",
  signal: abort.signal,
  maxRequests: 5000,
  sent: 0,
  requestTimeoutMs: 120_000,
};

/**
 * The server writes its memory figures here every second (a module preloaded with --import), and the heap that
 * survives a full collection every BENCH_SOAK_SAMPLE_MS (the server runs with --expose-gc): garbage not yet
 * collected is not a leak, so the live heap is what the slope is taken of.
 */
const memoryFile = path.join(os.tmpdir(), `duban-soak-${runId}.json`);
const writer = `import fs from "node:fs";let live=0;const w=()=>{const m=process.memoryUsage();fs.writeFileSync(${JSON.stringify(memoryFile)},JSON.stringify({rss:m.rss,heapUsed:m.heapUsed,live}))};setInterval(()=>{globalThis.gc();live=process.memoryUsage().heapUsed;w()},${SAMPLE_MS}).unref();setInterval(w,1000).unref();`;

interface Sample {
  minute: number;
  rssMb: number;
  heapMb: number;
  /** The heap after the latest full collection. */
  liveHeapMb: number;
}

function sample(t0: number): Sample | null {
  try {
    const m = JSON.parse(fs.readFileSync(memoryFile, "utf8")) as {
      rss: number;
      heapUsed: number;
      live: number;
    };
    const mb = (n: number) => Number((n / 2 ** 20).toFixed(1));
    return {
      minute: Number(((performance.now() - t0) / 60_000).toFixed(2)),
      rssMb: mb(m.rss),
      heapMb: mb(m.heapUsed),
      liveHeapMb: mb(m.live),
    };
  } catch {
    return null;
  }
}

/** Least-squares slope of `y` over minutes. */
function slope(samples: Sample[], y: (s: Sample) => number): number {
  const n = samples.length;
  if (n < 2) return 0;
  const mx = samples.reduce((a, s) => a + s.minute, 0) / n;
  const my = samples.reduce((a, s) => a + y(s), 0) / n;
  const num = samples.reduce((a, s) => a + (s.minute - mx) * (y(s) - my), 0);
  const den = samples.reduce((a, s) => a + (s.minute - mx) ** 2, 0);
  return den ? Number((num / den).toFixed(2)) : 0;
}

async function main() {
  const result: Record<string, unknown> = {
    bench: "soak",
    runId,
    minutes: MINUTES,
    schools: SCHOOLS,
    concurrency: CONCURRENCY,
  };
  let server: RunningServer | undefined;
  const database = await prepareDatabase(process.env.BENCH_DATABASE_URL || undefined, runId);
  try {
    const build = buildServer();
    if (build.message) log(build.message);
    process.env.BENCH_SERVER_NODE_ARGS = [
      process.env.BENCH_SERVER_NODE_ARGS ?? "",
      "--expose-gc",
      `--import=data:text/javascript,${encodeURIComponent(writer)}`,
    ].join(" ");
    Object.assign(process.env, { SCHEDULER: "0", BENCH_LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "warn" });
    server = await startServer({ databaseUrl: database.url, signal: abort.signal });
    http.base = server.base;
    result.database = { kind: database.kind, isolation: database.isolation, version: database.serverVersion };
    const people = await seedPeople(http, runId, SCHOOLS);
    const scenario = await seedScenario(runId, people);
    // Every school's report submitted once: the soak returns and resubmits it.
    for (const s of scenario.schools) {
      const res = await s.client.post(`/api/assignments/${s.assignmentId}/reports`, {
        cycleId: scenario.cycleId,
        progress: 40,
        submit: true,
      });
      expectStatus(res, 201, "first report");
    }
    const lead = scenario.lead.sessionHeaders();
    const reads: Flow[] = [
      [{ method: "GET", path: `/api/plans/${scenario.planId}`, headers: lead }],
      [{ method: "GET", path: "/api/my-work?page=1&pageSize=20", headers: lead }],
      [
        {
          method: "GET",
          path: `/api/nodes/${scenario.nodeId}/assignments?page=1&pageSize=20`,
          headers: lead,
        },
      ],
    ];
    const cycles: Flow[] = scenario.schools.map((s) => [
      { method: "GET", path: `/api/assignments/${s.assignmentId}/reports`, headers: lead },
      {
        method: "POST",
        path: "/api/reports/{{0.items.0.id}}/review",
        headers: lead,
        json: { decision: "return", reason: "请补充佐证材料", version: "{{0.items.0.version}}" },
      },
      {
        method: "POST",
        path: `/api/assignments/${s.assignmentId}/reports`,
        headers: s.client.sessionHeaders(),
        json: { cycleId: scenario.cycleId, progress: 50, submit: true, version: "{{1.version}}" },
      },
    ]);
    // Reads and writes interleaved: three reads for every school's return-and-resubmit.
    const flows = cycles.flatMap((c) => [...reads, c]);
    await new Promise((r) => setTimeout(r, 1500));
    const t0 = performance.now();
    const samples: Sample[] = [];
    const first = sample(t0);
    if (first) samples.push(first);
    const timer = setInterval(() => {
      const s = sample(t0);
      if (s) samples.push(s);
    }, SAMPLE_MS);
    const load = await runLoad({
      base: server.base,
      flows,
      concurrency: CONCURRENCY,
      durationMs: MINUTES * 60_000,
      signal: abort.signal,
    });
    clearInterval(timer);
    await new Promise((r) => setTimeout(r, 1500));
    const last = sample(t0);
    if (last) samples.push(last);
    const requests = load.flows.flatMap((f) => f.requests);
    const errors = requests.filter((r) => !r.ok);
    const messages = new Map<string, number>();
    for (const e of errors)
      messages.set(e.error ?? String(e.status), (messages.get(e.error ?? String(e.status)) ?? 0) + 1);
    const mid = samples[Math.floor(samples.length / 2)];
    result.requests = requests.length;
    result.flows = load.flows.length;
    result.errors = errors.length;
    result.errorSamples = [...messages]
      .slice(0, 3)
      .map(([message, count]) => ({ message: message.slice(0, 200), count }));
    const at = (q: number) => samples[Math.min(samples.length - 1, Math.round((samples.length - 1) * q))];
    result.memoryMb = {
      start: samples[0],
      middle: mid,
      end: samples.at(-1),
      quarters: [0.25, 0.5, 0.75].map(at),
      max: Math.max(...samples.map((s) => s.rssMb)),
    };
    // The first full collection comes SAMPLE_MS into the run: earlier samples have no live heap yet.
    const collected = samples.filter((s) => s.liveHeapMb > 0);
    result.slopeMbPerMinute = {
      rss: slope(samples, (s) => s.rssMb),
      heap: slope(samples, (s) => s.heapMb),
      liveHeap: slope(collected, (s) => s.liveHeapMb),
    };
    // The first half includes the server's warm-up (compiled code, pools, caches filling); a leak keeps growing after.
    const secondHalf = collected.filter((s) => s.minute >= MINUTES / 2);
    const liveSlope = slope(secondHalf, (s) => s.liveHeapMb);
    result.secondHalfSlopeMbPerMinute = { rss: slope(secondHalf, (s) => s.rssMb), liveHeap: liveSlope };
    result.goal = {
      target: `no growth trend: the live heap's slope over the second half below ${GROWTH_LIMIT} MB per minute`,
      met: secondHalf.length >= 2 && liveSlope < GROWTH_LIMIT,
    };
    result.samples = samples.length;
  } catch (err) {
    result.failed = String((err as Error).stack);
    if (server) result.serverLogTail = fs.readFileSync(server.logFile, "utf8").slice(-1500);
  } finally {
    await server?.stop().catch((e) => log(`stop server: ${e}`));
    await database.drop().catch((e) => log(`drop database: ${e}`));
    fs.rmSync(memoryFile, { force: true });
  }
  console.log(JSON.stringify(result, null, 2));
  process.exit(result.failed ? 1 : 0);
}

await main();
