// The 领导驾驶舱 under load: the seed plan with 300 schools on six tasks, 12 monthly cycles of reports and a
// snapshot per month; 20 concurrent leaders ask GET /api/plans/:id/cockpit (today, live; and an earlier day,
// from its snapshot) against the real server in a child process, beside one hand-written SQL statement of the
// same figures, and today's answer right after a write (nothing kept to answer from). Prints one JSON object;
// medians over BENCH_RUNS rounds. Run with `npm run bench:cockpit`; set
// BENCH_DATABASE_URL to a PostgreSQL server (the target is stated for PostgreSQL; without it PGlite is used).
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import pg from "pg";
import { cockpitSql, seedCockpitRows } from "./lib/cockpit-seed.js";
import { Client, expectStatus, type HttpContext } from "./lib/http.js";
import { publishSeedPlan, seedSnapshots } from "./lib/seed-plan.js";
import {
  type BenchDatabase,
  buildServer,
  prepareDatabase,
  type RunningServer,
  startServer,
} from "./lib/server.js";
import { Step, type StepSummary } from "./lib/stats.js";

const SCHOOLS = Number(process.env.BENCH_SCHOOLS ?? 300);
const CALLERS = Number(process.env.BENCH_CALLERS ?? 20);
const PER_CALLER = Number(process.env.BENCH_REQUESTS_PER_CALLER ?? 5);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const RECOMPUTES = Number(process.env.BENCH_RECOMPUTES ?? 10);
/** The server's day: late in the plan year, so every month has its cycle and snapshot. */
const TODAY = "2023-12-20";
const log = (msg: string) => process.stderr.write(`[bench:cockpit] ${msg}\n`);

const runId = `${Date.now().toString(36)}${randomBytes(2).toString("hex")}`;
const abort = new AbortController();
const http: HttpContext = {
  base: "",
  signal: abort.signal,
  maxRequests: 4 * CALLERS * PER_CALLER * (RUNS + 1) + 200,
  sent: 0,
  requestTimeoutMs: 120_000,
};

/**
 * The storage choice, measured: the stored JSON per day against the same content as one row per object
 * (task, assignment, indicator, unit), by size and by the time to read back one day.
 */
async function compareLayouts(url: string, at: { tenantId: string; planId: string }) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(
      `create temp table snapshot_rows as
      select s.tenant_id, s.plan_id, s.day, k.kind, e.value as data from plan_snapshots s,
      lateral (values ('tasks'), ('assignments'), ('indicators'), ('units')) k(kind),
      lateral jsonb_array_elements(s.data -> k.kind) e where s.tenant_id = $1 and s.plan_id = $2`,
      [at.tenantId, at.planId],
    );
    await c.query("create index on snapshot_rows (tenant_id, plan_id, day)");
    await c.query("analyze snapshot_rows");
    const size = await c.query(
      `select count(*)::int days, avg(pg_column_size(data))::int stored_bytes, avg(octet_length(data::text))::int json_bytes,
              (select count(*)::int from snapshot_rows) object_rows,
              pg_total_relation_size('snapshot_rows')::bigint rows_total_bytes
       from plan_snapshots where tenant_id = $1 and plan_id = $2`,
      [at.tenantId, at.planId],
    );
    const read = async (sql: string) => {
      const ms: number[] = [];
      for (let i = 0; i < 30; i++) {
        const t0 = performance.now();
        await c.query(sql, [at.tenantId, at.planId, "2023-12-01"]);
        ms.push(performance.now() - t0);
      }
      return Number(median(ms).toFixed(2));
    };
    const jsonReadMs = await read(
      "select data from plan_snapshots where tenant_id = $1 and plan_id = $2 and day = $3",
    );
    const rowsReadMs = await read(
      "select kind, data from snapshot_rows where tenant_id = $1 and plan_id = $2 and day = $3",
    );
    const row = size.rows[0];
    return {
      days: row.days,
      jsonPerDay: { storedBytes: row.stored_bytes, textBytes: row.json_bytes, readMs: jsonReadMs },
      rowPerObject: {
        rowsPerDay: Math.round(row.object_rows / row.days),
        bytesPerDayWithIndex: Math.round(Number(row.rows_total_bytes) / row.days),
        readMs: rowsReadMs,
      },
    };
  } finally {
    await c.end();
  }
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length ? (s[Math.floor((s.length - 1) / 2)]! + s[Math.ceil((s.length - 1) / 2)]!) / 2 : 0;
}

