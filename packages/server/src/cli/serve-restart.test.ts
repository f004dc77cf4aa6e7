// `duban serve` in a child process, on a PostgreSQL this file starts, survives that PostgreSQL's restart: the
// same process (and, with DUBAN_WORKERS=2, the same workers) answers 503 while it is down and serves again after.
import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASE_UNAVAILABLE_MESSAGE } from "../db/availability.js";
import { openDatabase } from "../db/client.js";
import { migrateDatabase } from "../db/migrate.js";
import { type PostgresProcess, postgresSkipReason, startPostgres } from "../test/postgres-process.js";
import { freePort } from "../test/server-process.js";

const skipReason = postgresSkipReason();
// Said out loud as well: a skipped restart test must not pass for a run one.
if (skipReason) console.warn(`PostgreSQL restart tests skipped: ${skipReason}`);
const unavailable = { error: { code: "database_unavailable", message: DATABASE_UNAVAILABLE_MESSAGE } };
const cliScript = fileURLToPath(new URL("../test/cli-process.ts", import.meta.url));

let pg: PostgresProcess;
beforeAll(async () => {
  if (skipReason) return;
  pg = await startPostgres();
  // Migrated here, so each test's time is the server's start and the restart, not the schema's creation.
  const database = await openDatabase({ url: pg.url("duban"), poolSize: 1 });
  await migrateDatabase(database);
  await database.close();
}, 60_000);
afterAll(async () => pg?.destroy());

/** A server child and what it wrote. */
interface ServerChild {
  base: string;
  child: ChildProcess;
  /** stdout and stderr so far. */
  output(): string;
  stop(): Promise<void>;
}

/** Spawns `duban serve` with `workers` processes on the test cluster and waits until it answers. */
async function startServer(workers: number): Promise<ServerChild> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "duban-serve-"));
  const port = await freePort();
  let output = "";
  const child = spawn(process.execPath, ["--conditions=source", "--import", "tsx", cliScript, "serve"], {
    env: {
      ...process.env,
      DATABASE_URL: pg.url("duban"),
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: "127.0.0.1",
      DUBAN_WORKERS: String(workers),
      LOG_LEVEL: "info",
      SCHEDULER: "1",
      SCHEDULER_INTERVAL_SECONDS: "5",
      LOGIN_RATE_LIMIT_PER_MINUTE: "100000",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (d) => {
    output += d;
  });
  child.stderr!.on("data", (d) => {
    output += d;
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const server: ServerChild = {
    base: `http://127.0.0.1:${port}`,
    child,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), 8000);
        await exited;
        clearTimeout(timer);
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && child.exitCode === null) {
    const res = await fetch(`${server.base}/api/health`).catch(() => null);
    // With workers, wait until both listen: the primary prints its banner after forking them.
    if (res?.status === 200 && (workers === 1 || countWorkersListening(output) === workers)) return server;
    await new Promise((r) => setTimeout(r, 250));
  }
  await server.stop();
  throw new Error(`server did not start:\n${output.slice(-3000)}`);
}

/** Workers that logged "Server listening". */
function countWorkersListening(output: string): number {
  return new Set(
    logLines(output)
      .filter((l) => l.msg.startsWith("Server listening"))
      .map((l) => l.pid),
  ).size;
}

/** The pino lines of the output. */
function logLines(output: string): { pid: number; level: number; msg: string }[] {
  return output
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l));
}

/**
 * A sign-in attempt with a new unknown login each time (repeated failures of one login would lock it): it reads
 * the database, then answers 401 (or 503 without one).
 */
async function signInAttempt(base: string) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ login: `nobody-${randomUUID().slice(0, 8)}`, password: "Wrong@12345" }),
  });
  return { status: res.status, body: await res.json() };
}

/** Asks until `ask` gives `status`, for at most `withinMs`; returns the last status seen. */
async function awaitStatus(ask: () => Promise<{ status: number }>, status: number, withinMs: number) {
  const deadline = Date.now() + withinMs;
  let last = 0;
  while (Date.now() < deadline) {
    last = (await ask().catch(() => ({ status: -1 }))).status;
    if (last === status) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  return last;
}

/** Stops PostgreSQL under the server, checks the 503s, starts it again and checks the server serves. */
async function restartUnder(server: ServerChild, requests: number, downMs: number) {
  expect((await signInAttempt(server.base)).status).toBe(401);
  await pg.stop();
  // Several requests, so that with workers each one is asked (the primary hands connections round-robin).
  for (let i = 0; i < requests; i++) {
    const res = await signInAttempt(server.base);
    expect(res.status).toBe(503);
    expect(res.body).toEqual(unavailable);
  }
  const health = await fetch(`${server.base}/api/health`);
  expect(health.status).toBe(503);
  expect(await health.json()).toEqual({ status: "unavailable", database: "postgres", ...unavailable });
  // Long enough for any unhandled error to have ended the process (and, given 6 s, for a scheduler tick).
  await new Promise((r) => setTimeout(r, downMs));
  expect([server.child.exitCode, server.child.signalCode]).toEqual([null, null]);

  await pg.start();
  expect(await awaitStatus(() => signInAttempt(server.base), 401, 15_000)).toBe(401);
  for (let i = 0; i < requests; i++) expect((await signInAttempt(server.base)).status).toBe(401);
  expect(await awaitStatus(() => fetch(`${server.base}/api/health`), 200, 5000)).toBe(200);
  expect([server.child.exitCode, server.child.signalCode]).toEqual([null, null]);
}

describe("duban serve across a PostgreSQL restart", () => {
  it("keeps its one process, answers 503 while the database is down and serves again after", async (ctx) => {
    if (skipReason) ctx.skip(skipReason);
    const server = await startServer(1);
    try {
      await restartUnder(server, 3, 6000);
      const lines = logLines(server.output());
      expect(lines.filter((l) => l.msg.startsWith("数据库无法连接")).length).toBe(1);
      expect(lines.filter((l) => l.msg.startsWith("数据库已恢复连接")).length).toBe(1);
      expect(lines.filter((l) => l.level >= 50).length).toBe(1);
    } finally {
      await server.stop();
    }
  }, 120_000);

  it("keeps its workers with DUBAN_WORKERS=2: none dies and is forked again", async (ctx) => {
    if (skipReason) ctx.skip(skipReason);
    const server = await startServer(2);
    try {
      const workers = new Set(logLines(server.output()).map((l) => l.pid));
      await restartUnder(server, 6, 2000);
      expect(server.output()).not.toContain("退出");
      // Each worker notices the return on its own (its next query or its once-a-second probe): the one that
      // answered health may be a second ahead of the other.
      const settled = () => {
        const all = logLines(server.output());
        const count = (prefix: string) => all.filter((l) => l.msg.startsWith(prefix)).length;
        return count("数据库无法连接") === count("数据库已恢复连接");
      };
      for (let waited = 0; !settled() && waited < 5000; waited += 100)
        await new Promise((r) => setTimeout(r, 100));
      const lines = logLines(server.output());
      // Every line, the recovered answers included, comes from the workers that started.
      expect(new Set(lines.map((l) => l.pid))).toEqual(workers);
      for (const pid of workers) {
        const down = lines.filter((l) => l.pid === pid && l.msg.startsWith("数据库无法连接")).length;
        const back = lines.filter((l) => l.pid === pid && l.msg.startsWith("数据库已恢复连接")).length;
        expect([pid, down]).toEqual([pid, back]);
        expect(down).toBeLessThanOrEqual(1);
      }
    } finally {
      await server.stop();
    }
  }, 120_000);
});
