import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Database } from "../db/client.js";
import { loadConfig } from "../env.js";
import { describeFileStoreSetting, parseFileStoreTarget } from "../file-store-env.js";
import type { FileStore } from "../files/file-store.js";
import { openFileStore } from "../files/open-file-store.js";
import { rowsOf } from "./backup-format.js";
import { CliError, withDatabase } from "./runtime.js";

/** What a migration did. */
export interface FilesMigrationSummary {
  /** Distinct files the database references. */
  total: number;
  copied: number;
  copiedBytes: number;
  /** Already in the target with the right bytes (an earlier, interrupted run). */
  present: number;
}

/** Megabytes for a progress line. */
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Whether the store holds the hash's bytes and they hash to it (read through, a chunk at a time). */
async function holdsVerified(store: FileStore, sha256: string): Promise<boolean> {
  if (!(await store.has(sha256))) return false;
  const hash = createHash("sha256");
  for await (const chunk of (await store.open(sha256)).stream) hash.update(chunk as Uint8Array);
  return hash.digest("hex") === sha256;
}

/**
 * Copies every file the database references from one store to another, each streamed and checked against its
 * hash as the target writes it (a mismatch is refused and nothing of it kept). Resumable: a file the target already
 * holds with the right bytes is skipped. A file missing from both stores stops the migration before anything is
 * copied, naming it.
 */
export async function migrateFiles(options: {
  database: Database;
  from: FileStore;
  to: FileStore;
  log: (line: string) => void;
}): Promise<FilesMigrationSummary> {
  const { from, to, log } = options;
  const files = await rowsOf<{ sha256: string; size: number }>(
    options.database.db,
    sql`select sha256, max(size)::bigint::float8 as size from files group by sha256 order by sha256`,
  );
  log(`数据库引用 ${files.length} 个文件：从 ${from.location} 复制到 ${to.location}`);
  const pending: typeof files = [];
  const missing: string[] = [];
  let present = 0;
  for (const f of files) {
    if (await holdsVerified(to, f.sha256)) present++;
    else if (await from.has(f.sha256)) pending.push(f);
    else missing.push(f.sha256);
  }
  if (missing.length > 0)
    throw new CliError(
      `源文件存储 ${from.location} 中缺少 ${missing.length} 个数据库引用的文件（${missing.slice(0, 5).join("、")}${missing.length > 5 ? " 等" : ""}），未复制任何文件。` +
        "请确认 DATA_DIR / FILE_STORE 指向原来的文件存储，或先从备份恢复这些文件。",
    );
  if (present > 0) log(`目标中已有 ${present} 个文件且校验通过，跳过`);
  let copiedBytes = 0;
  for (const [i, f] of pending.entries()) {
    const { stream } = await from.open(f.sha256);
    // The target hashes what it writes and refuses bytes that are not the file's.
    const stored = await to.put(stream, { sha256: f.sha256 }).finally(() => stream.destroy());
    // Read back from the target: a store that kept an older, damaged copy under the hash is caught here.
    if (!(await holdsVerified(to, f.sha256)))
      throw new CliError(
        `目标存储 ${to.location} 中的文件 ${f.sha256} 读回后校验不符（原有副本已损坏？），请删除该对象后重新执行`,
      );
    copiedBytes += stored.size;
    log(`[${i + 1}/${pending.length}] ${f.sha256.slice(0, 12)}… ${mb(stored.size)}`);
  }
  return { total: files.length, copied: pending.length, copiedBytes, present };
}

/** `duban files migrate --to TARGET`: from the configured store (FILE_STORE, or the default) to TARGET. */
export async function filesMigrateCommand(options: { to: string | undefined }): Promise<void> {
  if (!options.to)
    throw new CliError("缺少 --to。用法：duban files migrate --to <disk|postgres|s3://存储桶/前缀>");
  const config = loadConfig();
  let target: ReturnType<typeof parseFileStoreTarget>;
  try {
    target = parseFileStoreTarget(options.to, process.env);
  } catch (err) {
    throw new CliError((err as Error).message);
  }
  await withDatabase(async (database) => {
    const source = await openFileStore(config.fileStore, { dataDir: config.dataDir, database });
    const destination = await openFileStore(target, { dataDir: config.dataDir, database });
    try {
      if (source.store.location === destination.store.location)
        throw new CliError(`当前文件存储已是 ${source.store.location}，无需迁移（${source.reason}）`);
      const started = Date.now();
      const s = await migrateFiles({
        database,
        from: source.store,
        to: destination.store,
        log: (line) => console.log(line),
      });
      console.log(
        `完成：共 ${s.total} 个文件，复制 ${s.copied} 个（${mb(s.copiedBytes)}），目标中已有 ${s.present} 个，` +
          `用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒。\n` +
          `下一步：设置 FILE_STORE=${describeFileStoreSetting(target)} 并重启所有服务进程；` +
          "切换前有新上传时，再执行一次本命令（只复制新增的文件）。原存储中的文件未删除。",
      );
    } finally {
      await source.store.close();
      await destination.store.close();
    }
  });
}
