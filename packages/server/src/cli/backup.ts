import { createHash } from "node:crypto";
import { once } from "node:events";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { sql } from "drizzle-orm";
import { type Database, type DbOrTx, openDatabase } from "../db/client.js";
import { DataDirBusyError } from "../db/data-dir-lock.js";
import { loadConfig } from "../env.js";
import { DiskFileStore } from "../files/disk-file-store.js";
import { FileMissingError, type FileStore } from "../files/file-store.js";
import { openFileStore } from "../files/open-file-store.js";
import { KEY_FILE_NAME } from "../notify/secret-box.js";
import {
  ARCHIVE_FORMAT,
  ARCHIVE_VERSION,
  type Manifest,
  migrationLevel,
  oneLine,
  rowsOf,
  type TableInfo,
  tablesInOrder,
} from "./backup-format.js";
import { CliError } from "./runtime.js";

/** What to back up and where. */
export interface BackupOptions {
  database: Database;
  /** DATA_DIR: the sealing key is `secret.key` under it. */
  dataDir: string;
  /** Where the files are; omitted: `files/` under DATA_DIR. */
  files?: FileStore;
  file: string;
  /** Put DATA_DIR/secret.key into the archive (when it exists), so sealed channel secrets stay readable. */
  includeSecretKey: boolean;
}

/** What a backup wrote. */
export interface BackupSummary {
  tables: number;
  rows: number;
  files: number;
  secretKey: boolean;
}

/** A gzip'd line writer that hashes every byte it writes, for the archive's end line. */
function archiveWriter(file: string) {
  const out = fs.createWriteStream(file, { mode: 0o600 });
  const gzip = zlib.createGzip();
  gzip.pipe(out);
  const hash = createHash("sha256");
  const failed = new Promise<never>((_, reject) => {
    gzip.once("error", reject);
    out.once("error", reject);
  });
  failed.catch(() => undefined);
  return {
    async line(text: string): Promise<void> {
      const bytes = `${text}\n`;
      hash.update(bytes);
      // Respect backpressure: a large database must not pile up in memory ahead of the disk.
      if (!gzip.write(bytes)) await Promise.race([once(gzip, "drain"), failed]);
    },
    async end(): Promise<void> {
      gzip.end(`${JSON.stringify(["end", hash.digest("hex")])}\n`);
      await Promise.race([once(out, "close"), failed]);
    },
    destroy(): void {
      gzip.destroy();
      out.destroy();
    },
  };
}

type Writer = ReturnType<typeof archiveWriter>;

/** Streams one table's rows as PostgreSQL renders them, through a cursor so no table is held in memory. */
async function exportRows(tx: DbOrTx, table: TableInfo, writer: Writer): Promise<number> {
  await tx.execute(
    sql`declare backup_rows no scroll cursor for select row_to_json(t)::text as j from ${sql.identifier(table.name)} t`,
  );
  let written = 0;
  for (;;) {
    const rows = await rowsOf<{ j: string }>(tx, sql`fetch 1000 from backup_rows`);
    if (rows.length === 0) break;
    for (const r of rows) await writer.line(oneLine(r.j));
    written += rows.length;
  }
  await tx.execute(sql`close backup_rows`);
  return written;
}

/**
 * Writes the whole database and the files its `files` table names into one archive. The rows come from a single
 * REPEATABLE READ snapshot, and the file list from that same snapshot, so a server writing meanwhile on PostgreSQL
 * can never make the archive reference a file it lacks (stored bytes are written before their row and never
 * deleted). The archive appears under its name only once complete.
 */
