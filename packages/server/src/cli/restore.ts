import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { type Database, type DbOrTx, openDatabase } from "../db/client.js";
import { DataDirBusyError } from "../db/data-dir-lock.js";
import { migrateDatabase, migrationsFolder } from "../db/migrate.js";
import { loadConfig } from "../env.js";
import { DiskFileStore } from "../files/disk-file-store.js";
import type { FileStore } from "../files/file-store.js";
import { openFileStore } from "../files/open-file-store.js";
import { KEY_FILE_NAME } from "../notify/secret-box.js";
import { archiveLines, verifyArchive } from "./archive-reader.js";
import {
  FILE_STORE_TABLES,
  journal,
  type Manifest,
  type MigrationLevel,
  migrationLevel,
  rowsOf,
} from "./backup-format.js";
import { resetSchema } from "./restore-schema.js";
import { CliError } from "./runtime.js";

/** What to restore into. */
export interface RestoreOptions {
  database: Database;
  /** DATA_DIR: files go to `files/` under it, the archive's sealing key to `secret.key`. */
  dataDir: string;
  file: string;
  /** Replace a database that already holds data. */
  force: boolean;
  /** Where the files go; omitted: `files/` under DATA_DIR. */
  files?: FileStore;
  /** The archive's manifest when the caller has already verified it. */
  verified?: Manifest;
}

/** What a restore wrote. */
export interface RestoreSummary {
  rows: number;
  files: number;
  /** What happened to DATA_DIR/secret.key. */
  secretKey: "absent" | "written" | "same" | "replaced";
  replacedKeyFile?: string;
}

/**
 * The migrations folder that stops at the archive's level (a temporary copy when older than the code's), so rows go into exactly the schema they came from and
 * later migrations then transform them as they would have in place. Refuses an archive from a newer version.
 */
export function migrationsUpTo(level: MigrationLevel): string {
  const entries = journal();
  const at = entries.findIndex((e) => e.when === level.createdAt);
  const last = entries[entries.length - 1]!;
  if (level.count > entries.length || level.createdAt > last.when)
    throw new CliError(
      `备份来自更新版本的督办（数据库结构到 ${level.tag}，共 ${level.count} 个迁移），当前程序只到 ${last.tag}（${entries.length} 个）：请先升级督办再恢复，未做任何修改。`,
    );
  if (at < 0 || at + 1 !== level.count)
    throw new CliError(`备份的数据库结构 ${level.tag} 不在当前程序的迁移记录中，无法恢复，未做任何修改。`);
  if (at === entries.length - 1) return migrationsFolder;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "duban-migrations-"));
  fs.mkdirSync(path.join(dir, "meta"));
  const whole = JSON.parse(fs.readFileSync(path.join(migrationsFolder, "meta", "_journal.json"), "utf8"));
  fs.writeFileSync(
    path.join(dir, "meta", "_journal.json"),
    JSON.stringify({ ...whole, entries: entries.slice(0, at + 1) }),
  );
  for (const e of entries.slice(0, at + 1))
    fs.copyFileSync(path.join(migrationsFolder, `${e.tag}.sql`), path.join(dir, `${e.tag}.sql`));
  return dir;
}

