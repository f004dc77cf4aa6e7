import fs from "node:fs";
import path from "node:path";
import { type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../db/client.js";
import { migrationsFolder } from "../db/migrate.js";

/**
 * A backup archive is one gzip'd stream of JSON lines: a manifest line, then per table a `["table", name]` line
 * followed by its rows (one `row_to_json` object per line, written and read back by PostgreSQL itself, so every
 * type round-trips exactly), then `["file", sha256, base64]` lines, an optional `["secret-key", base64]` line, and
 * `["end", sha256 of every byte before this line]`. A missing or wrong end line means truncated or altered.
 */
export const ARCHIVE_FORMAT = "duban-backup";

/** Version of the archive layout above. */
export const ARCHIVE_VERSION = 1;

/** How far the schema has been migrated: the number of applied migrations and the last one's tag and time. */
export interface MigrationLevel {
  count: number;
  tag: string;
  createdAt: number;
}

/** One exported table: its columns in order and how many rows the archive holds. */
export interface TableManifest {
  name: string;
  columns: string[];
  rows: number;
}

/** The archive's first line. */
export interface Manifest {
  format: typeof ARCHIVE_FORMAT;
  version: number;
  createdAt: string;
  database: string;
  migration: MigrationLevel;
  tables: TableManifest[];
  files: { sha256: string; size: number }[];
  secretKey: boolean;
}

/** A journal entry of the committed migrations. */
interface JournalEntry {
  idx: number;
  tag: string;
  when: number;
}

/** The committed migrations in order, from drizzle's journal. */
export function journal(folder = migrationsFolder): JournalEntry[] {
  const text = fs.readFileSync(path.join(folder, "meta", "_journal.json"), "utf8");
  return (JSON.parse(text) as { entries: JournalEntry[] }).entries;
}

/** Rows of a raw query, whichever driver runs it. */
export async function rowsOf<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

/** The database's migration level, or null when it has never been migrated. */
export async function migrationLevel(db: DbOrTx): Promise<MigrationLevel | null> {
  const [exists] = await rowsOf<{ t: string | null }>(
    db,
    sql`select to_regclass('drizzle.__drizzle_migrations')::text as t`,
  );
  if (!exists?.t) return null;
  const [row] = await rowsOf<{ count: number; last: string | null }>(
    db,
    sql`select count(*)::int as count, max(created_at)::text as last from drizzle.__drizzle_migrations`,
  );
  if (!row || row.count === 0 || row.last === null) return null;
  const createdAt = Number(row.last);
  const entry = journal().find((e) => e.when === createdAt);
  return { count: row.count, tag: entry?.tag ?? "unknown", createdAt };
}

/** A table of the application schema: its columns and whether it references itself (a tree). */
export interface TableInfo {
  name: string;
  columns: string[];
  selfReferencing: boolean;
}

/**
 * Tables of the PostgreSQL file store: storage, not records. An archive carries the files the `files` table names
 * as file lines whatever the store, and a restore puts them into the store it is configured with.
 */
export const FILE_STORE_TABLES: ReadonlySet<string> = new Set(["file_blobs", "file_blob_chunks"]);

/** Every table of the application schema, parents before the tables whose foreign keys point at them. */
export async function tablesInOrder(db: DbOrTx): Promise<TableInfo[]> {
  const columns = await rowsOf<{ table_name: string; column_name: string }>(
    db,
    sql`select c.table_name, c.column_name from information_schema.columns c
        join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
        where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
        order by c.table_name, c.ordinal_position`,
  );
  const keys = await rowsOf<{ child: string; parent: string }>(
    db,
    sql`select conrelid::regclass::text as child, confrelid::regclass::text as parent
        from pg_constraint where contype = 'f' and connamespace = 'public'::regnamespace`,
  );
  const byName = new Map<string, TableInfo>();
  for (const c of columns) {
    if (FILE_STORE_TABLES.has(c.table_name)) continue;
    const t = byName.get(c.table_name) ?? { name: c.table_name, columns: [], selfReferencing: false };
    t.columns.push(c.column_name);
    byName.set(c.table_name, t);
  }
  const parents = new Map<string, Set<string>>([...byName.keys()].map((n) => [n, new Set<string>()]));
  for (const k of keys) {
    const child = k.child.replace(/"/g, "");
    const parent = k.parent.replace(/"/g, "");
    if (child === parent) byName.get(child)!.selfReferencing = true;
    else parents.get(child)?.add(parent);
  }
  const ordered: TableInfo[] = [];
  const done = new Set<string>();
  while (done.size < byName.size) {
    // Names sorted so two backups of the same schema list tables in the same order.
    const ready = [...byName.keys()]
      .sort()
      .filter((n) => !done.has(n) && [...parents.get(n)!].every((p) => done.has(p)));
    if (ready.length === 0) throw new Error("外键关系成环，无法确定导出顺序");
    for (const n of ready) {
      done.add(n);
      ordered.push(byName.get(n)!);
    }
  }
  return ordered;
}

/** A JSON text on one line: raw line breaks in JSON are only ever whitespace, so a space keeps the meaning. */
export function oneLine(json: string): string {
  return json.replace(/[\r\n]/g, " ");
}
