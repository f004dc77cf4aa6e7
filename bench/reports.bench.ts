// The deadline-day surge: 300 schools each upload a 200 KB photo and submit a report at once, then the lead
// department approves all 300, over real HTTP against the real server in a child process. Prints one JSON
// object. Run with `npm run bench:reports`; set BENCH_DATABASE_URL to run on PostgreSQL instead of PGlite.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import { BudgetExceeded, type Client, type HttpContext } from "./lib/http.js";
import { type Scenario, seedScenario } from "./lib/seed.js";
import {
  type BenchDatabase,
  buildServer,
  prepareDatabase,
  type RunningServer,
  startServer,
} from "./lib/server.js";
import { serverTimes } from "./lib/server-log.js";
import { eachLimited, Step } from "./lib/stats.js";

const SCHOOLS = Number(process.env.BENCH_SCHOOLS ?? 300);
/**
 * 0 (the default, the issue's surge): every school at the same instant. Otherwise the schools' first requests
 * (and the approvals) are spread evenly over this many milliseconds, as a real deadline rush arrives.
 */
const SPREAD_MS = Number(process.env.BENCH_ARRIVAL_SPREAD_MS ?? 0);
/** Waits for the i-th of n arrivals of a spread step. */
const arrival = (i: number, n: number) =>
  SPREAD_MS > 0 ? new Promise((r) => setTimeout(r, (i / n) * SPREAD_MS)) : Promise.resolve();
const FILE_BYTES = 200 * 1024;
const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_MS ?? 10 * 60_000);
const log = (msg: string) => process.stderr.write(`[bench:reports] ${msg}\n`);

const runId = `${Date.now().toString(36)}${randomBytes(2).toString("hex")}`;
const abort = new AbortController();
const http: HttpContext = {
  base: "",
  signal: abort.signal,
  // Setup ~4 requests per school, baseline 1, surge 3, verification 1, plus a few dozen; beyond is a bug.
  maxRequests: SCHOOLS * 11 + 200,
  sent: 0,
  requestTimeoutMs: 120_000,
};

/** A photo as a phone sends it: JPEG header, then unique bytes so every upload is a new stored file. */
function photo(): Buffer {
  const head = Buffer.from("ffd8ffe000104a46494600010100000100010000", "hex");
  return Buffer.concat([head, randomBytes(FILE_BYTES - head.length)]);
}

/** Measures a step's server CPU (seconds and share of one core) across `fn`. */
async function withCpu<T>(server: RunningServer, fn: () => Promise<T>) {
  const cpu0 = server.cpuSeconds();
  const bench0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await fn();
  const wallS = (performance.now() - t0) / 1000;
  const serverCpuS = server.cpuSeconds() - cpu0;
  const b = process.cpuUsage(bench0);
  const benchCpuS = (b.user + b.system) / 1e6;
  const cpu = {
    wallS: Number(wallS.toFixed(2)),
    serverCpuS: Number(serverCpuS.toFixed(2)),
    serverCores: Number((serverCpuS / wallS).toFixed(2)),
    benchClientCpuS: Number(benchCpuS.toFixed(2)),
  };
  return { value, cpu };
}

/**
 * The floor of this machine: every school asks GET /api/health (one `select 1`) at once, through the same client.
 * No step of the surge can beat it, so it is printed beside them to read their figures against.
 */
async function baseline(s: Scenario) {
  const step = new Step();
  await Promise.all(
    s.schools.map(async (school) => {
      const res = await school.client.get("/api/health");
      step.add({ start: res.start, end: res.end, ok: res.status === 200, ...errorOf(res, 200) });
    }),
  );
  return step;
}

