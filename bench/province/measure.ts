// The measured steps of bench:province, against one world (a database and its server): a steady load of one
// read at a fixed concurrency, the same read computed afresh (the tenants' data versions moved before each
// request, so no kept page or cockpit answers it), and a burst of report submissions. Each gives latency
// percentiles, the server's CPU ms per request from /proc and the CPU of the database's backends.
import pg from "pg";
import { DbMonitor, processCpuMs } from "../lib/cpu.js";
import { type Flow, runLoad } from "../lib/native-load.js";
import type { BenchDatabase, RunningServer } from "../lib/server.js";
import { percentile, Step } from "../lib/stats.js";

/** One database with its running server and the handles the steps need. */
export interface World {
  label: string;
  database: BenchDatabase;
  server: RunningServer;
  monitor: DbMonitor;
  /** A connection to the world's database for moving data versions (outside the measured windows). */
  sql: pg.Client;
}

/** What one step cost. */
export interface Figures {
  requests: number;
  errors: number;
  errorSamples: string[];
  requestsPerS: number;
  p50: number;
  p95: number;
  serverCpuMsPerRequest: number;
  dbCpuMsPerRequest: number;
}

/** A read the bench measures: its path, the session it is sent with, the bureaus whose pages it computes. */
export interface Read {
  path: string;
  headers: Record<string, string>;
  /** Tenants whose data versions are moved before a fresh computation. */
  tenants: string[];
}

const round = (n: number, d = 2) => Number(n.toFixed(d));

/** Opens the monitor and the connection of a world whose server is running. */
export async function openWorld(
  label: string,
  adminUrl: string,
  database: BenchDatabase,
  server: RunningServer,
): Promise<World> {
  const monitor = new DbMonitor(adminUrl, database.url!);
  await monitor.open();
  const sql = new pg.Client({ connectionString: database.url });
  await sql.connect();
  return { label, database, server, monitor, sql };
}

/** Runs `flows` against the world's server, counting its CPU and its database's backends' CPU. */
async function measured(
  world: World,
  flows: Flow[],
  concurrency: number,
  durationMs?: number,
): Promise<Figures> {
  await world.monitor.start();
  const cpu0 = processCpuMs(world.server.pid);
  const result = await runLoad({
    base: world.server.base,
    flows,
    concurrency,
    ...(durationMs ? { durationMs } : {}),
  });
  const cpuMs = processCpuMs(world.server.pid) - cpu0;
  const db = await world.monitor.stop();
  const step = new Step();
  for (const f of result.flows) for (const r of f.requests) step.add(r);
  const s = step.summary();
  const n = Math.max(1, s.requests);
  return {
    requests: s.requests,
    errors: s.errors,
    errorSamples: s.errorSamples.map((e) => `${e.count}× ${e.message}`).slice(0, 2),
    requestsPerS: s.requestsPerS,
    p50: s.latencyMs.p50,
    p95: s.latencyMs.p95,
    serverCpuMsPerRequest: round(cpuMs / n),
    dbCpuMsPerRequest: round(db.backendsCpuMs / n),
  };
}

/** `concurrency` callers repeating one GET for `durationMs`. */
export function steady(world: World, read: Read, concurrency: number, durationMs: number): Promise<Figures> {
  const flows: Flow[] = Array.from({ length: concurrency }, () => [
    { method: "GET", path: read.path, headers: read.headers },
  ]);
  return measured(world, flows, concurrency, durationMs);
}

/** Moves the data versions of the tenants, as a committed write to their pages' tables would. */
export async function moveVersions(world: World, tenants: string[]): Promise<void> {
  await world.sql.query("update data_versions set version = version + 1 where tenant_id = any($1::uuid[])", [
    tenants,
  ]);
}

/** One request sent from this process (nothing else runs in it meanwhile): its latency and cost. */
async function once(world: World, read: Read): Promise<Figures> {
  await world.monitor.start();
  const cpu0 = processCpuMs(world.server.pid);
  const t0 = performance.now();
  const res = await fetch(world.server.base + read.path, { headers: read.headers });
  const text = await res.text();
  const ms = round(performance.now() - t0, 1);
  const cpuMs = processCpuMs(world.server.pid) - cpu0;
  const db = await world.monitor.stop();
  return {
    requests: 1,
    errors: res.ok ? 0 : 1,
    errorSamples: res.ok ? [] : [`${res.status} ${text.slice(0, 200)}`],
    requestsPerS: 0,
    p50: ms,
    p95: ms,
    serverCpuMsPerRequest: round(cpuMs),
    dbCpuMsPerRequest: round(db.backendsCpuMs),
  };
}

/** The read computed afresh `samples` times, one at a time; medians of latency and CPU. */
export async function cold(world: World, read: Read, samples: number): Promise<Figures> {
  const rounds: Figures[] = [];
  for (let i = 0; i < samples; i++) {
    await moveVersions(world, read.tenants);
    rounds.push(await once(world, read));
  }
  const med = (f: (x: Figures) => number) => {
    const v = rounds.map(f).sort((a, b) => a - b);
    return v.length % 2 ? v[v.length >> 1]! : (v[v.length / 2 - 1]! + v[v.length / 2]!) / 2;
  };
  return {
    requests: rounds.length,
    errors: rounds.reduce((n, r) => n + r.errors, 0),
    errorSamples: rounds.flatMap((r) => r.errorSamples).slice(0, 2),
    requestsPerS: 0,
    p50: round(
      med((r) => r.p50),
      1,
    ),
    p95: round(
      percentile(
        rounds.map((r) => r.p50).sort((a, b) => a - b),
        95,
      ),
      1,
    ),
    serverCpuMsPerRequest: round(med((r) => r.serverCpuMsPerRequest)),
    dbCpuMsPerRequest: round(med((r) => r.dbCpuMsPerRequest)),
  };
}

/** One submission a school's user makes on one of its assignments in the open cycle. */
export interface Submission {
  assignmentId: string;
  cycleId: string;
  headers: Record<string, string>;
}

/** Each submission once, `concurrency` at a time. */
export function submit(world: World, submissions: Submission[], concurrency: number): Promise<Figures> {
  const flows: Flow[] = submissions.map((s, i) => [
    {
      method: "POST",
      path: `/api/assignments/${s.assignmentId}/reports`,
      headers: s.headers,
      json: {
        cycleId: s.cycleId,
        progress: 90 + (i % 10),
        doneText: `本月完成第${i + 1}项工作，按计划推进。`,
        problemsText: "无。",
        nextText: "继续推进。",
        submit: true,
      },
      expect: 201,
    },
  ]);
  return measured(world, flows, concurrency);
}

/** Closes the world's connections (the server and database are the caller's). */
export async function closeWorld(world: World): Promise<void> {
  await world.monitor.close();
  await world.sql.end().catch(() => {});
}
