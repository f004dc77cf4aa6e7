import { randomUUID } from "node:crypto";
import pg from "pg";
import { type Database, openDatabase } from "../db/client.js";

/** A database of its own for a test that compares whole databases: nothing else may write to it. */
export interface FreshDatabase {
  /** The connection URL on PostgreSQL; undefined for PGlite in memory. */
  url: string | undefined;
  open(): Promise<Database>;
  drop(): Promise<void>;
}

/** With TEST_DATABASE_URL: a new database on that server, dropped afterwards. Else: PGlite in memory. */
export async function createFreshDatabase(): Promise<FreshDatabase> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) return { url: undefined, open: () => openDatabase({}), drop: async () => undefined };
  const name = `duban_fresh_${randomUUID().replace(/-/g, "").slice(0, 12)}`;
  await adminQuery(base, `create database "${name}"`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    open: () => openDatabase({ url: url.toString(), poolSize: 4 }),
    drop: () => adminQuery(base, `drop database if exists "${name}" with (force)`),
  };
}

/** Runs one statement on the server's given database (create and drop cannot run inside the target). */
async function adminQuery(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
