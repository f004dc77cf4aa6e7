// 数据填报 under load: 300 kindergartens each fill in and submit a 20-field form (spread over 10 s, then all at
// once), the department approves every submission, and 5 computed indicators are recomputed over 3 000 units'
// approved submissions; beside one hand-written SQL update per submission. Real HTTP against the real server in
// a child process; server CPU from /proc. Prints one JSON object, medians over BENCH_RUNS rounds. Run with
// `npm run bench:forms` and BENCH_DATABASE_URL set to a PostgreSQL server (the recompute seeds through SQL).
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import pg from "pg";
import {
  fields,
  median,
  r1,
  r2,
  rules,
  seedRecomputeRows,
  timeProductRecompute,
  timeRecompute,
  valuesOf,
} from "./lib/forms-recompute.js";
import { Client, expectStatus, type HttpContext } from "./lib/http.js";
import { buildServer, prepareDatabase, type RunningServer, startServer } from "./lib/server.js";
import { serverTimes } from "./lib/server-log.js";
import { eachLimited, Step, type StepSummary } from "./lib/stats.js";

const SCHOOLS = Number(process.env.BENCH_SCHOOLS ?? 300);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SPREAD_MS = Number(process.env.BENCH_ARRIVAL_SPREAD_MS ?? 10_000);
const RECOMPUTE_UNITS = Number(process.env.BENCH_RECOMPUTE_UNITS ?? 3000);
const log = (msg: string) => process.stderr.write(`[bench:forms] ${msg}\n`);

const runId = `${Date.now().toString(36)}${randomBytes(2).toString("hex")}`;
const abort = new AbortController();
const http: HttpContext = {
  base: "",
  signal: abort.signal,
  // Setup ~4 per school; per run 3 rounds of save + submit + approve per school; plus a few dozen.
  maxRequests: SCHOOLS * (6 + RUNS * 9) + 500,
  sent: 0,
  requestTimeoutMs: 120_000,
};

/** One kindergarten's signed-in reporter. */
interface School {
  unitId: string;
  client: Client;
}

const DEMO_PASSWORD = "Duban@2023";
const SCHOOL_PASSWORD = "Bench-Pass-2b";

/** Signs a demo account in. */
async function demoClient(login: string): Promise<Client> {
  const c = new Client(http);
  expectStatus(await c.login(login, DEMO_PASSWORD), 200, `login ${login}`);
  return c;
}

/**
 * The kindergartens and their reporters. One is made through the API (a user created, signed in, its password
 * changed); the others are copied from it in SQL, password hash included, since 300 × 4 password hashings only
 * measure argon2. Then every reporter signs in over HTTP.
 */
async function seedSchools(pool: pg.Pool, admin: Client, tenantId: string): Promise<School[]> {
  const prefix = `填报园${runId}-`;
  const unit = await admin.post("/api/units", {
    name: `${prefix}000`,
    kind: "school",
    schoolType: "kindergarten",
    ownership: "public",
    township: "共济街道",
  });
  expectStatus(unit, 201, "create unit");
  const first = `f${runId}s0`;
  const user = await admin.post("/api/users", {
    name: "压测填报员0",
    login: first,
    roles: ["school"],
    unitId: (unit.body as { id: string }).id,
    password: "Bench-Init-1a",
  });
  expectStatus(user, 201, "create user");
  const c0 = new Client(http);
  expectStatus(await c0.login(first, "Bench-Init-1a"), 200, "login");
  const changed = await c0.post("/api/auth/change-password", {
    currentPassword: "Bench-Init-1a",
    newPassword: SCHOOL_PASSWORD,
  });
  expectStatus(changed, 204, "change password");
  await pool.query(
    `insert into units (tenant_id, name, kind, school_type, ownership, township, sort_order)
     select $1, $2 || lpad(i::text, 3, '0'), 'school', 'kindergarten',
            (array['public','private','private_inclusive'])[1 + i % 3], '共济街道', 9000 + i
     from generate_series(1, $3::int) i`,
    [tenantId, prefix, SCHOOLS - 1],
  );
  await pool.query(
    `insert into users (tenant_id, unit_id, name, login, roles, password_hash, must_change_password)
     select u.tenant_id, u.id, '压测填报员' || u.name, $3 || substr(u.name, length($2) + 1), t.roles, t.password_hash, false
     from units u, users t where u.tenant_id = $1 and u.name like $2 || '%' and u.name <> $2 || '000' and t.login = $4`,
    [tenantId, prefix, `f${runId}s`, first],
  );
  const rows = await pool.query(
    `select u.id, s.login from units u join users s on s.unit_id = u.id
     where u.tenant_id = $1 and u.name like $2 || '%' order by u.name`,
    [tenantId, prefix],
  );
  const schools: School[] = [];
  await eachLimited(rows.rows, 8, async (r: { id: string; login: string }) => {
    const client = r.login === first ? c0 : new Client(http);
    if (client !== c0) expectStatus(await client.login(r.login, SCHOOL_PASSWORD), 200, `login ${r.login}`);
    schools.push({ unitId: r.id, client });
  });
  return schools;
}

