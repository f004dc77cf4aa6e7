import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { Logger } from "drizzle-orm/logger";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import { DatabaseAvailability } from "./availability.js";
import { lockDataDir } from "./data-dir-lock.js";
import { PgliteWorkerClient } from "./pglite-proxy.js";
import { pgliteThreadSchema } from "./pglite-thread.js";
import * as schema from "./schema.js";

/** The Drizzle database, whichever driver is underneath. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

/** A transaction or the database itself: repositories accept either. */
export type DbOrTx = Db | Parameters<Parameters<Db["transaction"]>[0]>[0];

/** Which engine serves the data. */
export type DatabaseKind = "pglite" | "postgres";

/** An open database with its kind and a way to close it. */
export interface Database {
  db: Db;
  kind: DatabaseKind;
  /** The connection URL when the engine is a PostgreSQL server. */
  url?: string;
  /** Whether the database can be reached right now (always true for the embedded PGlite). */
  availability: DatabaseAvailability;
  /** PGlite only: a tar dump of the data directory (what `template` loads). */
  dumpDataDir?(): Promise<Blob>;
  close(): Promise<void>;
}

/** Where PGlite runs: in a worker thread (the default) or on the event loop's own thread. */
export type PgliteThread = "main" | "worker";

/** Where and how to open the database. */
export interface OpenDatabaseOptions {
  /** postgres:// URL; when absent PGlite is used. */
  url?: string | undefined;
  /** PGlite data directory; `undefined` with no url means in memory. */
  dataDir?: string | undefined;
  poolSize?: number;
  /** PostgreSQL only: how long opening a connection may take, and how long a request waits for a pooled one. */
  timeouts?: PoolTimeouts;
  /** PGlite in memory only: starts from this dump of a data directory (`dumpDataDir`) instead of an empty one. */
  template?: Blob | undefined;
  /** Sees every statement before it runs (the test harness checks tenant scoping with it). */
  logger?: Logger;
  /** PGlite only: where it runs; unset means PGLITE_THREAD, else a worker thread. */
  pgliteThread?: PgliteThread | undefined;
}

/** Opens PostgreSQL over node-postgres when a URL is given, else the embedded PGlite. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.url)
    return openPostgres(
      options.url,
      options.poolSize ?? 10,
      options.logger,
      options.timeouts ?? POOL_TIMEOUTS,
    );
  let dir: string | undefined;
  if (options.dataDir) {
    dir = path.join(options.dataDir, "pglite");
    fs.mkdirSync(dir, { recursive: true });
  }
  const unlock = dir ? lockDataDir(dir) : () => undefined;
  try {
    const thread = options.pgliteThread ?? pgliteThreadSchema.parse(process.env.PGLITE_THREAD);
    const client =
      thread === "worker"
        ? await openPgliteWorker(dir, options.template)
        : await openPgliteHere(dir, options.template);
    const db = drizzlePglite(client as PGlite, {
      schema,
      ...(options.logger ? { logger: options.logger } : {}),
    }) as unknown as Db;
    return {
      db,
      kind: "pglite",
      // In process: there is no connection to lose.
      availability: new DatabaseAvailability(null),
      dumpDataDir: () => client.dumpDataDir("none"),
      close: async () => {
        try {
          await client.close();
        } finally {
          unlock();
        }
      },
    };
  } catch (err) {
    unlock();
    throw err;
  }
}

/** PGlite on this thread: every statement's CPU is spent on the event loop. */
async function openPgliteHere(dir: string | undefined, template: Blob | undefined): Promise<PGlite> {
  const client = dir ? new PGlite(dir) : new PGlite(template ? { loadDataDir: template } : {});
  await client.waitReady;
  return client;
}

/** PGlite in a worker thread, behind a client with the methods Drizzle's driver calls. */
async function openPgliteWorker(
  dir: string | undefined,
  template: Blob | undefined,
): Promise<PgliteWorkerClient> {
  if (dir) return PgliteWorkerClient.start({ dataDir: dir });
  return PgliteWorkerClient.start(template ? { loadDataDir: await template.arrayBuffer() } : {});
}

/** How long connecting may take and how long a request waits in the pool's queue for a connection. */
export interface PoolTimeouts {
  connectMs: number;
  queueMs: number;
}

/**
 * A new connection not made within 5 s means the database cannot be reached (503, the scheduler pauses). Waiting
 * for one of the pool's connections is another thing: every connection is busy serving other requests, as at a
 * deadline-day surge, and the request waits its turn instead of being told the database is unavailable.
 */
const POOL_TIMEOUTS: PoolTimeouts = { connectMs: 5000, queueMs: 60_000 };

/** How long a pooled connection may sit idle before it is closed. */
const IDLE_CONNECTION_MS = 5 * 60_000;

/**
 * Opens a node-postgres pool that survives the server going away: a dropped connection marks the database
 * unavailable instead of raising an unhandled `error` event (which would end the process), and the pool
 * reconnects on its own once the server is back.
 */
async function openPostgres(
  url: string,
  max: number,
  logger: Logger | undefined,
  timeouts: PoolTimeouts,
): Promise<Database> {
  // The pool applies its `connectionTimeoutMillis` to a wait in its queue; each connection gets the shorter one.
  class ConnectingClient extends pg.Client {
    constructor(config?: pg.ClientConfig) {
      super({ ...config, connectionTimeoutMillis: timeouts.connectMs });
    }
  }
  const pool = new pg.Pool({
    connectionString: url,
    max,
    Client: ConnectingClient,
    connectionTimeoutMillis: timeouts.queueMs,
    // Notices a vanished peer (a host down, a firewall dropping the session) instead of waiting for ever.
    keepAlive: true,
    // A connection idle between bursts is kept for minutes, not node-postgres's 10 s: a new one costs its
    // backend's start, its catalog caches and the planning of every prepared statement again.
    idleTimeoutMillis: IDLE_CONNECTION_MS,
  });
  const availability = new DatabaseAvailability(() => pool.query("select 1"));
  // An idle connection closed by the server (a restart: 57P01 "terminating connection due to administrator
  // command"); the pool has already discarded it.
  pool.on("error", (err) => availability.noteFailure(err));
  pool.on("connect", (client) => {
    availability.noteSuccess();
    // A connection checked out of the pool (inside a transaction) has no pool listener: without this one its
    // `error` event would be unhandled. The failed query rejects on its own; the pool drops the client on release.
    client.on("error", (err) => availability.noteFailure(err));
  });
  // Fail at start, with the server's own message, rather than on the first request.
  try {
    await pool.query("select 1");
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw err;
  }
  const db = drizzleNodePg(pool, { schema, ...(logger ? { logger } : {}) }) as unknown as Db;
  return {
    db,
    kind: "postgres",
    url,
    availability,
    close: async () => {
      availability.close();
      await pool.end();
    },
  };
}
