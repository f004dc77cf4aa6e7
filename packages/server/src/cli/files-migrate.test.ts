import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../db/client.js";
import { openDatabase } from "../db/client.js";
import { migrateDatabase } from "../db/migrate.js";
import { files } from "../db/schema.js";
import { DiskFileStore } from "../files/disk-file-store.js";
import { FileHashMismatchError, type FileStore } from "../files/file-store.js";
import { PostgresFileStore } from "../files/postgres-file-store.js";
import { buildTenant } from "../test/factories.js";
import { createFreshDatabase, type FreshDatabase } from "../test/fresh-database.js";
import { pgliteTemplate } from "../test/pglite-template.js";
import { migrateFiles } from "./files-migrate.js";
import { CliError } from "./runtime.js";

const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

// Each test has a database of its own: the migration copies every file the whole database references.
let fresh: FreshDatabase;
let database: Database;
let root: string;
beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "duban-migrate-"));
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
beforeEach(async () => {
  fresh = await createFreshDatabase();
  database = fresh.url ? await fresh.open() : await openDatabase({ template: await pgliteTemplate() });
  await migrateDatabase(database);
}, 60_000);
afterEach(async () => {
  await database?.close();
  await fresh?.drop();
});

/** A disk store holding `count` new files, each named by a `files` row of a new tenant (one of them twice). */
async function sourceWith(count: number) {
  const tenant = await buildTenant(database.db);
  const store = new DiskFileStore(fs.mkdtempSync(path.join(root, "src-")));
  const contents = Array.from({ length: count }, (_, i) => randomBytes(1000 + i * 300_000));
  for (const bytes of contents) {
    const stored = await store.put(bytes);
    await database.db.insert(files).values({
      tenantId: tenant.id,
      sha256: stored.sha256,
      size: stored.size,
      mime: "image/png",
      filename: "a.png",
    });
  }
  // The same bytes uploaded twice are one file to copy.
  await database.db.insert(files).values({
    tenantId: tenant.id,
    sha256: sha(contents[0]!),
    size: 1000,
    mime: "image/png",
    filename: "b.png",
  });
  return { store, contents };
}

/** A target that fails on its `failAt`-th write, as a migration cut off part-way. */
function failingOn(target: FileStore, failAt: number): FileStore {
  let writes = 0;
  return Object.assign(Object.create(target) as FileStore, {
    put: (...args: Parameters<FileStore["put"]>) => {
      if (++writes === failAt) return Promise.reject(new Error("连接中断"));
      return target.put(...args);
    },
  });
}

describe("duban files migrate", () => {
  it("copies every referenced file into PostgreSQL, then resumes an interrupted run without copying twice", async () => {
    const { store, contents } = await sourceWith(3);
    const target = new PostgresFileStore(database.db);
    const lines: string[] = [];
    const log = (l: string) => lines.push(l);
    await expect(migrateFiles({ database, from: store, to: failingOn(target, 2), log })).rejects.toThrow(
      "连接中断",
    );
    const resumed = await migrateFiles({ database, from: store, to: target, log });
    expect(resumed).toMatchObject({ total: 3, copied: 2, present: 1 });
    for (const bytes of contents) expect((await target.get(sha(bytes))).equals(bytes)).toBe(true);
    expect(await migrateFiles({ database, from: store, to: target, log })).toMatchObject({
      copied: 0,
      present: 3,
    });
    expect(lines).toContain("目标中已有 3 个文件且校验通过，跳过");
    expect(lines.some((l) => /^\[2\/2\] [0-9a-f]{12}… /.test(l))).toBe(true);
  }, 60_000);

  it("refuses, copying nothing, when the source lacks a referenced file, and names it", async () => {
    const { store, contents } = await sourceWith(2);
    fs.rmSync(store.pathOf(sha(contents[1]!)));
    const target = new DiskFileStore(path.join(root, "target-missing"));
    const err = await migrateFiles({ database, from: store, to: target, log: () => undefined }).catch(
      (e) => e,
    );
    expect(err).toBeInstanceOf(CliError);
    expect(err.message).toContain(`缺少 1 个数据库引用的文件（${sha(contents[1]!)}）`);
    expect(fs.existsSync(path.join(root, "target-missing"))).toBe(false);
  }, 60_000);

  it("refuses a source file whose bytes no longer match their hash, keeping nothing of it", async () => {
    const { store, contents } = await sourceWith(1);
    const damaged = sha(contents[0]!);
    fs.writeFileSync(store.pathOf(damaged), "not the photo");
    const target = new PostgresFileStore(database.db);
    await expect(
      migrateFiles({ database, from: store, to: target, log: () => undefined }),
    ).rejects.toBeInstanceOf(FileHashMismatchError);
    expect(await target.has(damaged)).toBe(false);
  }, 60_000);
});