/** CALLERS callers each sending PER_CALLER requests back to back; server CPU ms per request from /proc. */
async function load(
  server: RunningServer | null,
  call: () => Promise<{ start: number; end: number; ok: boolean; error?: string }>,
) {
  const step = new Step();
  const cpu0 = server?.cpuSeconds() ?? 0;
  await Promise.all(
    Array.from({ length: CALLERS }, async () => {
      for (let i = 0; i < PER_CALLER && !abort.signal.aborted; i++) step.add(await call());
    }),
  );
  const summary = step.summary();
  const cpuMs = server ? ((server.cpuSeconds() - cpu0) * 1000) / Math.max(1, summary.requests) : null;
  return { ...summary, serverCpuMsPerRequest: cpuMs === null ? null : Number(cpuMs.toFixed(2)) };
}

type Round = StepSummary & { serverCpuMsPerRequest: number | null };

/** Medians across rounds of the figures the issue asks for. */
function medianOf(rounds: Round[]) {
  const m = (f: (r: Round) => number) => Number(median(rounds.map(f)).toFixed(1));
  return {
    rounds: rounds.length,
    requestsPerRound: rounds[0]?.requests ?? 0,
    errors: rounds.reduce((n, r) => n + r.errors, 0),
    errorSamples: rounds.flatMap((r) => r.errorSamples).slice(0, 3),
    p50: m((r) => r.latencyMs.p50),
    p95: m((r) => r.latencyMs.p95),
    p99: m((r) => r.latencyMs.p99),
    requestsPerS: m((r) => r.requestsPerS),
    serverCpuMsPerRequest:
      rounds[0]?.serverCpuMsPerRequest === null ? null : m((r) => r.serverCpuMsPerRequest ?? 0),
  };
}

