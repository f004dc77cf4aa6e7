// Memory under a long mixed load: the plan page, 我的工作 and a task's assignment list read by the lead
// department, while BENCH_SCHOOLS schools resubmit their report and the department returns it, over and over,
// for BENCH_SOAK_MINUTES (30) at BENCH_CONCURRENCY (10) flows in flight, from the separate-process client.
// The load runs in segments of BENCH_SOAK_SEGMENT_MS (30 s); between two, when no request is in flight, the server
// collects its garbage and reports the heap that survives: the idle live heap, what a leak would grow.
// Prints the server's RSS and V8 heap in MB at start, each quarter and end, their slope in MB per minute over every
// sample and over the second half (after the warm-up), the idle live heap's, and the requests and errors.
// `npm run bench:soak`; BENCH_DATABASE_URL=postgres://… for PostgreSQL.
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
const SEGMENT_MS = Number(process.env.BENCH_SOAK_SEGMENT_MS ?? 30_000);
/**
 * MB per minute of idle live heap growth that counts as a trend: a request keeping 100 bytes at the soak's ~100
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
 * Every thread of the server (main, and PGlite's worker on the embedded database) writes its memory figures to a
 * file of its own here, from lib/memory-probe.mjs (see there); the bench asks for idle figures through its `idle`.
 */
const memoryDir = fs.mkdtempSync(path.join(os.tmpdir(), `duban-soak-${runId}-`));
const memoryProbe = new URL("./lib/memory-probe.mjs", import.meta.url).href;

interface ThreadMemory {
  rss: number;
  heapUsed: number;
  live: number;
  idle: number;
  idleSeq: number;
  /** When the thread last wrote (ms since the epoch): a worker that ended stops writing. */
  at: number;
}

const mb = (n: number) => Number((n / 2 ** 20).toFixed(1));

/** The main thread's figures and those of the worker threads that wrote in the last 3 s. */
function readMemory(): { main: ThreadMemory; workers: ThreadMemory[] } | null {
  const read = (file: string) => {
    try {
      return JSON.parse(fs.readFileSync(path.join(memoryDir, file), "utf8")) as ThreadMemory;
    } catch {
      return null;
    }
  };
  const main = read("main.json");
  if (!main) return null;
  const workers = fs
    .readdirSync(memoryDir)
    .filter((f) => f.startsWith("worker-") && f.endsWith(".json"))
    .map(read)
    .filter((w): w is ThreadMemory => w !== null && Date.now() - w.at < 3000);
  return { main, workers };
}

interface Sample {
  minute: number;
  rssMb: number;
  /** The main thread's heap, garbage included. */
  heapMb: number;
  /** The main thread's heap after its latest full collection. */
  liveHeapMb: number;
  /** The worker threads' heaps after their latest full collection (PGlite's, on the embedded database). */
  workerLiveHeapMb: number;
}

function sample(t0: number): Sample | null {
  const m = readMemory();
  if (!m) return null;
  return {
    minute: Number(((performance.now() - t0) / 60_000).toFixed(2)),
    rssMb: mb(m.main.rss),
    heapMb: mb(m.main.heapUsed),
    liveHeapMb: mb(m.main.live),
    workerLiveHeapMb: mb(m.workers.reduce((a, w) => a + w.live, 0)),
  };
}

interface IdleSample {
  minute: number;
  rssMb: number;
  /** Every thread's live heap, added up: what the goal is judged on. */
  liveHeapMb: number;
  mainMb: number;
  workersMb: number;
  /** How many worker threads answered: PGlite's, and a pool's worker kept idle for a minute after its job. */
  workers: number;
}

let idleSeq = 0;

/** Every thread's heap after a full collection with no request in flight: asks, and waits for every answer. */
async function idleSample(t0: number): Promise<IdleSample> {
  const seq = ++idleSeq;
  fs.writeFileSync(path.join(memoryDir, "idle"), String(seq));
  for (let waited = 0; waited < 10_000; waited += 50) {
    await new Promise((r) => setTimeout(r, 50));
    const m = readMemory();
    if (!m || m.main.idleSeq < seq || m.workers.some((w) => w.idleSeq < seq)) continue;
    const main = m.main.idle;
    const workers = m.workers.reduce((a, w) => a + w.idle, 0);
    return {
      minute: Number(((performance.now() - t0) / 60_000).toFixed(2)),
      rssMb: mb(m.main.rss),
      liveHeapMb: mb(main + workers),
      mainMb: mb(main),
      workersMb: mb(workers),
      workers: m.workers.length,
    };
  }
  throw new Error("the server's threads did not report their idle heap within 10 s");
}

