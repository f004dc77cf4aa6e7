import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { openDatabase } from "../db/client.js";
import { migrateDatabase } from "../db/migrate.js";
import { createFreshDatabase } from "../test/fresh-database.js";
import { pgliteTemplate } from "../test/pglite-template.js";
import { DiskFileStore } from "./disk-file-store.js";
import { describeFileStoreContract } from "./file-store.contract.js";
import { PostgresFileStore } from "./postgres-file-store.js";

describeFileStoreContract("disk", async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "duban-store-"));
  return {
    store: new DiskFileStore(path.join(root, "files")),
    contents: async () => {
      const dir = path.join(root, "files");
      if (!fs.existsSync(dir)) return [];
      return fs
        .readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
        .sort();
    },
    cleanup: async () => fs.rmSync(root, { recursive: true, force: true }),
  };
});

// A database of its own (PGlite in memory without TEST_DATABASE_URL), so its contents are this file's alone.
describeFileStoreContract("PostgreSQL", async () => {
  const fresh = await createFreshDatabase();
  // PGlite starts from the migrated template rather than running every migration.
  const database = fresh.url ? await fresh.open() : await openDatabase({ template: await pgliteTemplate() });
  await migrateDatabase(database);
  const rows = async (query: ReturnType<typeof sql>) =>
    ((await database.db.execute(query)) as unknown as { rows: { name: string }[] }).rows.map((r) => r.name);
  return {
    store: new PostgresFileStore(database.db),
    contents: async () =>
      [
        ...(await rows(
          sql`select 'blob ' || sha256 || ' ' || size || ' ' || chunks as name from file_blobs`,
        )),
        ...(await rows(
          sql`select 'chunk ' || coalesce(b.sha256, 'orphan ' || c.blob_id::text) || ' ' || c.idx as name
              from file_blob_chunks c left join file_blobs b on b.blob_id = c.blob_id`,
        )),
      ].sort(),
    cleanup: async () => {
      await database.close();
      await fresh.drop();
    },
  };
});