export async function backupDatabase(options: BackupOptions): Promise<BackupSummary> {
  const partial = `${options.file}.${process.pid}.partial`;
  const writer = archiveWriter(partial);
  try {
    const keyFile = path.join(options.dataDir, KEY_FILE_NAME);
    const key = options.includeSecretKey && fs.existsSync(keyFile) ? fs.readFileSync(keyFile) : null;
    const { manifest, rows } = await options.database.db.transaction(
      async (tx) => {
        const level = await migrationLevel(tx);
        if (!level)
          throw new CliError(
            "数据库尚未初始化（没有迁移记录），没有可备份的内容。请检查 DATABASE_URL 或 DATA_DIR。",
          );
        const tables = await tablesInOrder(tx);
        const manifest: Manifest = {
          format: ARCHIVE_FORMAT,
          version: ARCHIVE_VERSION,
          createdAt: new Date().toISOString(),
          database: options.database.kind,
          migration: level,
          tables: [],
          files: await rowsOf(
            tx,
            sql`select sha256, max(size)::int as size from files group by sha256 order by sha256`,
          ),
          secretKey: key !== null,
        };
        for (const t of tables) {
          const [count] = await rowsOf<{ n: number }>(
            tx,
            sql`select count(*)::int as n from ${sql.identifier(t.name)}`,
          );
          manifest.tables.push({ name: t.name, columns: t.columns, rows: count!.n });
        }
        await writer.line(JSON.stringify(manifest));
        let rows = 0;
        for (const [i, t] of tables.entries()) {
          await writer.line(JSON.stringify(["table", t.name]));
          const written = await exportRows(tx, t, writer);
          // The snapshot cannot change under us; a difference would be a bug, never a partial archive.
          if (written !== manifest.tables[i]!.rows)
            throw new Error(`${t.name}: counted rows differ from exported`);
          rows += written;
        }
        return { manifest, rows };
      },
      { isolationLevel: "repeatable read", accessMode: "read only" },
    );
    await writeFiles(
      options.files ?? new DiskFileStore(path.join(options.dataDir, "files")),
      manifest.files,
      writer,
    );
    if (key) await writer.line(JSON.stringify(["secret-key", key.toString("base64")]));
    await writer.end();
    fs.renameSync(partial, options.file);
    return { tables: manifest.tables.length, rows, files: manifest.files.length, secretKey: key !== null };
  } catch (err) {
    writer.destroy();
    fs.rmSync(partial, { force: true });
    throw err;
  }
}

/** Appends every listed file's bytes, checking each against its hash so a damaged store is caught now. */
async function writeFiles(store: FileStore, files: Manifest["files"], writer: Writer): Promise<void> {
  for (const f of files) {
    let bytes: Buffer;
    try {
      bytes = await store.get(f.sha256);
    } catch (err) {
      if (!(err instanceof FileMissingError)) throw err;
      throw new CliError(
        `文件 ${f.sha256} 在数据库中有记录，但文件存储 ${store.location} 中找不到。请检查 DATA_DIR 或 FILE_STORE 是否正确。`,
      );
    }
    if (createHash("sha256").update(bytes).digest("hex") !== f.sha256)
      throw new CliError(
        `文件存储 ${store.location} 中的文件 ${f.sha256} 内容与其 sha256 不符（已损坏），备份未完成。`,
      );
    await writer.line(JSON.stringify(["file", f.sha256, bytes.toString("base64")]));
  }
}

/** `duban backup FILE`: opens the configured database and writes the archive. */
export async function backupCommand(options: { file: string | undefined; withoutSecretKey: boolean }) {
  if (!options.file) throw new CliError("缺少备份文件名。用法：duban backup FILE");
  const config = loadConfig();
  if (!config.databaseUrl && !fs.existsSync(path.join(config.dataDir, "pglite")))
    throw new CliError(`数据目录 ${config.dataDir} 下没有内置数据库。请检查 DATA_DIR。`);
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
    throw new CliError(
      `内置数据库运行时只能由服务进程打开，备份需要短暂停机：请停止服务，执行 duban backup，再启动服务（PostgreSQL 部署可在服务运行时备份）。\n${err.message}`,
    );
  }
  // The same store the server opens, chosen by the same rule.
  const { store } = await openFileStore(config.fileStore, { dataDir: config.dataDir, database });
  try {
    const s = await backupDatabase({
      database,
      dataDir: config.dataDir,
      files: store,
      file: options.file,
      includeSecretKey: !options.withoutSecretKey,
    });
    console.log(
      `已备份到 ${options.file}：${s.tables} 个表共 ${s.rows} 行，${s.files} 个文件，` +
        (s.secretKey ? "含密钥文件 secret.key（请像保管密码一样保管此备份）。" : "不含密钥文件 secret.key。"),
    );
    if (config.secretKey) console.log("注意：密钥来自环境变量 DUBAN_SECRET_KEY，不在备份中，请另行保管。");
  } finally {
    await store.close();
    await database.close();
  }
}
