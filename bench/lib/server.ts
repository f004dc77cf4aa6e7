// Starts the real server in a child process on a fresh data dir (and a fresh PostgreSQL database when asked),
// and always tears everything down again.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { PROFILE_DIR, processCpuMs } from "./cpu.js";

const root = fileURLToPath(new URL("../../", import.meta.url));

/** The database a run uses and how to remove it afterwards. */
export interface BenchDatabase {
  kind: "pglite" | "postgres";
  url?: string;
  /** "fresh database" when the bench created (and will drop) one, else "shared database". */
  isolation: string;
  serverVersion?: string;
  drop(): Promise<void>;
}

/** Compiles the server (incremental) so dist matches the source; keeps the old dist if compiling fails. */
export function buildServer(): { built: boolean; message?: string } {
  if (process.env.BENCH_SKIP_BUILD === "1") return { built: false, message: "BENCH_SKIP_BUILD=1" };
  const tsc = path.join(root, "node_modules/typescript/bin/tsc");
  const res = spawnSync(process.execPath, [tsc, "-b", "packages/server"], { cwd: root, encoding: "utf8" });
  if (res.status === 0) return { built: true };
  const message = `tsc -b packages/server failed; using the existing dist\n${res.stdout}${res.stderr}`;
  if (!fs.existsSync(path.join(root, "packages/server/dist/cli/index.js"))) throw new Error(message);
  return { built: false, message: message.slice(0, 2000) };
}

/** Creates a throwaway database on the BENCH_DATABASE_URL server, or falls back to the given one. */
export async function prepareDatabase(
  url: string | undefined,
  runId: string,
  prefix = "duban_bench_",
): Promise<BenchDatabase> {
  if (!url) return { kind: "pglite", isolation: "fresh data dir", drop: async () => {} };
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const serverVersion = (await admin.query("show server_version")).rows[0].server_version as string;
    const name = `${prefix}${runId}`;
    try {
      await admin.query(`create database "${name}"`);
    } catch (err) {
      // No CREATEDB right: share the given database; every name the bench writes carries the run id.
      return {
        kind: "postgres",
        url,
        isolation: `shared database (${(err as Error).message})`,
        serverVersion,
        drop: async () => {},
      };
    }
    // Set before any connection: the settings apply to the sessions opened afterwards.
    if (PROFILE_DIR)
      await admin.query(
        `alter database "${name}" set pg_stat_statements.track = 'all';` +
          `alter database "${name}" set pg_stat_statements.track_planning = on`,
      );
    const fresh = new URL(url);
    fresh.pathname = `/${name}`;
    return {
      kind: "postgres",
      url: fresh.toString(),
      isolation: "fresh database",
      serverVersion,
      drop: async () => {
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        try {
          await c.query(`drop database if exists "${name}" with (force)`);
        } finally {
          await c.end();
        }
      },
    };
  } finally {
    await admin.end();
  }
}

/** A free loopback port. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** A running server child. */
export interface RunningServer {
  base: string;
  pid: number;
  dataDir: string;
  logFile: string;
  /** CPU seconds the server process has used so far (user + system). */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

/** Starts `duban serve --demo` on a fresh temp dir and waits until /api/health answers. */
export async function startServer(options: {
  databaseUrl: string | undefined;
  signal: AbortSignal;
  /** Extra environment of the server (e.g. PGLITE_THREAD). */
  env?: Record<string, string>;
  /** Reuse this data dir (a server stopped earlier seeded it) and leave it in place on stop. */
  dataDir?: string;
  /** Another built checkout of Duban to run instead of this one (its packages/server/bin/duban.js). */
  checkout?: string;
}): Promise<RunningServer> {
  const ownDir = !options.dataDir;
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "duban-bench-"));
  const logFile = path.join(dataDir, "server.log");
  const port = await freePort();
  const log = fs.openSync(logFile, "a");
  const child: ChildProcess = spawn(
    process.execPath,
    [
      // e.g. BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the server under load.
      ...(process.env.BENCH_SERVER_NODE_ARGS?.split(" ").filter(Boolean) ?? []),
      path.join(options.checkout ?? root, "packages/server/bin/duban.js"),
      "serve",
      "--demo",
      "--port",
      String(port),
    ],
    {
      cwd: options.checkout ?? root,
      stdio: ["ignore", log, log],
      env: {
        ...process.env,
        HOST: "127.0.0.1",
        DATA_DIR: dataDir,
        DATABASE_URL: options.databaseUrl ?? "",
        LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "info",
        // Setup signs 300 users in from one IP; the per-IP login limit protects real deployments, not this.
        LOGIN_RATE_LIMIT_PER_MINUTE: "100000",
        NODE_ENV: "production",
        ...options.env,
      },
    },
  );
  fs.closeSync(log);
  // Last resort: even a hard exit of the bench takes the server and its temp dir with it.
  const removeDir = () => {
    if (ownDir) fs.rmSync(dataDir, { recursive: true, force: true });
    else fs.rmSync(logFile, { force: true });
  };
  const onExit = () => {
    child.kill("SIGKILL");
    removeDir();
  };
  process.once("exit", onExit);
  let exited: string | null = null;
  const gone = new Promise<void>((resolve) =>
    child.once("exit", (code, sig) => {
      exited = `exited with ${code ?? sig}`;
      resolve();
    }),
  );
  const server: RunningServer = {
    base: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    dataDir,
    logFile,
    cpuSeconds: () => processCpuMs(child.pid!) / 1000,
    stop: async () => {
      if (!exited) {
        child.kill("SIGTERM");
        // A profiled server writes its profile as it exits: seconds of work after a long run.
        const grace = process.env.BENCH_SERVER_NODE_ARGS?.includes("prof") ? 120_000 : 5000;
        const timer = setTimeout(() => child.kill("SIGKILL"), grace);
        await gone;
        clearTimeout(timer);
      }
      removeDir();
      process.off("exit", onExit);
    },
  };
  // PGlite creates and migrates its database on first start: a minute and more on a loaded machine.
  const deadline = Date.now() + Number(process.env.BENCH_START_TIMEOUT_MS ?? 300_000);
  while (Date.now() < deadline && !options.signal.aborted) {
    if (exited) break;
    try {
      const res = await fetch(`${server.base}/api/health`);
      if (res.ok) return server;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  const tail = fs.readFileSync(logFile, "utf8").slice(-2000);
  await server.stop();
  throw new Error(`server did not start (${exited ?? "timeout"}):\n${tail}`);
}
