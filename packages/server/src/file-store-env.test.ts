import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Database } from "./db/client.js";
import { loadConfig } from "./env.js";
import { parseFileStoreTarget } from "./file-store-env.js";
import { DiskFileStore } from "./files/disk-file-store.js";
import { openFileStore } from "./files/open-file-store.js";

const PG = "postgres://u@db/duban";

describe("FILE_STORE", () => {
  it("is auto when unset, and names disk, postgres or an S3 bucket with its prefix and settings", () => {
    expect(loadConfig({}).fileStore).toEqual({ kind: "auto" });
    expect(loadConfig({ FILE_STORE: "disk" }).fileStore).toEqual({ kind: "disk" });
    expect(loadConfig({ FILE_STORE: "postgres", DATABASE_URL: PG }).fileStore).toEqual({ kind: "postgres" });
    expect(
      loadConfig({
        FILE_STORE: "s3://duban-files/prod/files",
        S3_ENDPOINT: "http://127.0.0.1:9000",
        S3_ACCESS_KEY_ID: "id",
        S3_SECRET_ACCESS_KEY: "secret",
        S3_FORCE_PATH_STYLE: "1",
      }).fileStore,
    ).toEqual({
      kind: "s3",
      s3: {
        bucket: "duban-files",
        prefix: "prod/files/",
        endpoint: "http://127.0.0.1:9000",
        region: "us-east-1",
        credentials: { accessKeyId: "id", secretAccessKey: "secret" },
        forcePathStyle: true,
      },
    });
    expect(loadConfig({ FILE_STORE: "s3://duban-files", S3_REGION: "cn-north-1" }).fileStore).toMatchObject({
      s3: {
        bucket: "duban-files",
        prefix: "",
        region: "cn-north-1",
        credentials: undefined,
        forcePathStyle: false,
      },
    });
  });

  it("refuses each bad value with a Chinese message naming the variable and what to write", () => {
    const refusals: [NodeJS.ProcessEnv, string][] = [
      [
        { FILE_STORE: "nfs" },
        "FILE_STORE: “nfs”无效；可选 disk（本机磁盘）、postgres（存入数据库）或 s3://存储桶/前缀（对象存储）",
      ],
      [
        { FILE_STORE: "postgres" },
        "FILE_STORE: postgres 表示把文件存入 PostgreSQL，需要同时设置 DATABASE_URL",
      ],
      [{ FILE_STORE: "s3://" }, "FILE_STORE: “”不是有效的存储桶名"],
      [{ FILE_STORE: "s3://Duban_Files" }, "FILE_STORE: “Duban_Files”不是有效的存储桶名"],
      [
        { FILE_STORE: "s3://duban", S3_ENDPOINT: "minio:9000" },
        "S3_ENDPOINT: “minio:9000”应是对象存储服务的地址",
      ],
      [
        { FILE_STORE: "s3://duban", S3_ACCESS_KEY_ID: "id" },
        "S3_ACCESS_KEY_ID、S3_SECRET_ACCESS_KEY: 两者须同时设置",
      ],
      [{ FILE_STORE: "s3://duban", S3_FORCE_PATH_STYLE: "yes" }, "S3_FORCE_PATH_STYLE: 须为 1 或 0"],
      [{ S3_ENDPOINT: "http://minio:9000" }, "S3_ENDPOINT: 只在 FILE_STORE=s3://存储桶/前缀 时使用"],
    ];
    for (const [env, message] of refusals) expect(() => loadConfig(env), message).toThrow(message);
  });

  it("names the target of duban files migrate the same way", () => {
    expect(parseFileStoreTarget("disk", {})).toEqual({ kind: "disk" });
    expect(parseFileStoreTarget("postgres", { DATABASE_URL: PG })).toEqual({ kind: "postgres" });
    expect(parseFileStoreTarget("s3://b-1/x", { S3_ENDPOINT: "http://h:9000" })).toMatchObject({
      kind: "s3",
      s3: { bucket: "b-1", prefix: "x/", endpoint: "http://h:9000" },
    });
    expect(() => parseFileStoreTarget("postgres", {})).toThrow("--to postgres 需要设置 DATABASE_URL");
    expect(() => parseFileStoreTarget("ftp://x", {})).toThrow("--to “ftp://x”无效");
  });
});

describe("the file store a server opens when FILE_STORE is unset", () => {
  const database = (kind: Database["kind"]) => ({ kind, db: {} }) as unknown as Database;
  const dataDir = () => fs.mkdtempSync(path.join(os.tmpdir(), "duban-auto-"));

  it("is DATA_DIR/files on the embedded database", async () => {
    const dir = dataDir();
    const chosen = await openFileStore({ kind: "auto" }, { dataDir: dir, database: database("pglite") });
    expect(chosen.store).toBeInstanceOf(DiskFileStore);
    expect(chosen.store.location).toBe(path.join(dir, "files"));
  });

  it("is PostgreSQL on PostgreSQL, so several servers share the files", async () => {
    const chosen = await openFileStore(
      { kind: "auto" },
      { dataDir: dataDir(), database: database("postgres") },
    );
    expect(chosen.store.kind).toBe("postgres");
    expect(chosen.reason).toBe("未设置 FILE_STORE，使用 PostgreSQL：文件存入数据库，多台服务器共用");
  });

  it("stays on the disk, saying why and how to move, when DATA_DIR/files already holds files", async () => {
    const dir = dataDir();
    await new DiskFileStore(path.join(dir, "files")).put(Buffer.from("已有的佐证材料"));
    const chosen = await openFileStore({ kind: "auto" }, { dataDir: dir, database: database("postgres") });
    expect(chosen.store).toBeInstanceOf(DiskFileStore);
    expect(chosen.reason).toBe(
      `未设置 FILE_STORE，但 ${path.join(dir, "files")} 中已有文件：继续存本机磁盘。多台服务器共用时，请执行 ` +
        "duban files migrate --to postgres（或 s3://…）后设置 FILE_STORE",
    );
  });

  it("is what FILE_STORE names when it is set, whatever the database", async () => {
    const dir = dataDir();
    await new DiskFileStore(path.join(dir, "files")).put(Buffer.from("x"));
    expect(
      (await openFileStore({ kind: "postgres" }, { dataDir: dir, database: database("postgres") })).store
        .kind,
    ).toBe("postgres");
    expect(
      (await openFileStore({ kind: "disk" }, { dataDir: dir, database: database("postgres") })).store.kind,
    ).toBe("disk");
  });
});