/** Tables of the application schema that hold rows, with their counts. */
async function tablesWithRows(db: DbOrTx): Promise<{ name: string; rows: number }[]> {
  const tables = await rowsOf<{ name: string }>(
    db,
    sql`select table_name as name from information_schema.tables
        where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  const found: { name: string; rows: number }[] = [];
  // Stored bytes are not records: files the archive names are put into the store again, kept once each.
  for (const t of tables.filter((t) => !FILE_STORE_TABLES.has(t.name))) {
    const [c] = await rowsOf<{ n: number }>(
      db,
      sql`select count(*)::int as n from ${sql.identifier(t.name)}`,
    );
    if (c!.n > 0) found.push({ name: t.name, rows: c!.n });
  }
  return found;
}

/** Inserts a batch of archived rows; PostgreSQL itself turns each JSON object back into a typed row. */
async function insertRows(tx: DbOrTx, table: Manifest["tables"][number], rows: string[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = sql.join(
    table.columns.map((c) => sql.identifier(c)),
    sql`, `,
  );
  await tx.execute(
    sql`insert into ${sql.identifier(table.name)} (${columns})
        select ${columns} from json_populate_recordset(null::${sql.identifier(table.name)}, ${`[${rows.join(",")}]`}::json)`,
  );
}

/** Moves every serial column's sequence past the restored ids, so new rows do not collide with old ones. */
async function resetSequences(tx: DbOrTx): Promise<void> {
  const serials = await rowsOf<{ table_name: string; column_name: string }>(
    tx,
    sql`select table_name, column_name from information_schema.columns
        where table_schema = 'public' and column_default like 'nextval(%'`,
  );
  for (const s of serials) {
    const table = sql.identifier(s.table_name);
    const column = sql.identifier(s.column_name);
    await tx.execute(
      sql`select setval(pg_get_serial_sequence(${`"${s.table_name}"`}, ${s.column_name}),
          coalesce((select max(${column}) from ${table}), 0) + 1, false)`,
    );
  }
}

/** Tables of the schema with triggers of their own (not the ones behind foreign keys). */
async function tablesWithTriggers(tx: DbOrTx): Promise<string[]> {
  const rows = await rowsOf<{ name: string }>(
    tx,
    sql`select distinct c.relname as name from pg_trigger t join pg_class c on c.oid = t.tgrelid
        where not t.tgisinternal and c.relnamespace = 'public'::regnamespace order by 1`,
  );
  return rows.map((r) => r.name);
}

/** A batch is sent when it reaches this many rows or bytes; a table that references itself goes in one. */
const BATCH_ROWS = 1000;
const BATCH_BYTES = 8 * 1024 * 1024;

/** Second pass over a verified archive: rows in one transaction; returns the key, if any. */
async function loadArchive(options: RestoreOptions, manifest: Manifest) {
  const tables = new Map(manifest.tables.map((t) => [t.name, t]));
  const trees = new Set(
    (
      await rowsOf<{ name: string }>(
        options.database.db,
        sql`select conrelid::regclass::text as name from pg_constraint
            where contype = 'f' and connamespace = 'public'::regnamespace and conrelid = confrelid`,
      )
    ).map((r) => r.name.replace(/"/g, "")),
  );
  let key: Buffer | null = null;
  let rows = 0;
  await options.database.db.transaction(async (tx) => {
    // The archive holds derived rows as they were (sign-in identities kept by a trigger on users): triggers that
    // would derive them again are off while the rows load, and back on before the transaction commits.
    const triggered = await tablesWithTriggers(tx);
    for (const name of triggered)
      await tx.execute(sql`alter table ${sql.identifier(name)} disable trigger user`);
    let table: Manifest["tables"][number] | null = null;
    let batch: string[] = [];
    let bytes = 0;
    const flush = async () => {
      if (table) await insertRows(tx, table, batch);
      rows += batch.length;
      batch = [];
      bytes = 0;
    };
    let first = true;
    for await (const line of archiveLines(options.file)) {
      if (first) {
        first = false;
        continue;
      }
      if (line.startsWith("{")) {
        batch.push(line);
        bytes += line.length;
        // Rows of a tree may name a parent later in the archive: one statement checks them all together.
        if (!trees.has(table!.name) && (batch.length >= BATCH_ROWS || bytes >= BATCH_BYTES)) await flush();
        continue;
      }
      await flush();
      const control = JSON.parse(line) as string[];
      table = control[0] === "table" ? tables.get(control[1]!)! : null;
      if (control[0] === "secret-key") key = Buffer.from(control[1]!, "base64");
    }
    await resetSequences(tx);
    for (const name of triggered)
      await tx.execute(sql`alter table ${sql.identifier(name)} enable trigger user`);
  });
  return { rows, key: key as Buffer | null };
}

/** Third pass: every file line into the store, each checked against its hash as it is written. */
async function putFiles(file: string, store: FileStore): Promise<void> {
  for await (const line of archiveLines(file)) {
    if (!line.startsWith('["file"')) continue;
    const [, sha256, base64] = JSON.parse(line) as string[];
    await store.put(Buffer.from(base64!, "base64"), { sha256: sha256! });
  }
}

/** Puts the archive's sealing key in place, keeping a different existing key beside it. */
function placeKey(
  dataDir: string,
  key: Buffer | null,
): Pick<RestoreSummary, "secretKey" | "replacedKeyFile"> {
  if (!key) return { secretKey: "absent" };
  const file = path.join(dataDir, KEY_FILE_NAME);
  fs.mkdirSync(dataDir, { recursive: true });
  if (fs.existsSync(file)) {
    if (fs.readFileSync(file).equals(key)) return { secretKey: "same" };
    const kept = `${file}.before-restore-${Date.now()}`;
    fs.renameSync(file, kept);
    fs.writeFileSync(file, key, { mode: 0o600 });
    return { secretKey: "replaced", replacedKeyFile: kept };
  }
  fs.writeFileSync(file, key, { mode: 0o600 });
  return { secretKey: "written" };
}

/**
 * Restores an archive: verifies all of it first (a damaged one changes nothing), refuses a newer migration level
 * and a database holding data unless forced, brings the schema to the archive's level, loads every row in
 * dependency order in one transaction (inserts pass the audit log's append-only trigger), resets sequences,
 * writes the files (their hashes were checked), migrates to the current level and places the sealing key.
 */
export async function restoreDatabase(options: RestoreOptions): Promise<RestoreSummary> {
  const manifest = options.verified ?? (await verifyArchive(options.file));
  const folder = migrationsUpTo(manifest.migration);
  const db = options.database.db;
  const filled = await tablesWithRows(db);
  if (filled.length > 0 && !options.force) {
    const list = filled.map((t) => `${t.name} ${t.rows} 行`).join("、");
    throw new CliError(
      `目标数据库不是空的（${list}）。恢复会删除其中全部数据并换成备份的内容；确认要覆盖，请加 --force 重新执行。未做任何修改。`,
    );
  }
  const level = await migrationLevel(db);
  // A schema at another level (or with data to discard) is rebuilt, so rows meet the schema they came from.
  const discarded = filled.length > 0;
  if (discarded || (level && level.createdAt !== manifest.migration.createdAt)) await resetSchema(db);
  try {
    await migrateDatabase(options.database, folder);
  } finally {
    if (folder !== migrationsFolder) fs.rmSync(folder, { recursive: true, force: true });
  }
  let loaded: Awaited<ReturnType<typeof loadArchive>>;
  try {
    loaded = await loadArchive(options, manifest);
  } catch (err) {
    // The driver's wrapper repeats the query with its parameters (whole batches of rows): keep the reason only.
    const reason = ((err as { cause?: Error }).cause ?? (err as Error)).message;
    // The load is one transaction, but the schema was rebuilt before it: with --force the old rows are gone.
    const state = discarded
      ? "本次写入已全部撤销，但目标数据库原有的数据已在恢复前删除（--force），现在是空库"
      : "已全部撤销（数据库中没有写入任何行）";
    throw new CliError(`写入备份的数据时出错，${state}：${reason}。请确认备份文件来自督办 duban backup。`);
  }
  const { rows, key } = loaded;
  await migrateDatabase(options.database);
  // Once the schema is current: a PostgreSQL store's own tables may be newer than the archive's level.
  await putFiles(options.file, options.files ?? new DiskFileStore(path.join(options.dataDir, "files")));
  return { rows, files: manifest.files.length, ...placeKey(options.dataDir, key) };
}

/** `duban restore FILE [--force]`: restores into the configured database and DATA_DIR. */
export async function restoreCommand(options: { file: string | undefined; force: boolean }): Promise<void> {
  if (!options.file) throw new CliError("缺少备份文件名。用法：duban restore FILE [--force]");
  const config = loadConfig();
  // Check the archive before opening (and perhaps creating) anything.
  const verified = await verifyArchive(options.file);
  let database: Database;
  try {
    database = await openDatabase({
      url: config.databaseUrl,
      dataDir: config.dataDir,
      pgliteThread: config.pgliteThread,
      poolSize: 2,
    });
  } catch (err) {
    if (!(err instanceof DataDirBusyError)) throw err;
    throw new CliError(`恢复前请先停止服务。\n${err.message}`);
  }
  const { store } = await openFileStore(config.fileStore, { dataDir: config.dataDir, database });
  try {
    const s = await restoreDatabase({
      database,
      dataDir: config.dataDir,
      files: store,
      file: options.file,
      force: options.force,
      verified,
    });
    console.log(`已从 ${options.file} 恢复：${s.rows} 行，${s.files} 个文件。`);
    if (s.secretKey === "replaced")
      console.log(`已换上备份中的密钥文件 secret.key，原密钥文件保存为 ${s.replacedKeyFile}。`);
    if (s.secretKey === "absent")
      console.log(
        "备份不含密钥文件：已保存的渠道密码需要原密钥（DUBAN_SECRET_KEY 或原 secret.key）才能解密。",
      );
  } finally {
    await store.close();
    await database.close();
  }
}
