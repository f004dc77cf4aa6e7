// The reports bench's two parts, each returning its figures per round: on PostgreSQL (Duban, then the limit server
// under the same bursts, each in a database of its own), and on PGlite (a server with PGLITE_THREAD=worker, then a
// fresh one with PGLITE_THREAD=main on the same seeded data dir).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { seedLimit, seedLimitReports, seedLimitReviewer } from "../limit/schema.js";
import { DbMonitor } from "./cpu.js";
import { type FloorFigures, measureFloor } from "./floor.js";
import type { HttpContext } from "./http.js";
import { startLimitServer } from "./limit.js";
import { type BurstOptions, dubanFormSurge, dubanReview, dubanSurge, limitRound } from "./reports-load.js";
import { verifyRound } from "./reports-verify.js";
import { type People, seedPeople, seedScenario } from "./seed.js";
import { type BenchDatabase, prepareDatabase, type RunningServer, startServer } from "./server.js";
import { type ServerTimes, serverTimes } from "./server-log.js";

/** What both parts need. */
export interface RunContext {
  runId: string;
  schools: number;
  rounds: number;
  /** PostgreSQL: rounds run first and left out of the figures (both servers compile their hot paths in them). */
  warmup: number;
  burst: BurstOptions;
  log: (msg: string) => void;
  /** Every floor measured, one per round of each part. */
  floors: FloorFigures[];
}

/** A context for the in-process seeding client against one server; its budget is generous, never reached. */
function httpFor(ctx: RunContext): HttpContext {
  return {
    base: "",
    signal: ctx.burst.signal,
    maxRequests: ctx.schools * 6 + (ctx.rounds + ctx.warmup) * 4 * (ctx.schools * 2 + 100) + 200,
    sent: 0,
    requestTimeoutMs: 120_000,
  };
}

/**
 * One round on a Duban server: a fresh plan, the surge (upload, then submit), the review, the read-back; with
 * `form`, before the review, a second fresh plan's surge of one request per school (report and photo together).
 */
async function dubanRound(
  ctx: RunContext,
  server: RunningServer,
  people: People,
  tag: string,
  db: DbMonitor | undefined,
  form: boolean,
) {
  const scenario = await seedScenario(tag, people);
  const formScenario = form ? await seedScenario(`${tag}f`, people) : null;
  // The deadline comes weeks after 交办: autovacuum has analyzed the new plan's rows by then. Measured right after
  // they were written, the planner would still see nearly empty tables and pick its indexes by chance.
  await db?.analyze();
  const surge = await dubanSurge(server.base, server.pid, scenario, db, ctx.burst);
  const formSurge = formScenario
    ? await dubanFormSurge(server.base, server.pid, formScenario, db, ctx.burst)
    : null;
  const review = await dubanReview(server.base, server.pid, scenario, surge.reports, db, ctx.burst);
  const consistency = await verifyRound(scenario, surge.reports, review.approved);
  const formConsistency = formScenario && (await verifyRound(formScenario, formSurge!.reports, new Set()));
  return {
    steps: { ...surge.steps, review: review.step, ...(formSurge ? { form: formSurge.step } : {}) },
    perReport: surge.cost,
    perFormReport: formSurge?.cost ?? null,
    perApproval: review.cost,
    consistency,
    formConsistency,
  };
}

export type DubanRound = Awaited<ReturnType<typeof dubanRound>>;
export type LimitRound = Awaited<ReturnType<typeof limitRound>>;

const serverRoutes = {
  upload: /^POST \/api\/files$/,
  submit: /^POST \/api\/assignments\/[^/]+\/reports$/,
  form: /^POST \/api\/assignments\/[^/]+\/reports\/with-files$/,
  review: /^POST \/api\/reports\/[^/]+\/review$/,
};