/** All schools at once: upload, then submit the report referencing the upload. */
async function surge(s: Scenario) {
  const upload = new Step();
  const submit = new Step();
  const together = new Step();
  const reports = new Map<number, { id: string; version: number; progress: number }>();
  const files = s.schools.map(() => photo());
  await Promise.all(
    s.schools.map(async (school, i) => {
      await arrival(i, s.schools.length);
      const form = new FormData();
      form.append("file", new Blob([files[i]!], { type: "image/jpeg" }), `现场照片-${i + 1}.jpg`);
      const up = await school.client.request("POST", "/api/files", form);
      upload.add({ start: up.start, end: up.end, ok: up.status === 201, ...errorOf(up, 201) });
      if (up.status !== 201) {
        together.add({ start: up.start, end: up.end, ok: false, error: `upload ${up.error}` });
        return;
      }
      const progress = 10 + (i % 90);
      const rep = await school.client.post(`/api/assignments/${school.assignmentId}/reports`, {
        cycleId: s.cycleId,
        progress,
        doneText: `新增学位${i + 1}个，完成分园装修。`,
        problemsText: "师资配备仍有缺口。",
        nextText: "完成招生。",
        fileIds: [(up.body as { id: string }).id],
        submit: true,
      });
      submit.add({ start: rep.start, end: rep.end, ok: rep.status === 201, ...errorOf(rep, 201) });
      together.add({ start: up.start, end: rep.end, ok: rep.status === 201, ...errorOf(rep, 201) });
      if (rep.status === 201) {
        const body = rep.body as { id: string; version: number };
        reports.set(i, { id: body.id, version: body.version, progress });
      }
    }),
  );
  return { upload, submit, together, reports };
}

/** The lead department approves every report answered 201, all at once. */
async function reviews(lead: Client, reports: Map<number, { id: string; version: number }>) {
  const review = new Step();
  const approved = new Set<string>();
  await Promise.all(
    [...reports.values()].map(async (r, i) => {
      await arrival(i, reports.size);
      const res = await lead.post(`/api/reports/${r.id}/review`, { decision: "approve", version: r.version });
      review.add({ start: res.start, end: res.end, ok: res.status === 200, ...errorOf(res, 200) });
      if (res.status === 200) approved.add(r.id);
    }),
  );
  return { review, approved };
}

/** Reads every report back: each answered 201 must be stored, with its file, and approved. */
async function verify(s: Scenario, reports: Map<number, { id: string; progress: number }>) {
  let missing = 0;
  let notApproved = 0;
  let wrongContent = 0;
  const samples: string[] = [];
  await eachLimited([...reports.values()], 16, async (r) => {
    const res = await s.lead.get(`/api/reports/${r.id}`);
    const body = res.body as { status?: string; progress?: number; files?: unknown[] };
    if (res.status !== 200) {
      missing++;
      if (samples.length < 5) samples.push(`${r.id}: ${res.error}`);
    } else if (body.status !== "approved") notApproved++;
    else if (body.progress !== r.progress || body.files?.length !== 1) wrongContent++;
  });
  // The same facts from the assignment list and the cycle counters the bureau sees.
  const list = await s.lead.get(`/api/nodes/${s.nodeId}/assignments?pageSize=200`);
  const assignments = (list.body as { items: { progress: number }[] } | undefined)?.items ?? [];
  const cycles = await s.lead.get(`/api/plans/${s.planId}/cycles?pageSize=200`);
  const cycle = (cycles.body as { items: { id: string; submitted: number; approved: number }[] }).items.find(
    (c) => c.id === s.cycleId,
  );
  return {
    reportsAnswered201: reports.size,
    lost: missing + notApproved + wrongContent,
    missing,
    notApproved,
    wrongContent,
    samples,
    assignmentsWithProgress: assignments.filter((a) => a.progress > 0).length,
    cycleCounters: cycle ? { submitted: cycle.submitted, approved: cycle.approved } : null,
  };
}

function errorOf(res: { status: number; error?: string }, expected: number) {
  if (res.status === expected) return {};
  return { error: res.error ?? `unexpected ${res.status}` };
}

