// CPU accounting from /proc (Linux; zeros elsewhere): one process, the whole PostgreSQL cluster, or the backends
// serving one database; and SQL statement / commit counts of one database from pg_stat_statements.
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ, 100 on Linux). */
const HZ = 100;

/** Each process's threads as last read: thread id → ns on CPU (a thread that has ended keeps its last reading). */
const threadsSeen = new Map<number, Map<number, number>>();

/**
 * Time on CPU of a process in ms, to the nanosecond: the sum of its threads' /proc/<pid>/task/<tid>/schedstat
 * (the event loop, V8's helpers, libuv's pool, a worker thread). /proc/<pid>/stat counts in 10 ms ticks, which is
 * 13 % of a 300-request burst costing 80 ms. A thread that ends between two readings counts up to the earlier
 * one. Falls back to stat where schedstat is missing; 0 when the process is gone or /proc is missing.
 */
export function processCpuMs(pid: number): number {
  let tids: string[];
  try {
    tids = fs.readdirSync(`/proc/${pid}/task`);
  } catch {
    return statCpuMs(pid);
  }
  let seen = threadsSeen.get(pid);
  if (!seen) {
    seen = new Map();
    threadsSeen.set(pid, seen);
  }
  for (const tid of tids) {
    try {
      const ns = Number(fs.readFileSync(`/proc/${pid}/task/${tid}/schedstat`, "utf8").split(" ")[0]);
      if (Number.isFinite(ns)) seen.set(Number(tid), ns);
    } catch {
      // The thread ended while the directory was read: it keeps its last reading.
    }
  }
  if (seen.size === 0) return statCpuMs(pid);
  let ns = 0;
  for (const v of seen.values()) ns += v;
  return ns / 1e6;
}

/** utime + stime of a process in ms, from /proc/<pid>/stat (10 ms ticks); 0 when the process is gone. */
function statCpuMs(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // Fields 14 and 15 of stat (utime, stime), counted after the command name.
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / HZ;
  } catch {
    return 0;
  }
}

/**
 * Time on CPU of a single-threaded process in ms from /proc/<pid>/schedstat (nanoseconds: PostgreSQL's backends
 * each do a few ms of work in a burst, below the 10 ms ticks of /proc/<pid>/stat); falls back to stat.
 */
export function threadCpuMs(pid: number): number {
  try {
    return Number(fs.readFileSync(`/proc/${pid}/schedstat`, "utf8").split(" ")[0]) / 1e6;
  } catch {
    return statCpuMs(pid);
  }
}

/** CPU ms of every process whose command name starts with "postgres", by pid. */
export function postgresProcessesCpuMs(): Map<number, number> {
  const out = new Map<number, number>();
  let entries: string[] = [];
  try {
    entries = fs.readdirSync("/proc").filter((e) => /^\d+$/.test(e));
  } catch {
    return out;
  }
  for (const e of entries) {
    try {
      if (!fs.readFileSync(`/proc/${e}/comm`, "utf8").startsWith("postgres")) continue;
      out.set(Number(e), threadCpuMs(Number(e)));
    } catch {}
  }
  return out;
}

/** CPU ms the cluster's processes used since `before` (processes started since count whole; ended ones drop out). */
export function postgresClusterCpuMsSince(before: Map<number, number>): number {
  let sum = 0;
  for (const [pid, ms] of postgresProcessesCpuMs()) sum += ms - (before.get(pid) ?? 0);
  return sum;
}

/**
 * BENCH_STATEMENT_PROFILE=<dir>: each window's statements (calls, rows, exec and plan time, buffers, WAL) are
 * written there as JSON; the bench's databases then also track nested statements (triggers') and planning time.
 */
export const PROFILE_DIR = process.env.BENCH_STATEMENT_PROFILE || undefined;

/** What a window of work cost the database. */
export interface DbCost {
  /** Whole cluster, every process named postgres*: includes other databases' work on a shared cluster. */
  clusterCpuMs: number;
  /** The backends connected to this database (sampled during the window) plus nothing else. */
  backendsCpuMs: number;
  /** pg_stat_statements calls in this database, or null when the extension is not available. */
  statements: number | null;
  /** COMMIT statements in this database (pg_stat_statements), or null without the extension. */
  commits: number | null;
}

/**
 * Watches one database of a PostgreSQL cluster on this machine across a window of work: `start()`, the work,
 * `stop()`. Monitoring queries go through `adminUrl` (another database), so they are not counted.
 */
