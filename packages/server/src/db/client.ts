import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { Logger } from "drizzle-orm/logger";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import { lockDataDir } from "./data-dir-lock.js";
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
  close(): Promise<void>;
}

/** Where and how to open the database. */
export interface OpenDatabaseOptions {
  /** postgres:// URL; when absent PGlite is used. */
  url?: string | undefined;
  /** PGlite data directory; `undefined` with no url means in memory. */
  dataDir?: string | undefined;
  poolSize?: number;
  /** Sees every statement before it runs (the test harness checks tenant scoping with it). */
  logger?: Logger;
}

/** Opens PostgreSQL over node-postgres when a URL is given, else the embedded PGlite. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.url) {
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
    // Fail at start, with the server's own message, rather than on the first request.
    await pool.query("select 1");
    const db = drizzleNodePg(pool, {
      schema,
      ...(options.logger ? { logger: options.logger } : {}),
    }) as unknown as Db;
    return { db, kind: "postgres", url: options.url, close: () => pool.end() };
  }
  let dir: string | undefined;
  if (options.dataDir) {
    dir = path.join(options.dataDir, "pglite");
    fs.mkdirSync(dir, { recursive: true });
  }
  const unlock = dir ? lockDataDir(dir) : () => undefined;
  const client = dir ? new PGlite(dir) : new PGlite();
  await client.waitReady;
  const db = drizzlePglite(client, {
    schema,
    ...(options.logger ? { logger: options.logger } : {}),
  }) as unknown as Db;
  return {
    db,
    kind: "pglite",
    close: async () => {
      await client.close();
      unlock();
    },
  };
}
