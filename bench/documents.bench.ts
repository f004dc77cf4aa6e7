// Documents under load: the seed plan with 300 schools on all 24 tasks (12 monthly cycles of reports, a snapshot
// a month). While one client process downloads the 督查通报 (.docx) or the 工作台账 (.xlsx) back to back, another
// client process polls GET /api/health; the health latencies with and without the download load show whether
// building a document holds the server's event loop. Prints one JSON object, medians over BENCH_RUNS rounds.
// Run with `npm run bench:documents` and BENCH_DATABASE_URL set to a PostgreSQL server (the scenario is seeded
// through SQL). Both clients are this file run again with a role argument, so neither shares the bench's loop.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { seedCockpitRows } from "./lib/cockpit-seed.js";
import { Client, expectStatus, type HttpContext } from "./lib/http.js";
import { publishSeedPlan, seedSnapshots } from "./lib/seed-plan.js";
import { buildServer, prepareDatabase, type RunningServer, startServer } from "./lib/server.js";
import { percentile } from "./lib/stats.js";

const SCHOOLS = Number(process.env.BENCH_SCHOOLS ?? 300);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
/** How long each phase (quiet, .docx load, .xlsx load) polls the health endpoint. */
const PHASE_MS = Number(process.env.BENCH_PHASE_MS ?? 8000);
/** Pause between two health polls: a load balancer's probe, far more often than a real one. */
const POLL_GAP_MS = 20;
const TODAY = "2023-12-20";
const log = (msg: string) => process.stderr.write(`[bench:documents] ${msg}\n`);

/** One client role: poll the health endpoint, or download one path again and again, for `ms`; prints ms per request. */
async function client(role: string, base: string, ms: number, path: string, cookie: string) {
  const times: number[] = [];
  const until = performance.now() + ms;
  while (performance.now() < until) {
    const t0 = performance.now();
    const res = await fetch(base + path, { headers: cookie ? { cookie } : {} });
    const bytes = (await res.arrayBuffer()).byteLength;
    if (!res.ok)
      throw new Error(`${role} ${path}: ${res.status} ${Buffer.from(new Uint8Array(bytes)).toString()}`);
    times.push(performance.now() - t0);
    if (role === "poll") await new Promise((r) => setTimeout(r, POLL_GAP_MS));
  }
  process.stdout.write(JSON.stringify(times));
}

/** Runs this file as a client process and returns the times it printed. */
function clientProcess(role: string, args: { base: string; ms: number; path: string; cookie?: string }) {
  const self = fileURLToPath(import.meta.url);
  const child = spawn(
    process.execPath,
    [
      "--conditions=source",
      "--import",
      "tsx",
      self,
      role,
      args.base,
      String(args.ms),
      args.path,
      args.cookie ?? "",
    ],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  let out = "";
  child.stdout.on("data", (d: Buffer) => {
    out += d.toString();
  });
  return new Promise<number[]>((resolve, reject) =>
    child.once("exit", (code) =>
      code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`${role} exited ${code}`)),
    ),
  );
}

/** p50 / p95 / max of a list of times, in ms. */
function spread(times: number[]) {
  const s = [...times].sort((a, b) => a - b);
  const r = (n: number) => Number(n.toFixed(1));
  return { n: s.length, p50: r(percentile(s, 50)), p95: r(percentile(s, 95)), max: r(s.at(-1) ?? 0) };
}

/** The median of each figure across rounds. */
function medians<T extends Record<string, number>>(rounds: T[]): T {
  const out: Record<string, number> = {};
  for (const key of Object.keys(rounds[0] ?? {})) {
    const s = rounds.map((r) => r[key]!).sort((a, b) => a - b);
    out[key] = s[Math.floor((s.length - 1) / 2)]!;
  }
  return out as T;
}

/** Gives every school every task the cockpit scenario left out, so the plan is 24 tasks × 300 units. */
async function assignEveryTask(url: string, at: { tenantId: string; planId: string }): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const res = await c.query(
      `insert into assignments (tenant_id, plan_id, node_id, unit_id, role, progress)
       select $1, $2, n.id, u.id, 'executor', abs(hashtext(n.id::text || u.id::text)) % 100 from units u
       join plan_nodes n on n.tenant_id = $1 and n.plan_id = $2 and n.level = 'task'
       where u.tenant_id = $1 and u.name like '压测学校%'
         and not exists (select 1 from assignments a where a.node_id = n.id and a.unit_id = u.id)`,
      [at.tenantId, at.planId],
    );
    return res.rowCount ?? 0;
  } finally {
    await c.end();
  }
}

/** A drafted bulletin as the API answers it. */
interface Bulletin {
  id: string;
  title: string;
  version: number;
  content: unknown[];
}

/**
 * Adds the table a 督查室 puts under a 通报 of every school: one row per school with its reporting figures, so
 * the .docx is the 300-unit 通报 the issue speaks of.
 */
async function addUnitTable(supervisor: Client, b: Bulletin, url: string, tenantId: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const units = await c
    .query("select name from units where tenant_id = $1 and name like '压测学校%' order by name", [tenantId])
    .finally(() => c.end());
  const rows = units.rows.map((u: { name: string }, i: number) => [
    String(i + 1),
    u.name,
    "24",
    String(20 + (i % 5)),
    String(i % 3),
    String(i % 2),
    i % 7 === 0 ? "黄灯（滞后）" : "绿灯（正常）",
  ]);
  const table = {
    type: "table",
    rows: [["序号", "单位", "任务数", "按时报送", "逾期报送", "缺报", "亮灯"], ...rows],
  };
  const content = [...b.content, { type: "heading", level: 1, text: "附：各学校报送情况" }, table];
  const res = await supervisor.request("PUT", `/api/bulletins/${b.id}`, {
    title: b.title,
    content,
    version: b.version,
  });
  expectStatus(res, 200, "bulletin edit");
}

