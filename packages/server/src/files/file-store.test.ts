import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../db/client.js";
import { migrateDatabase } from "../db/migrate.js";
import { createFreshDatabase } from "../test/fresh-database.js";
import { pgliteTemplate } from "../test/pglite-template.js";
import { DiskFileStore } from "./disk-file-store.js";
import { describeFileStoreContract } from "./file-store.contract.js";
import { FileMissingError } from "./file-store.js";
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

describe("PostgreSQL file store sweep", () => {
  it("removes only the chunks of writes that never finished and are hours old", async () => {
    const fresh = await createFreshDatabase();
    const database = fresh.url
      ? await fresh.open()
      : await openDatabase({ template: await pgliteTemplate() });
    try {
      await migrateDatabase(database);
      const store = new PostgresFileStore(database.db);
      const kept = await store.put(Buffer.from("一份已存好的文件"));
      const [old, recent] = [randomUUID(), randomUUID()];
      await database.db.execute(
        sql`insert into file_blob_chunks (blob_id, idx, data, created_at) values
            (${old}, 0, ${Buffer.from("a")}, now() - interval '7 hours'),
            (${recent}, 0, ${Buffer.from("b")}, now() - interval '1 hour')`,
      );
      // The stored file's chunks are older still, but named by its row: never swept.
      await database.db.execute(
        sql`update file_blob_chunks set created_at = now() - interval '30 days'
            where blob_id = (select blob_id from file_blobs where sha256 = ${kept.sha256})`,
      );
      expect(await store.sweepAbandoned()).toBe(1);
      const left = (await database.db.execute(
        sql`select blob_id::text as id from file_blob_chunks`,
      )) as unknown as {
        rows: { id: string }[];
      };
      expect(left.rows.map((r) => r.id)).not.toContain(old);
      expect(left.rows.map((r) => r.id)).toContain(recent);
      expect((await store.get(kept.sha256)).toString()).toBe("一份已存好的文件");
    } finally {
      await database.close();
      await fresh.drop();
    }
  }, 60_000);
});

describe("disk file store folders", () => {
  it("stores a file again after its fan-out folders, or the whole folder, were removed from under it", async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "duban-store-"));
    try {
      const store = new DiskFileStore(path.join(root, "files"));
      const put = async (text: string) => (await store.put(Buffer.from(text))).sha256;
      const first = await put("第一份");
      fs.rmSync(path.dirname(path.dirname(store.pathOf(first))), { recursive: true });
      // The same fan-out folder as before, known to the store but gone.
      const again = await put("第一份");
      expect(again).toBe(first);
      expect(fs.readFileSync(store.pathOf(first), "utf8")).toBe("第一份");
      fs.rmSync(path.join(root, "files"), { recursive: true });
      const second = await put("第二份");
      expect((await store.get(second)).toString()).toBe("第二份");
      await expect(store.get(first)).rejects.toBeInstanceOf(FileMissingError);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

describe("disk file store temporary files", () => {
  it("leaves no temporary file behind a source that fails before the file is even open", async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "duban-store-"));
    try {
      const store = new DiskFileStore(path.join(root, "files"));
      const refusal = new Error("不支持的文件类型");
      // The sniffer refuses on the first bytes: the source throws at once, while the temporary file's open is
      // still under way. An rm issued then finds nothing, and the open creates the file after it.
      async function* refused(): AsyncGenerator<Buffer> {
        yield* [];
        throw refusal;
      }
      // Many at once, so the pool's threads open and remove in every order.
      for (let round = 0; round < 25; round++) {
        const puts = await Promise.allSettled(Array.from({ length: 20 }, () => store.put(refused())));
        expect(puts.every((p) => p.status === "rejected" && p.reason === refusal)).toBe(true);
        expect(fs.readdirSync(path.join(root, "files")), `after round ${round + 1}`).toEqual([]);
      }
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