/** Duban and the limit on PostgreSQL, round after round in the same time window. */
export async function runPostgres(ctx: RunContext, url: string) {
  const dbs: BenchDatabase[] = [];
  const monitors: DbMonitor[] = [];
  let server: RunningServer | undefined;
  let limit: Awaited<ReturnType<typeof startLimitServer>> | undefined;
  try {
    const database = await prepareDatabase(url, ctx.runId);
    dbs.push(database);
    const limitDb = await prepareDatabase(url, `${ctx.runId}_limit`);
    dbs.push(limitDb);
    // Like the limit, Duban keeps the photos on disk (its default with DATABASE_URL set is PostgreSQL, for servers
    // that share no disk); BENCH_FILE_STORE=postgres measures that instead.
    const fileStore = process.env.BENCH_FILE_STORE || "disk";
    server = await startServer({
      databaseUrl: database.url,
      signal: ctx.burst.signal,
      env: { FILE_STORE: fileStore },
    });
    const http = httpFor(ctx);
    http.base = server.base;
    const health = (await (await fetch(`${server.base}/api/health`)).json()) as { database: string };
    const dubanDb = new DbMonitor(url, database.url!);
    const limitMon = new DbMonitor(url, limitDb.url!);
    monitors.push(dubanDb, limitMon);
    await dubanDb.open();
    await seedLimit(limitDb.url!, 0);
    const reviewer = await seedLimitReviewer(limitDb.url!);
    await limitMon.open();
    limit = await startLimitServer(limitDb.url!);
    ctx.log(`PostgreSQL: Duban at ${server.base} (${health.database}), limit at ${limit.base}; seeding`);
    const t0 = performance.now();
    const people = await seedPeople(http, ctx.runId, ctx.schools);
    const seedS = Number(((performance.now() - t0) / 1000).toFixed(1));
    const rounds: { duban: DubanRound; limit: LimitRound }[] = [];
    const warmup: typeof rounds = [];
    for (let r = 0; r < ctx.warmup + ctx.rounds && !ctx.burst.signal.aborted; r++) {
      const warm = r < ctx.warmup;
      const which = warm
        ? `warm-up round ${r + 1}/${ctx.warmup}`
        : `round ${r - ctx.warmup + 1}/${ctx.rounds}`;
      ctx.log(`PostgreSQL ${which} (seeded in ${seedS}s): floor, Duban, limit`);
      ctx.floors.push(await measureFloor(ctx.schools));
      const duban = await dubanRound(ctx, server, people, `${ctx.runId}p${r}`, dubanDb, true);
      const ids = await seedLimit(limitDb.url!, ctx.schools);
      const reportIds = await seedLimitReports(limitDb.url!, await seedLimit(limitDb.url!, ctx.schools));
      await limitMon.analyze();
      const limitFigures = await limitRound(limit, ids, limitMon, ctx.burst, { reviewer, reportIds });
      (warm ? warmup : rounds).push({ duban, limit: limitFigures });
    }
    const serverSideMs: Record<string, ServerTimes> = serverTimes(server.logFile, serverRoutes);
    return {
      database: {
        kind: health.database,
        fileStore,
        isolation: database.isolation,
        ...(database.serverVersion ? { version: database.serverVersion } : {}),
      },
      seedS,
      rounds,
      warmup,
      serverSideMs,
      requestsSent: http.sent,
    };
  } finally {
    for (const m of monitors) await m.close();
    await limit?.stop().catch((e) => ctx.log(`stop limit: ${e}`));
    await server?.stop().catch((e) => ctx.log(`stop server: ${e}`));
    for (const d of dbs) await d.drop().catch((e) => ctx.log(`drop database: ${e}`));
  }
}

/** The PGlite thread modes, in the order they run; the first seeds the data dir the second reuses. */
export const PGLITE_MODES = ["worker", "main"] as const;

/** Duban on PGlite with PGLITE_THREAD=worker, then a fresh server with PGLITE_THREAD=main on the same data. */
export async function runPglite(ctx: RunContext, measureFloors: boolean) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "duban-bench-pglite-"));
  const http = httpFor(ctx);
  const modes: Record<string, DubanRound[]> = {};
  let people: People | undefined;
  let seedS = 0;
  try {
    for (const mode of PGLITE_MODES) {
      const server = await startServer({
        databaseUrl: undefined,
        signal: ctx.burst.signal,
        env: { PGLITE_THREAD: mode },
        dataDir,
      });
      try {
        http.base = server.base;
        if (!people) {
          ctx.log(`PGlite: server at ${server.base}; seeding`);
          const t0 = performance.now();
          people = await seedPeople(http, ctx.runId, ctx.schools);
          seedS = Number(((performance.now() - t0) / 1000).toFixed(1));
        }
        const rounds: DubanRound[] = [];
        for (let r = 0; r < ctx.rounds && !ctx.burst.signal.aborted; r++) {
          ctx.log(`PGlite (PGLITE_THREAD=${mode}) round ${r + 1}/${ctx.rounds}`);
          if (measureFloors) ctx.floors.push(await measureFloor(ctx.schools));
          rounds.push(await dubanRound(ctx, server, people, `${ctx.runId}${mode[0]}${r}`, undefined, false));
        }
        modes[mode] = rounds;
      } finally {
        await server.stop().catch((e) => ctx.log(`stop server: ${e}`));
      }
    }
    const today = process.env.BENCH_PGLITE_TODAY;
    if (today && !ctx.burst.signal.aborted) modes.today = await runToday(ctx, today);
    return { seedS, modes, requestsSent: http.sent };
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * BENCH_PGLITE_TODAY=<a built checkout of Duban as it was when the performance work began>: that server on PGlite,
 * on a data dir of its own (its migrations differ), seeded and loaded as the others, after them in the same run.
 */
async function runToday(ctx: RunContext, checkout: string): Promise<DubanRound[]> {
  const server = await startServer({ databaseUrl: undefined, signal: ctx.burst.signal, checkout });
  const http = httpFor(ctx);
  http.base = server.base;
  try {
    ctx.log(`PGlite (today: ${checkout}) at ${server.base}; seeding`);
    const people = await seedPeople(http, `${ctx.runId}t`, ctx.schools);
    const rounds: DubanRound[] = [];
    for (let r = 0; r < ctx.rounds && !ctx.burst.signal.aborted; r++) {
      ctx.log(`PGlite (today) round ${r + 1}/${ctx.rounds}`);
      rounds.push(await dubanRound(ctx, server, people, `${ctx.runId}t${r}`, undefined, false));
    }
    return rounds;
  } finally {
    await server.stop().catch((e) => ctx.log(`stop server: ${e}`));
  }
}