/** A one-task plan published by the 督查室: what the form hangs on. */
async function publishPlan(supervisor: Client): Promise<string> {
  // The seed plan's first lines and its task 9, as bench/lib/seed.ts cuts it.
  const seed = fs.readFileSync(
    new URL("../packages/plan-parser/src/test-fixtures/seed-2023.txt", import.meta.url),
    "utf8",
  );
  const lines = seed.split("\n");
  const task = lines.find((l) => /^\s*9\./.test(l))!.replace(/^\s*9\./, "1.");
  const text = [
    `瓦房店市教育局填报压测计划${runId}`,
    lines[1]!,
    "一、努力办好人民更加满意的教育",
    task,
    "",
  ].join("\n");
  const draft = await supervisor.post("/api/plan-imports", { text });
  expectStatus(draft, 201, "plan import");
  const { id, version } = draft.body as { id: string; version: number };
  const published = await supervisor.post(`/api/plan-imports/${id}/publish`, {
    version,
    allowDuplicate: true,
  });
  expectStatus(published, 201, "publish");
  return (published.body as { planId: string }).planId;
}

/** Sends a round of the form to every school; returns each school's submission id. */
async function sendRound(lead: Client, formId: string, schools: School[], name: string) {
  const round = await lead.post(`/api/forms/${formId}/rounds`, {
    name,
    deadline: "2023-06-25",
    unitIds: schools.map((s) => s.unitId),
  });
  expectStatus(round, 201, "send round");
  const units = (round.body as { units: { unit: { id: string }; submissionId: string }[] }).units;
  const byUnit = new Map(units.map((u) => [u.unit.id, u.submissionId]));
  return { id: (round.body as { id: string }).id, submissionIds: schools.map((s) => byUnit.get(s.unitId)!) };
}

/** What one measured step printed: latency summary and server CPU. */
type Measured = StepSummary & { serverCpuMsPerItem: number };

/** Runs `each` for every school (spread over `spreadMs`, or all at once) and measures the server's CPU. */
async function measure(
  server: RunningServer,
  count: number,
  spreadMs: number,
  each: (i: number) => Promise<{ start: number; end: number; ok: boolean; error?: string }>,
): Promise<Measured> {
  const step = new Step();
  const cpu0 = server.cpuSeconds();
  await Promise.all(
    Array.from({ length: count }, async (_, i) => {
      if (spreadMs > 0) await new Promise((r) => setTimeout(r, (i / count) * spreadMs));
      step.add(await each(i));
    }),
  );
  const cpuMs = (server.cpuSeconds() - cpu0) * 1000;
  return { ...step.summary(), serverCpuMsPerItem: r2(cpuMs / count) };
}

/** Each school saves its values and submits them: the unit's two requests, timed together. */
async function fillAndSubmit(
  server: RunningServer,
  schools: School[],
  ids: string[],
  run: number,
  spread: number,
) {
  const versions: number[] = [];
  const step = await measure(server, schools.length, spread, async (i) => {
    const c = schools[i]!.client;
    const saved = await c.request("PUT", `/api/form-submissions/${ids[i]}`, {
      values: valuesOf(i, run),
      version: 0,
    });
    if (saved.status !== 200)
      return { start: saved.start, end: saved.end, ok: false, error: `save ${saved.error}` };
    const version = (saved.body as { version: number }).version;
    const sub = await c.post(`/api/form-submissions/${ids[i]}/submit`, { version });
    versions[i] = (sub.body as { version?: number } | null)?.version ?? -1;
    return {
      start: saved.start,
      end: sub.end,
      ok: sub.status === 200,
      ...(sub.ok ? {} : { error: `submit ${sub.error}` }),
    };
  });
  return { step, versions };
}

