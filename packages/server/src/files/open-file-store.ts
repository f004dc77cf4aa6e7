import path from "node:path";
import type { Database } from "../db/client.js";
import type { FileStoreSetting } from "../file-store-env.js";
import { DiskFileStore, diskStoreHoldsFiles } from "./disk-file-store.js";
import type { FileStore } from "./file-store.js";
import { PostgresFileStore } from "./postgres-file-store.js";

/** An open store and why it was chosen, for the start-up log. */
export interface ChosenFileStore {
  store: FileStore;
  reason: string;
}

/**
 * Opens the configured file store. Unset (`auto`), files go to PostgreSQL when the database is PostgreSQL, so
 * several app servers share them, and to `DATA_DIR/files` on the embedded database. A PostgreSQL deployment whose
 * `DATA_DIR/files` already holds files keeps using the disk, so an upgrade never loses sight of them; moving them is
 * `duban files migrate --to postgres` followed by `FILE_STORE=postgres`.
 */
export async function openFileStore(
  setting: FileStoreSetting,
  options: { dataDir: string; database: Database },
): Promise<ChosenFileStore> {
  const root = path.join(options.dataDir, "files");
  switch (setting.kind) {
    case "disk":
      return { store: new DiskFileStore(root), reason: "FILE_STORE=disk" };
    case "postgres":
      return { store: new PostgresFileStore(options.database.db), reason: "FILE_STORE=postgres" };
    case "s3": {
      // The SDK is loaded only by installations that use it.
      const { S3FileStore } = await import("./s3-file-store.js");
      return { store: new S3FileStore(setting.s3), reason: "FILE_STORE=s3://…" };
    }
    case "auto":
      if (options.database.kind !== "postgres")
        return { store: new DiskFileStore(root), reason: "未设置 FILE_STORE，内置数据库：文件存本机磁盘" };
      if (diskStoreHoldsFiles(root))
        return {
          store: new DiskFileStore(root),
          reason:
            `未设置 FILE_STORE，但 ${root} 中已有文件：继续存本机磁盘。多台服务器共用时，请执行 ` +
            "duban files migrate --to postgres（或 s3://…）后设置 FILE_STORE",
        };
      return {
        store: new PostgresFileStore(options.database.db),
        reason: "未设置 FILE_STORE，使用 PostgreSQL：文件存入数据库，多台服务器共用",
      };
  }
}