/** Signs the demo 督查室 in for the download client; returns its session cookie. */
async function sessionCookie(base: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ login: "ducha", password: "Duban@2023" }),
  });
  if (!res.ok) throw new Error(`login: ${res.status} ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .find((c) => c.startsWith("duban_session="))!
    .split(";")[0]!;
}

/** One round: health alone, then beside repeated .docx downloads, then beside repeated .xlsx downloads. */
async function round(base: string, cookie: string, paths: { docx: string; xlsx: string }) {
  const quiet = spread(await clientProcess("poll", { base, ms: PHASE_MS, path: "/api/health" }));
  const under = async (path: string) => {
    const [health, downloads] = await Promise.all([
      clientProcess("poll", { base, ms: PHASE_MS, path: "/api/health" }),
      clientProcess("download", { base, ms: PHASE_MS, path, cookie }),
    ]);
    return { health: spread(health), document: spread(downloads) };
  };
  return { quiet, docx: await under(paths.docx), xlsx: await under(paths.xlsx) };
}

async function main() {
  const result: Record<string, unknown> = {
    bench: "documents",
    schools: SCHOOLS,
    runs: RUNS,
    phaseMs: PHASE_MS,
  };
  const runId = `${Date.now().toString(36)}${randomBytes(2).toString("hex")}`;
  const abort = new AbortController();
  const http: HttpContext = {
    base: "",
    signal: abort.signal,
    maxRequests: 100,
    sent: 0,
    requestTimeoutMs: 120_000,
  };
  const dbUrl = process.env.BENCH_DATABASE_URL || undefined;
  if (!dbUrl)
    throw new Error("the documents bench seeds through SQL: set BENCH_DATABASE_URL to a PostgreSQL server");
  const database = await prepareDatabase(dbUrl, runId);
  let server: RunningServer | undefined;
  try {
    const build = buildServer();
    if (build.message) log(build.message);
    Object.assign(process.env, {
      DUBAN_FAKE_NOW: `${TODAY}T10:00:00+08:00`,
      DUBAN_ALLOW_FAKE_NOW: "1",
      SCHEDULER: "0",
      BENCH_LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "warn",
    });
    server = await startServer({ databaseUrl: database.url, signal: abort.signal });
    http.base = server.base;
    result.machine = { cpus: os.cpus().length, loadAvgBefore: os.loadavg().map((n) => Number(n.toFixed(2))) };
    const supervisor = new Client(http);
    expectStatus(await supervisor.login("ducha", "Duban@2023"), 200, "login ducha");
    const planId = await publishSeedPlan(supervisor);
    const scenario = await seedCockpitRows(database.url!, { planId, runId, schools: SCHOOLS });
    const extra = await assignEveryTask(database.url!, scenario);
    await seedSnapshots(database.url, server.dataDir, scenario);
    result.seed = { ...scenario, assignments: scenario.assignments + extra };
    const draft = await supervisor.post(`/api/plans/${planId}/bulletins`, {
      title: "关于2023年11月重点工作推进情况的通报",
      from: "2023-11-01",
      to: "2023-12-01",
    });
    expectStatus(draft, 201, "bulletin draft");
    await addUnitTable(supervisor, draft.body as Bulletin, database.url!, scenario.tenantId);
    const paths = {
      docx: `/api/bulletins/${(draft.body as { id: string }).id}/document`,
      xlsx: `/api/plans/${planId}/ledger`,
    };
    const cookie = await sessionCookie(server.base);
    const sizes: Record<string, number> = {};
    for (const [kind, path] of Object.entries(paths)) {
      const res = await fetch(server.base + path, { headers: { cookie } });
      if (!res.ok) throw new Error(`${kind}: ${res.status} ${await res.text()}`);
      sizes[kind] = (await res.arrayBuffer()).byteLength;
    }
    result.documentBytes = sizes;
    const rounds = [];
    for (let r = 0; r < RUNS; r++) {
      log(`round ${r + 1}/${RUNS}`);
      rounds.push(await round(server.base, cookie, paths));
    }
    result.rounds = rounds;
    result.medians = {
      healthQuiet: medians(rounds.map((r) => r.quiet)),
      healthUnderDocx: medians(rounds.map((r) => r.docx.health)),
      docx: medians(rounds.map((r) => r.docx.document)),
      healthUnderXlsx: medians(rounds.map((r) => r.xlsx.health)),
      xlsx: medians(rounds.map((r) => r.xlsx.document)),
    };
  } catch (err) {
    result.failed = String((err as Error).stack);
    if (server) result.serverLogTail = fs.readFileSync(server.logFile, "utf8").slice(-1500);
  } finally {
    await server?.stop().catch((e) => log(`stop server: ${e}`));
    await database.drop().catch((e) => log(`drop database: ${e}`));
  }
  console.log(JSON.stringify(result, null, 2));
  process.exit(result.failed ? 1 : 0);
}

const [role, base, ms, path, cookie] = process.argv.slice(2);
if (role) await client(role, base!, Number(ms), path!, cookie ?? "");
else await main();
