// A throwaway PostgreSQL cluster that a test starts, stops and starts again, to see the server survive a restart.
// Run as root (CI), the cluster belongs to the `postgres` user, as initdb refuses to run as root.
import { execFile, execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { freePort } from "./server-process.js";

const run = promisify(execFile);

/** The newest installed PostgreSQL's bin folder (Debian layout), or null when none is installed. */
export function findPostgresBin(): string | null {
  const root = "/usr/lib/postgresql";
  if (!fs.existsSync(root)) return null;
  const versions = fs
    .readdirSync(root)
    .filter((v) => fs.existsSync(path.join(root, v, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], "bin") : null;
}

/** Why the restart tests are skipped on this machine, or null when they can run. */
export function postgresSkipReason(): string | null {
  return findPostgresBin()
    ? null
    : "PostgreSQL binaries not found under /usr/lib/postgresql/*/bin (apt-get install postgresql to run this test)";
}

/** A running (or stopped) throwaway cluster. */
export interface PostgresProcess {
  port: number;
  /** A connection URL for `database` (default `postgres`). */
  url(database?: string): string;
  /** Starts the server and waits until it accepts connections. */
  start(): Promise<void>;
  /** Stops it the way an operator's restart does: `pg_ctl -m fast stop` ends every session (57P01). */
  stop(): Promise<void>;
  /** Stops the server at once (`-m immediate`: nothing of a throwaway cluster needs a clean shutdown) and removes it. */
  destroy(): Promise<void>;
}

/** Initialises a cluster in a temp dir on a free loopback port and starts it, with database `duban`. */
export async function startPostgres(): Promise<PostgresProcess> {
  const bin = findPostgresBin();
  if (!bin) throw new Error(postgresSkipReason()!);
  const asRoot = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "duban-pg-"));
  if (asRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    fs.chownSync(dir, uid, gid);
  }
  const data = path.join(dir, "data");
  const port = await freePort();
  // Every argument is ours (paths from mkdtemp, a number), so building one shell line for su is safe.
  const shell = (command: string) =>
    asRoot
      ? run("su", ["postgres", "-s", "/bin/sh", "-c", command], { timeout: 60_000 })
      : run("/bin/sh", ["-c", command], { timeout: 60_000 });
  const pgCtl = `${bin}/pg_ctl -D '${data}'`;
  // Durability is not under test: without fsync the cluster starts and stops in well under a second.
  const serverOptions = `-p ${port} -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`;
  let running = false;
  const stopSync = () => {
    if (!running) return;
    const cmd = `${pgCtl} -m immediate stop`;
    try {
      if (asRoot) execFileSync("su", ["postgres", "-s", "/bin/sh", "-c", cmd], { stdio: "ignore" });
      else execFileSync("/bin/sh", ["-c", cmd], { stdio: "ignore" });
    } catch {}
  };
  // Even a test run that ends abruptly stops its cluster.
  process.once("exit", stopSync);
  const pg: PostgresProcess = {
    port,
    url: (database = "postgres") => `postgres://postgres@127.0.0.1:${port}/${database}`,
    start: async () => {
      await shell(`${pgCtl} -l '${dir}/log' -w -o "${serverOptions}" start`);
      running = true;
    },
    stop: async () => {
      await shell(`${pgCtl} -m fast -w stop`);
      running = false;
    },
    destroy: async () => {
      if (running) {
        await shell(`${pgCtl} -m immediate -w stop`).catch(stopSync);
        running = false;
      }
      process.off("exit", stopSync);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  await shell(`${bin}/initdb -D '${data}' -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null`);
  await pg.start();
  await shell(`${bin}/createdb -h 127.0.0.1 -p ${port} -U postgres duban`);
  return pg;
}