export class DbMonitor {
  private admin: pg.Client;
  /** Connected to the watched database (pg_stat_statements lives there); its own queries are left out. */
  private stats?: pg.Client;
  private statsPid = 0;
  private extension = false;
  private before = new Map<number, number>();
  private last = new Map<number, number>();
  private timer?: NodeJS.Timeout;
  private dbid = 0;
  private window = "";

  constructor(
    adminUrl: string,
    private readonly databaseUrl: string,
  ) {
    this.admin = new pg.Client({ connectionString: adminUrl });
  }

  private get dbName(): string {
    return decodeURIComponent(new URL(this.databaseUrl).pathname.slice(1));
  }

  /** Connects and creates pg_stat_statements in the watched database when the server preloads it. */
  async open(): Promise<void> {
    await this.admin.connect();
    const db = await this.admin.query("select oid from pg_database where datname = $1", [this.dbName]);
    this.dbid = Number(db.rows[0]?.oid ?? 0);
    const c = new pg.Client({ connectionString: this.databaseUrl });
    await c.connect();
    this.statsPid = Number((await c.query("select pg_backend_pid() as pid")).rows[0].pid);
    this.stats = c;
    try {
      await c.query("create extension if not exists pg_stat_statements");
      await c.query("select count(*) from pg_stat_statements limit 1");
      this.extension = true;
    } catch {
      this.extension = false;
    }
  }

  /** Updates the planner's statistics of the watched database, as autovacuum does after a bulk load. */
  async analyze(): Promise<void> {
    await this.stats!.query("analyze");
  }

  private async backendPids(): Promise<number[]> {
    const r = await this.admin.query("select pid from pg_stat_activity where datid = $1", [this.dbid]);
    return r.rows.map((x: { pid: number }) => Number(x.pid)).filter((pid) => pid !== this.statsPid);
  }

  private async sample(): Promise<void> {
    for (const pid of await this.backendPids()) {
      const ms = threadCpuMs(pid);
      if (ms > 0) this.last.set(pid, ms);
    }
  }

  /** `label` names the window in the statement profile (BENCH_STATEMENT_PROFILE). */
  async start(label = "window"): Promise<void> {
    this.window = label;
    if (this.extension)
      await this.stats!.query("select pg_stat_statements_reset(0, $1::oid, 0)", [this.dbid]).catch(() => {
        this.extension = false;
      });
    this.before = postgresProcessesCpuMs();
    this.last = new Map();
    await this.sample();
    // Backends that end during the window keep the CPU they were last seen with.
    this.timer = setInterval(() => void this.sample().catch(() => {}), 250);
  }

  async stop(): Promise<DbCost> {
    clearInterval(this.timer);
    await this.sample();
    const clusterCpuMs = postgresClusterCpuMsSince(this.before);
    let backendsCpuMs = 0;
    for (const [pid, ms] of this.last) backendsCpuMs += ms - (this.before.get(pid) ?? 0);
    let statements: number | null = null;
    let commits: number | null = null;
    if (this.extension) {
      const r = await this.stats!.query(
        `select coalesce(sum(calls), 0) as n,
                coalesce(sum(calls) filter (where upper(query) like 'COMMIT%' or upper(query) like 'END%'), 0) as c
           from pg_stat_statements
          where dbid = $1 and toplevel and query not like '%pg_stat_statements%'`,
        [this.dbid],
      );
      statements = Number(r.rows[0].n);
      commits = Number(r.rows[0].c);
      if (PROFILE_DIR) await this.writeProfile(PROFILE_DIR);
    }
    return { clusterCpuMs, backendsCpuMs, statements, commits };
  }

  /** Every statement of the window with its pg_stat_statements figures, as one JSON file in `dir`. */
  private async writeProfile(dir: string): Promise<void> {
    const r = await this.stats!.query(
      `select toplevel, calls, rows, round(total_exec_time::numeric, 2) as "execMs",
              round(mean_exec_time::numeric, 4) as "meanExecMs", plans, round(total_plan_time::numeric, 2) as "planMs",
              shared_blks_hit as hit, shared_blks_read as read, shared_blks_dirtied as dirtied,
              shared_blks_written as written, wal_records as "walRecords", wal_bytes as "walBytes",
              left(regexp_replace(query, '\\s+', ' ', 'g'), 400) as query
         from pg_stat_statements
        where dbid = $1 and query not like '%pg_stat_statements%'
        order by total_exec_time + total_plan_time desc`,
      [this.dbid],
    );
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(
      dir,
      `${this.dbName}-${(this.profiles++).toString().padStart(2, "0")}-${this.window}.json`,
    );
    fs.writeFileSync(file, JSON.stringify(r.rows, null, 1));
  }

  private profiles = 0;

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.stats?.end().catch(() => {});
    await this.admin.end().catch(() => {});
  }
}
