// A real PostgreSQL, started by this file, is stopped and started again under a running app: requests answer
// 503 database_unavailable while it is down, the scheduler pauses with one log line each way, and the same
// process serves again once it is back. Runs wherever PostgreSQL is installed, whatever TEST_DATABASE_URL says.
import net from "node:net";
import { Writable } from "node:stream";
import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../app.js";
import { startScheduler } from "../jobs/scheduler.js";
import { buildTenant, buildUser, TEST_PASSWORD } from "../test/factories.js";
import { type PostgresProcess, postgresSkipReason, startPostgres } from "../test/postgres-process.js";
import { signIn, type TestSession } from "../test/session.js";
import { testConfig } from "../test/test-app.js";
import { DATABASE_UNAVAILABLE_MESSAGE, isConnectionError, logAvailabilityChanges } from "./availability.js";
import { type Database, openDatabase } from "./client.js";
import { migrateDatabase } from "./migrate.js";

const skipReason = postgresSkipReason();
// Said out loud as well: a skipped restart test must not pass for a run one.
if (skipReason) console.warn(`PostgreSQL restart tests skipped: ${skipReason}`);
const unavailable = { error: { code: "database_unavailable", message: DATABASE_UNAVAILABLE_MESSAGE } };

let pg: PostgresProcess;
let database: Database;
let app: FastifyInstance;
let admin: TestSession;
let login: string;
/** Every line the app's logger wrote, parsed. */
const logged: { level: number; msg: string }[] = [];

beforeAll(async () => {
  if (skipReason) return;
  pg = await startPostgres();
  database = await openDatabase({ url: pg.url("duban"), poolSize: 4 });
  await migrateDatabase(database);
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) logged.push(JSON.parse(line));
      done();
    },
  });
  app = await buildApp({ database, config: testConfig(), webRoot: null, logger: { level: "info", stream } });
  await app.ready();
  logAvailabilityChanges(database.availability, app.log);
  const tenant = await buildTenant(database.db);
  const user = await buildUser(database.db, { tenantId: tenant.id, role: "admin" });
  login = user.login;
  admin = await signIn(app, login, TEST_PASSWORD);
}, 60_000);

/** Runs one teardown step; one that takes over 10 s is named on stderr and left behind, so the cluster still goes. */
async function teardownStep(name: string, step: () => Promise<unknown> | undefined) {
  let timer: NodeJS.Timeout | undefined;
  const slow = new Promise<"slow">((resolve) => {
    timer = setTimeout(() => resolve("slow"), 10_000);
  });
  const outcome = await Promise.race([Promise.resolve(step()).then(() => "done" as const), slow]);
  clearTimeout(timer);
  if (outcome === "slow") console.warn(`database-restart teardown: ${name} did not finish within 10 s`);
}

afterAll(async () => {
  await teardownStep("app.close()", () => app?.close());
  await teardownStep("database.close()", () => database?.close());
  await teardownStep("pg.destroy()", () => pg?.destroy());
});

/** Asks until `ask` answers `status`, for at most `withinMs`; returns the last status seen. */
async function awaitStatus(ask: () => Promise<{ statusCode: number }>, status: number, withinMs: number) {
  const deadline = Date.now() + withinMs;
  let last = 0;
  while (Date.now() < deadline) {
    last = (await ask()).statusCode;
    if (last === status) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  return last;
}

describe("a PostgreSQL restart under a running app", () => {
  it("answers 503 while the database is down, pauses the scheduler, and serves again after", async (ctx) => {
    if (skipReason) ctx.skip(skipReason);
    expect((await admin.get("/api/units")).statusCode).toBe(200);
    const schedulerErrors: unknown[] = [];
    const stopScheduler = startScheduler({
      database,
      intervalMs: 100,
      log: { error: (obj, msg) => schedulerErrors.push({ obj, msg }) },
    });
    // A connection checked out by an open transaction has no pool listener: its death must not be unhandled.
    let release = () => {};
    const held = database.db.transaction(async (tx) => {
      await tx.execute(sql`select 1`);
      await new Promise<void>((r) => {
        release = r;
      });
      await tx.execute(sql`select 1`);
    });
    const heldOutcome = held.then(
      () => "committed",
      (err) => (isConnectionError(err) ? "connection lost" : String(err)),
    );
    await new Promise((r) => setTimeout(r, 300));

    await pg.stop();
    release();
    expect(await heldOutcome).toBe("connection lost");
    const read = await admin.get("/api/units");
    expect(read.statusCode).toBe(503);
    expect(read.json()).toEqual(unavailable);
    const write = await admin.post("/api/auth/logout");
    expect(write.statusCode).toBe(503);
    expect(write.json()).toEqual(unavailable);
    const signInAttempt = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { login, password: TEST_PASSWORD },
    });
    expect(signInAttempt.statusCode).toBe(503);
    expect(signInAttempt.json()).toEqual(unavailable);
    const health = await app.inject({ method: "GET", url: "/api/health" });
    expect(health.statusCode).toBe(503);
    expect(health.json()).toEqual({ status: "unavailable", database: "postgres", ...unavailable });
    expect(database.availability.available).toBe(false);
    // Ten scheduler ticks while down: paused, not failing ten times.
    await new Promise((r) => setTimeout(r, 1000));

    await pg.start();
    expect(await awaitStatus(() => admin.get("/api/units"), 200, 15_000)).toBe(200);
    expect(await awaitStatus(() => app.inject({ method: "GET", url: "/api/health" }), 200, 5_000)).toBe(200);
    expect(database.availability.available).toBe(true);
    // The scheduler runs again on the returned database.
    await new Promise((r) => setTimeout(r, 500));
    await stopScheduler();

    expect(schedulerErrors).toEqual([]);
    const outage = logged.filter((l) => l.msg.startsWith("数据库无法连接"));
    const back = logged.filter((l) => l.msg.startsWith("数据库已恢复连接"));
    expect([outage.length, back.length]).toEqual([1, 1]);
    // Nothing else at warn or above: no line per failed request or per scheduler tick.
    expect(logged.filter((l) => l.level >= 40).map((l) => l.msg)).toEqual([outage[0]!.msg]);
  }, 60_000);
});

describe("the pool's two timeouts", () => {
  it("lets a request wait for a busy pool's connection past the connect timeout, and serves it", async (ctx) => {
    if (skipReason) return ctx.skip();
    const busy = await openDatabase({
      url: pg.url("duban"),
      poolSize: 1,
      timeouts: { connectMs: 200, queueMs: 10_000 },
    });
    try {
      // The only connection is held for 0.8 s, four times the connect timeout.
      const holding = busy.db.transaction(async (tx) => {
        await tx.execute(sql`select pg_sleep(0.8)`);
      });
      const waited = await busy.db.execute(sql`select 1 as one`);
      await holding;
      expect((waited as unknown as { rows: unknown[] }).rows).toEqual([{ one: 1 }]);
      expect(busy.availability.available).toBe(true);
    } finally {
      await busy.close();
    }
  });

  it("counts a connection not made within the connect timeout as the database being unreachable", async () => {
    // A peer that accepts the connection and never answers, as a host behind a dropping firewall.
    const sockets = new Set<net.Socket>();
    const silent = net.createServer((s) => sockets.add(s));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const { port } = silent.address() as net.AddressInfo;
    try {
      const opening = openDatabase({
        url: `postgres://duban@127.0.0.1:${port}/duban`,
        timeouts: { connectMs: 200, queueMs: 10_000 },
      });
      const err = await opening.then(
        () => null,
        (e: unknown) => e,
      );
      expect(isConnectionError(err), String(err)).toBe(true);
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});