async function main() {
  const result: Record<string, unknown> = {
    bench: "cockpit",
    runId,
    schools: SCHOOLS,
    callers: CALLERS,
    today: TODAY,
  };
  const dbUrl = process.env.BENCH_DATABASE_URL || undefined;
  let server: RunningServer | undefined;
  // BENCH_DATABASE_AS_IS=1 runs in the given (empty) database instead of creating and dropping a fresh one.
  const database: BenchDatabase =
    dbUrl && process.env.BENCH_DATABASE_AS_IS === "1"
      ? { kind: "postgres", url: dbUrl, isolation: "given database", drop: async () => {} }
      : await prepareDatabase(dbUrl, runId);
  try {
    const build = buildServer();
    if (build.message) log(build.message);
    // The server's clock stands in the plan year; the scheduler is off so only this bench writes snapshots.
    Object.assign(process.env, {
      DUBAN_FAKE_NOW: `${TODAY}T10:00:00+08:00`,
      DUBAN_ALLOW_FAKE_NOW: "1",
      SCHEDULER: "0",
      BENCH_LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "warn",
    });
    server = await startServer({ databaseUrl: database.url, signal: abort.signal });
    http.base = server.base;
    const health = (await (await fetch(`${server.base}/api/health`)).json()) as { database: string };
    result.database = {
      kind: health.database,
      isolation: database.isolation,
      version: database.serverVersion,
    };
    result.machine = { cpus: os.cpus().length, loadAvgBefore: os.loadavg().map((n) => Number(n.toFixed(2))) };
    const supervisor = new Client(http);
    expectStatus(await supervisor.login("ducha", "Duban@2023"), 200, "login ducha");
    const leader = new Client(http);
    expectStatus(await leader.login("juzhang", "Duban@2023"), 200, "login juzhang");
    const planId = await publishSeedPlan(supervisor);
    if (!database.url)
      throw new Error("the cockpit bench seeds through SQL: set BENCH_DATABASE_URL to a PostgreSQL server");
    const t0 = performance.now();
    const scenario = await seedCockpitRows(database.url, { planId, runId, schools: SCHOOLS });
    const snaps = await seedSnapshots(database.url, server.dataDir, scenario);
    result.seed = { ...scenario, seconds: Number(((performance.now() - t0) / 1000).toFixed(1)), ...snaps };
    result.storage = await compareLayouts(database.url, scenario);
    log(`seeded ${JSON.stringify(result.seed)}`);
    const live = `/api/plans/${planId}/cockpit`;
    const past = `/api/plans/${planId}/cockpit?asOf=2023-12-01`;
    const sample = await leader.get(live);
    expectStatus(sample, 200, "cockpit");
    result.answerBytes = JSON.stringify(sample.body).length;
    const pool = new pg.Pool({ connectionString: database.url, max: 10 });
    const sqlCall = async () => {
      const start = performance.now();
      try {
        await pool.query(cockpitSql, [scenario.tenantId, planId, TODAY]);
        return { start, end: performance.now(), ok: true };
      } catch (e) {
        return { start, end: performance.now(), ok: false, error: String(e) };
      }
    };
    const httpCall = (path: string) => async () => {
      const res = await leader.get(path);
      return {
        start: res.start,
        end: res.end,
        ok: res.status === 200,
        ...(res.status === 200 ? {} : { error: res.error ?? String(res.status) }),
      };
    };
    // Warm-up: JIT, connection pools and plan caches.
    await load(server, httpCall(live));
    await load(null, sqlCall);
    const rounds = { live: [] as Round[], asOf: [] as Round[], sql: [] as Round[] };
    for (let r = 0; r < RUNS; r++) {
      log(`round ${r + 1}/${RUNS}`);
      rounds.live.push(await load(server, httpCall(live)));
      rounds.asOf.push(await load(server, httpCall(past)));
      rounds.sql.push(await load(null, sqlCall));
    }
    // Today's answer after a write: one leader, each request preceded by a change to one assignment, so the
    // server cannot answer from what it kept (the cost every first caller after a write pays).
    const recompute: number[] = [];
    for (let i = 0; i < RECOMPUTES; i++) {
      await pool.query(
        "update assignments set updated_at = now() where id = (select id from assignments where tenant_id = $1 and plan_id = $2 limit 1)",
        [scenario.tenantId, planId],
      );
      const res = await leader.get(live);
      expectStatus(res, 200, "cockpit after a write");
      recompute.push(res.end - res.start);
    }
    await pool.end();
    const liveM = medianOf(rounds.live);
    const asOfM = medianOf(rounds.asOf);
    const sqlM = medianOf(rounds.sql);
    result.steps = {
      cockpitLive: liveM,
      cockpitAsOf: asOfM,
      handWrittenSql: sqlM,
      cockpitLiveAfterWrite: { requests: RECOMPUTES, medianMs: Number(median(recompute).toFixed(1)) },
    };
    result.ratioToSql = {
      liveP50: Number((liveM.p50 / sqlM.p50).toFixed(2)),
      liveP95: Number((liveM.p95 / sqlM.p95).toFixed(2)),
      asOfP50: Number((asOfM.p50 / sqlM.p50).toFixed(2)),
      asOfP95: Number((asOfM.p95 / sqlM.p95).toFixed(2)),
    };
    result.goal = {
      target: "PostgreSQL, 20 concurrent callers: p95 < 100 ms",
      liveP95Ms: liveM.p95,
      asOfP95Ms: asOfM.p95,
      met: liveM.p95 < 100 && asOfM.p95 < 100,
    };
  } catch (err) {
    result.failed = String((err as Error).stack);
    if (server) result.serverLogTail = fs.readFileSync(server.logFile, "utf8").slice(-1500);
  } finally {
    result.requestsSent = http.sent;
    await server?.stop().catch((e) => log(`stop server: ${e}`));
    await database.drop().catch((e) => log(`drop database: ${e}`));
  }
  console.log(JSON.stringify(result, null, 2));
  process.exit(result.failed ? 1 : 0);
}

await main();