async function main() {
  const result: Record<string, unknown> = {
    bench: "reports",
    runId,
    schools: SCHOOLS,
    arrivalSpreadMs: SPREAD_MS,
  };
  const loadBefore = os.loadavg();
  let server: RunningServer | undefined;
  let database: BenchDatabase | undefined;
  const timer = setTimeout(() => {
    result.aborted = `global timeout of ${TIMEOUT_MS} ms`;
    abort.abort();
  }, TIMEOUT_MS);
  const stopAll = async () => {
    await server?.stop().catch((e) => log(`stop server: ${e}`));
    await database?.drop().catch((e) => log(`drop database: ${e}`));
  };
  for (const sig of ["SIGINT", "SIGTERM"] as const)
    process.once(sig, () => {
      abort.abort();
      void stopAll().then(() => process.exit(130));
    });
  try {
    const build = buildServer();
    if (build.message) log(build.message);
    database = await prepareDatabase(process.env.BENCH_DATABASE_URL || undefined, runId);
    server = await startServer({ databaseUrl: database.url, signal: abort.signal });
    http.base = server.base;
    const health = (await (await fetch(`${server.base}/api/health`)).json()) as { database: string };
    const pkg = JSON.parse(
      fs.readFileSync(new URL("../packages/server/package.json", import.meta.url), "utf8"),
    );
    Object.assign(result, {
      database: {
        kind: health.database,
        isolation: database.isolation,
        ...(database.serverVersion ? { version: database.serverVersion } : {}),
      },
      server: { version: pkg.version, node: process.version, builtNow: build.built },
      machine: { cpus: os.cpus().length, loadAvgBefore: loadBefore.map((n) => Number(n.toFixed(2))) },
    });
    log(`server up at ${server.base} on ${health.database}; seeding ${SCHOOLS} schools`);
    const seedT0 = performance.now();
    const scenario = await seedScenario(http, runId, SCHOOLS);
    result.seedS = Number(((performance.now() - seedT0) / 1000).toFixed(1));
    log(`seeded in ${result.seedS}s; baseline`);
    const s0 = await withCpu(server, () => baseline(scenario));
    log("surge");
    const s1 = await withCpu(server, () => surge(scenario));
    log("reviews");
    const s2 = await withCpu(server, () => reviews(scenario.lead, s1.value.reports));
    result.steps = {
      baselineHealth: { ...s0.value.summary(), cpu: s0.cpu },
      upload: s1.value.upload.summary(),
      submit: s1.value.submit.summary(),
      uploadThenSubmit: { ...s1.value.together.summary(), cpu: s1.cpu },
      review: { ...s2.value.review.summary(), cpu: s2.cpu },
    };
    log("verifying");
    if (!abort.signal.aborted) result.consistency = await verify(scenario, s1.value.reports);
    result.serverSideMs = serverTimes(server.logFile, {
      upload: /^POST \/api\/files$/,
      submit: /^POST \/api\/assignments\/[^/]+\/reports$/,
      review: /^POST \/api\/reports\/[^/]+\/review$/,
    });
    const steps = result.steps as Record<string, { errors: number; latencyMs: { p95: number } }>;
    const lost = (result.consistency as { lost?: number } | undefined)?.lost;
    result.goal = {
      target: "PostgreSQL: 0 errors, 0 lost, p95 < 500 ms per step",
      errors: Object.values(steps).reduce((n, x) => n + x.errors, 0),
      lost: lost ?? null,
      worstP95Ms: Math.max(...["upload", "submit", "review"].map((k) => steps[k]!.latencyMs.p95)),
    };
  } catch (err) {
    result.failed = err instanceof BudgetExceeded ? `aborted: ${err.message}` : String((err as Error).stack);
    if (server) result.serverLogTail = fs.readFileSync(server.logFile, "utf8").slice(-1500);
  } finally {
    clearTimeout(timer);
    result.requestsSent = http.sent;
    result.machine = {
      ...(result.machine as object),
      loadAvgAfter: os.loadavg().map((n) => Number(n.toFixed(2))),
    };
    await stopAll();
  }
  console.log(JSON.stringify(result, null, 2));
  process.exit(result.failed || result.aborted ? 1 : 0);
}

// Backstop: whatever hangs, the process ends shortly after the global timeout, server stopped.
setTimeout(() => {
  log("hard timeout; exiting");
  process.exit(2);
}, TIMEOUT_MS + 60_000).unref();

await main();