/** Least-squares slope of `y` over minutes. */
function slope<S extends { minute: number }>(samples: S[], y: (s: S) => number): number {
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
      `--import=${memoryProbe}`,
    ].join(" ");
    Object.assign(process.env, {
      SCHEDULER: "0",
      BENCH_LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "warn",
      BENCH_MEMORY_PROBE_DIR: memoryDir,
      BENCH_SOAK_SAMPLE_MS: String(SAMPLE_MS),
    });
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
    const idle = [await idleSample(t0)];
    const timer = setInterval(() => {
      const s = sample(t0);
      if (s) samples.push(s);
    }, SAMPLE_MS);
    // Segment after segment until the time is up; each ends when its last flow has its answer.
    const end = t0 + MINUTES * 60_000;
    let requests = 0;
    let errors = 0;
    let flowCount = 0;
    const messages = new Map<string, number>();
    while (performance.now() < end - 1000) {
      const load = await runLoad({
        base: server.base,
        flows,
        concurrency: CONCURRENCY,
        durationMs: Math.min(SEGMENT_MS, end - performance.now()),
        signal: abort.signal,
      });
      flowCount += load.flows.length;
      for (const f of load.flows)
        for (const r of f.requests) {
          requests++;
          if (r.ok) continue;
          errors++;
          const message = r.error ?? String(r.status);
          messages.set(message, (messages.get(message) ?? 0) + 1);
        }
      idle.push(await idleSample(t0));
    }
    clearInterval(timer);
    await new Promise((r) => setTimeout(r, 1500));
    const last = sample(t0);
    if (last) samples.push(last);
    // What the soak makes grow on purpose: each school's one report gains two history events per cycle, and every
    // answer about it carries its whole history.
    const probe = await scenario.lead.get(`/api/assignments/${scenario.schools[0]!.assignmentId}/reports`);
    expectStatus(probe, 200, "reports at the end");
    const report = (probe.body as { items: { history: unknown[] }[] }).items[0];
    result.reportAtEnd = {
      historyEvents: report?.history.length ?? 0,
      answerKb: Math.round(JSON.stringify(probe.body).length / 1024),
    };
    const mid = samples[Math.floor(samples.length / 2)];
    result.requests = requests;
    result.flows = flowCount;
    result.segments = idle.length - 1;
    result.errors = errors;
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
    // The first full collection under load comes SAMPLE_MS into the run: earlier samples have no live heap yet.
    const collected = samples.filter((s) => s.liveHeapMb > 0);
    result.slopeMbPerMinute = {
      rss: slope(samples, (s) => s.rssMb),
      heap: slope(samples, (s) => s.heapMb),
      liveHeapUnderLoad: slope(collected, (s) => s.liveHeapMb),
      workerLiveHeapUnderLoad: slope(collected, (s) => s.workerLiveHeapMb),
      idleLiveHeap: slope(idle, (s) => s.liveHeapMb),
    };
    const idleAt = (q: number) => idle[Math.min(idle.length - 1, Math.round((idle.length - 1) * q))];
    result.idleLiveHeapMb = {
      start: idle[0],
      quarters: [0.25, 0.5, 0.75].map(idleAt),
      end: idle.at(-1),
    };
    // The first half includes the server's warm-up (compiled code, pools, caches filling); a leak keeps growing after.
    const secondHalf = collected.filter((s) => s.minute >= MINUTES / 2);
    const idleSecondHalf = idle.filter((s) => s.minute >= MINUTES / 2);
    const idleSlope = slope(idleSecondHalf, (s) => s.liveHeapMb);
    result.secondHalfSlopeMbPerMinute = {
      rss: slope(secondHalf, (s) => s.rssMb),
      liveHeapUnderLoad: slope(secondHalf, (s) => s.liveHeapMb),
      workerLiveHeapUnderLoad: slope(secondHalf, (s) => s.workerLiveHeapMb),
      idleLiveHeap: idleSlope,
    };
    // Judged on the idle live heap: under load the heap also holds the answers in flight, which grow with the
    // report's history (reportAtEnd), not with anything the server keeps.
    result.goal = {
      target: `no growth trend: the idle live heap's slope over the second half below ${GROWTH_LIMIT} MB per minute`,
      met: idleSecondHalf.length >= 2 && idleSlope < GROWTH_LIMIT,
    };
    result.samples = samples.length;
  } catch (err) {
    result.failed = String((err as Error).stack);
    if (server) result.serverLogTail = fs.readFileSync(server.logFile, "utf8").slice(-1500);
  } finally {
    await server?.stop().catch((e) => log(`stop server: ${e}`));
    await database.drop().catch((e) => log(`drop database: ${e}`));
    fs.rmSync(memoryDir, { recursive: true, force: true });
  }
  console.log(JSON.stringify(result, null, 2));
  process.exit(result.failed ? 1 : 0);
}

await main();