/** The department approves every submission at once. */
async function approveAll(server: RunningServer, lead: Client, ids: string[], versions: number[]) {
  return measure(server, ids.length, 0, async (i) => {
    const res = await lead.post(`/api/form-submissions/${ids[i]}/approve`, { version: versions[i] });
    return {
      start: res.start,
      end: res.end,
      ok: res.status === 200,
      ...(res.ok ? {} : { error: res.error }),
    };
  });
}

/** The hand-written reference: one SQL update per submission, all at once, on a pool like the server's. */
async function sqlReference(
  pool: pg.Pool,
  tenantId: string,
  ids: string[],
  run: number,
): Promise<StepSummary> {
  const step = new Step();
  await Promise.all(
    ids.map(async (id, i) => {
      const start = performance.now();
      try {
        await pool.query(
          `update form_submissions set values = $3, status = 'submitted', submitted_at = now(), version = version + 1
           where tenant_id = $1 and id = $2`,
          [tenantId, id, JSON.stringify(valuesOf(i, run))],
        );
        step.add({ start, end: performance.now(), ok: true });
      } catch (e) {
        step.add({ start, end: performance.now(), ok: false, error: String(e) });
      }
    }),
  );
  return step.summary();
}

/** Medians across runs of one step's figures. */
function mediansOf(runs: Measured[]) {
  const m = (f: (r: Measured) => number) => r1(median(runs.map(f)));
  return {
    runs: runs.length,
    perRun: runs[0]?.requests ?? 0,
    errors: runs.reduce((n, r) => n + r.errors, 0),
    errorSamples: runs.flatMap((r) => r.errorSamples).slice(0, 3),
    p50: m((r) => r.latencyMs.p50),
    p95: m((r) => r.latencyMs.p95),
    wallMs: m((r) => r.wallMs),
    serverCpuMsPerItem: m((r) => r.serverCpuMsPerItem),
  };
}

/** Signs the form's department in, defines the form on the plan and returns its id. */
async function defineForm(lead: Client, planId: string): Promise<string> {
  const form = await lead.post(`/api/plans/${planId}/forms`, {
    title: `幼儿园基本情况${runId}`,
    fields,
    rules,
  });
  expectStatus(form, 201, "define form");
  return (form.body as { id: string }).id;
}

