import cluster from "node:cluster";
import { roleLabels } from "@duban/domain";
import { buildApp } from "../app.js";
import { logAvailabilityChanges } from "../db/availability.js";
import { openDatabase } from "../db/client.js";
import { migrateDatabase } from "../db/migrate.js";
import { type Config, loadConfig } from "../env.js";
import type { FileStore } from "../files/file-store.js";
import { PostgresFileStore } from "../files/postgres-file-store.js";
import { clockStartingAt, systemClock } from "../http/context.js";
import { startScheduler } from "../jobs/scheduler.js";
import { secretBoxFor } from "../notify/secret-box.js";
import { DEMO_PASSWORD, seedDemo } from "../seed/demo.js";
import { demoUsers } from "../seed/demo-data.js";
import { seedDemoPlan } from "../seed/demo-plan.js";
import { serverLoggerOptions } from "./logger-options.js";
import { CliError } from "./runtime.js";

/**
 * Starts the server: migrate, seed the demo bureau in demo mode, listen, and stop cleanly on signals.
 * With DUBAN_WORKERS > 1 on PostgreSQL, a primary process prepares the database and forks that many servers
 * sharing the port, so both cores serve requests.
 */
export async function serve(options: { demo: boolean; port?: number }): Promise<void> {
  const config = configOrFail();
  if (options.port) config.port = options.port;
  const demo = options.demo || config.demo;
  if (config.workers > 1 && !config.databaseUrl)
    throw new CliError(
      "内置数据库只能由一个进程使用；要启用多个服务进程（DUBAN_WORKERS），请设置 DATABASE_URL 使用 PostgreSQL",
    );
  if (cluster.isPrimary) await prepareDatabase(config, demo);
  if (cluster.isPrimary && config.workers > 1) return superviseWorkers(config, demo);
  await listen(config, demo);
}

/** The configuration, or a message saying which variable to fix (printed without a stack trace). */
function configOrFail(): Config {
  try {
    return loadConfig();
  } catch (e) {
    throw new CliError((e as Error).message);
  }
}

/** Migrates (and seeds, in demo mode) once, before any server process listens. */
async function prepareDatabase(config: Config, demo: boolean): Promise<void> {
  // With several workers the primary only prepares; a single process keeps its connection for serving.
  if (config.workers === 1) return;
  const database = await openDatabase({
    url: config.databaseUrl,
    dataDir: config.dataDir,
    pgliteThread: config.pgliteThread,
    poolSize: 2,
  });
  try {
    await migrateDatabase(database);
    if (demo) await seedDemo(database.db, config, { demo: true });
    if (demo) await seedDemoPlan(database, config, config.fakeNow ?? new Date());
  } finally {
    await database.close();
  }
}

/** The longest wait before replacing a worker that keeps dying (e.g. it cannot reach the database at start). */
const MAX_REFORK_DELAY_MS = 30_000;

/** Forks the workers and replaces any that dies, until asked to stop. */
function superviseWorkers(config: Config, demo: boolean): void {
  let stopping = false;
  let delayMs = 0;
  let lastExit = 0;
  for (let i = 0; i < config.workers; i++) cluster.fork();
  cluster.on("exit", (worker, code) => {
    if (stopping) return;
    // Deaths in quick succession back off (1 s, 2 s, … 30 s) instead of forking in a tight loop.
    const now = Date.now();
    delayMs = now - lastExit < 60_000 ? Math.min(Math.max(1000, delayMs * 2), MAX_REFORK_DELAY_MS) : 0;
    lastExit = now;
    console.error(`服务进程 ${worker.process.pid} 退出（代码 ${code}），${delayMs / 1000} 秒后重启`);
    setTimeout(() => {
      if (!stopping) cluster.fork();
    }, delayMs);
  });
  const stop = () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.kill("SIGTERM");
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  console.log(`\n督办已启动：http://localhost:${config.port}  （PostgreSQL，${config.workers} 个服务进程）`);
  if (demo) printDemoLogins();
}

/** Removes, in the background, the chunks of uploads a killed process left in the PostgreSQL file store. */
function sweepAbandonedUploads(
  files: FileStore,
  log: { info(o: object, m: string): void; warn(o: object, m: string): void },
) {
  if (!(files instanceof PostgresFileStore)) return;
  files
    .sweepAbandoned()
    .then((chunks) => {
      if (chunks > 0) log.info({ chunks }, "已清理中断上传留下的文件数据块");
    })
    .catch((err: unknown) => log.warn({ err }, "清理中断上传留下的文件数据块失败，下次启动时再试"));
}

/** Opens the database, builds the app and listens; one process's whole life. */
async function listen(config: Config, demo: boolean): Promise<void> {
  const single = cluster.isPrimary;
  const database = await openDatabase({
    url: config.databaseUrl,
    dataDir: config.dataDir,
    pgliteThread: config.pgliteThread,
    poolSize: config.poolSize,
  });
  if (single) {
    await migrateDatabase(database);
    if (demo) await seedDemo(database.db, config, { demo: true });
  }
  const clock = config.fakeNow ? clockStartingAt(config.fakeNow) : systemClock;
  // The demo plan's story on first start: published, reported on, supervised and 通报'd before today.
  if (single && demo) await seedDemoPlan(database, config, clock.now());
  const logger = serverLoggerOptions({ level: config.logLevel, output: process.stdout });
  const app = await buildApp({ database, config, clock, logger });
  sweepAbandonedUploads(app.deps.files, app.log);
  // A database restart is survived: requests answer 503 and the scheduler pauses until it is back.
  logAvailabilityChanges(database.availability, app.log);
  // Every process may run it: reminders are claimed by unique key, deliveries with SKIP LOCKED.
  const stopScheduler = config.scheduler
    ? startScheduler({
        database,
        intervalMs: config.schedulerIntervalMs,
        now: () => clock.now(),
        secrets: secretBoxFor(config),
        log: app.log,
        demo,
      })
    : async () => undefined;
  let closing = false;
  const stop = async () => {
    if (closing) return;
    closing = true;
    await stopScheduler();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  await app.listen({ port: config.port, host: config.host });
  if (!single) return;
  const where = database.kind === "pglite" ? `内置数据库 ${config.dataDir}` : "PostgreSQL";
  console.log(`\n督办已启动：http://localhost:${config.port}  （${where}）`);
  if (config.fakeNow) console.log(`时钟从 ${config.fakeNow.toISOString()} 起算（DUBAN_FAKE_NOW，仅供测试）`);
  if (demo) printDemoLogins();
}

/** Prints the demo accounts, one per role. */
function printDemoLogins(): void {
  console.log(`\n演示账号（密码均为 ${DEMO_PASSWORD}）：`);
  for (const [login, name, roles] of demoUsers)
    console.log(`  ${login.padEnd(10)} ${roles.map((r) => roleLabels[r]).join("、")}（${name}）`);
  console.log("");
}