async function main() {
  const result: Record<string, unknown> = {
    bench: "forms",
    runId,
    schools: SCHOOLS,
    fields: fields.length,
    runs: RUNS,
  };
  const dbUrl = process.env.BENCH_DATABASE_URL || undefined;
  if (!dbUrl)
    throw new Error("bench:forms seeds the recompute rows through SQL: set BENCH_DATABASE_URL to PostgreSQL");
  // BENCH_FRESH_DATABASE=0 runs in the given database (every name carries the run id) instead of a throwaway one.
  const database =
    process.env.BENCH_FRESH_DATABASE === "0"
      ? { url: dbUrl, isolation: "given database", drop: async () => {} }
      : await prepareDatabase(dbUrl, runId);
  let server: RunningServer | undefined;
  try {
    const build = buildServer();
    if (build.message) log(build.message);
    Object.assign(process.env, {
      DUBAN_FAKE_NOW: "2023-06-15T10:00:00+08:00",
      DUBAN_ALLOW_FAKE_NOW: "1",
      SCHEDULER: "0",
      BENCH_LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "info",
    });
    server = await startServer({ databaseUrl: database.url, signal: abort.signal });
    http.base = server.base;
    result.database = { isolation: database.isolation };
    result.machine = { cpus: os.cpus().length, loadAvgBefore: os.loadavg().map(r2) };
    log(`seeding ${SCHOOLS} schools`);
    const [admin, supervisor, lead] = await Promise.all(["admin", "ducha", "xueqian"].map(demoClient));
    const pool = new pg.Pool({ connectionString: database.url, max: 10 });
    const who = await pool.query("select tenant_id from users where login = 'xueqian'");
    const tenantId = who.rows[0].tenant_id as string;
    const schools = await seedSchools(pool, admin!, tenantId);
    const scenario = { lead: lead!, schools, planId: await publishPlan(supervisor!) };
    const formId = await defineForm(scenario.lead, scenario.planId);
    const at = await pool.query("select created_by from forms where id = $1", [formId]);
    // Warm the reference's pool, so its first statements do not pay for connecting.
    await Promise.all(Array.from({ length: 10 }, () => pool.query("select 1")));
    const steps = { spread: [] as Measured[], atOnce: [] as Measured[], approve: [] as Measured[] };
    const sql: StepSummary[] = [];
    for (let run = 0; run < RUNS && !abort.signal.aborted; run++) {
      log(`run ${run + 1}/${RUNS}: spread over ${SPREAD_MS} ms`);
      const a = await sendRound(scenario.lead, formId, scenario.schools, `第${run + 1}轮·分散`);
      const spread = await fillAndSubmit(server, scenario.schools, a.submissionIds, run, SPREAD_MS);
      steps.spread.push(spread.step);
      steps.approve.push(await approveAll(server, scenario.lead, a.submissionIds, spread.versions));
      log(`run ${run + 1}/${RUNS}: all at once`);
      const b = await sendRound(scenario.lead, formId, scenario.schools, `第${run + 1}轮·同时`);
      const atOnce = await fillAndSubmit(server, scenario.schools, b.submissionIds, run, 0);
      steps.atOnce.push(atOnce.step);
      steps.approve.push(await approveAll(server, scenario.lead, b.submissionIds, atOnce.versions));
      const c = await sendRound(scenario.lead, formId, scenario.schools, `第${run + 1}轮·对照`);
      sql.push(await sqlReference(pool, tenantId, c.submissionIds, run));
    }
    await pool.end();
    const sqlP50 = median(sql.map((s) => s.latencyMs.p50));
    const sqlP95 = median(sql.map((s) => s.latencyMs.p95));
    const atOnce = mediansOf(steps.atOnce);
    const spread = mediansOf(steps.spread);
    const approve = mediansOf(steps.approve);
    result.steps = {
      submitSpread: spread,
      submitAtOnce: atOnce,
      approveAtOnce: approve,
      handWrittenSqlAtOnce: {
        p50: r1(sqlP50),
        p95: r1(sqlP95),
        errors: sql.reduce((n, s) => n + s.errors, 0),
      },
    };
    result.cpuMsPerSubmission = {
      spread: spread.serverCpuMsPerItem,
      atOnce: atOnce.serverCpuMsPerItem,
      approval: approve.serverCpuMsPerItem,
    };
    // The API's save + submit against one UPDATE: what validation, permissions, history and audit cost.
    result.ratioToSql = { atOnceP50: r1(atOnce.p50 / sqlP50), atOnceP95: r1(atOnce.p95 / sqlP95) };
    result.serverSideMs = serverTimes(server.logFile, {
      save: /^PUT \/api\/form-submissions\/[^/]+$/,
      submit: /^POST \/api\/form-submissions\/[^/]+\/submit$/,
      approve: /^POST \/api\/form-submissions\/[^/]+\/approve$/,
    });
    log(`recompute over ${RECOMPUTE_UNITS} units`);
    const c = new pg.Client({ connectionString: database.url });
    await c.connect();
    try {
      const roundId = await seedRecomputeRows(c, {
        tenantId,
        formId,
        userId: at.rows[0].created_by,
        units: RECOMPUTE_UNITS,
        runId,
      });
      result.recompute = await timeRecompute(c, { tenantId, formId, roundId });
      result.productRecompute = await timeProductRecompute(database.url!, c, {
        tenantId,
        planId: scenario.planId,
        formId,
        userId: at.rows[0].created_by,
      });
    } finally {
      await c.end();
    }
    const product = result.productRecompute as { oneIndicatorMs: number };
    result.goal = {
      target: "PostgreSQL: one indicator recomputed over 3 000 units' submissions in < 50 ms",
      oneIndicatorMs: product.oneIndicatorMs,
      met: product.oneIndicatorMs < 50,
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
