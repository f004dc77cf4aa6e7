import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../app.js";
import type { Database } from "../db/client.js";
import { migrateDatabase } from "../db/migrate.js";
import { dumpTables, hashFiles, rewriteArchive } from "../test/archive-tools.js";
import { createFreshDatabase, type FreshDatabase } from "../test/fresh-database.js";
import { buildPublishedPlan } from "../test/plan-fixtures.js";
import type { TestSession } from "../test/session.js";
import { type TestApp, TestClock, testConfig } from "../test/test-app.js";
import { uploadFile } from "../test/upload.js";
import { backupDatabase } from "./backup.js";
import { journal, migrationLevel, rowsOf } from "./backup-format.js";
import { migrationsUpTo, restoreDatabase } from "./restore.js";

/** A tiny but real PNG, as in the report tests. */
const png = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082",
  "hex",
);

const work = fs.mkdtempSync(path.join(os.tmpdir(), "duban-backup-test-"));
const fresh: FreshDatabase[] = [];
let source: { fresh: FreshDatabase; t: TestApp };
let archive: string;
/** A school reporter of the source, uploading while a backup runs. */
let uploader: TestSession;
/** One target every refusal is tried against: each refusal must leave it as untouched as it was. */
let pristine: { database: Database; dataDir: string };

/** A target to restore into: its own database and an empty DATA_DIR. */
async function target(): Promise<{ database: Database; dataDir: string }> {
  const f = await createFreshDatabase();
  fresh.push(f);
  return { database: await f.open(), dataDir: fs.mkdtempSync(path.join(work, "target-")) };
}

/** A bureau with a published plan, an approved report with an evidence file, a draft with the same file, audit rows. */
async function buildData(t: TestApp) {
  const p = await buildPublishedPlan(t);
  const res = await p.lead.post(`/api/nodes/${p.task9.id}/assignments`, {
    unitIds: [p.kindergarten.id, p.secondKindergarten.id],
    role: "executor",
  });
  expect(res.statusCode, res.body).toBe(201);
  const cycle = (await p.supervisor.post(`/api/plans/${p.planId}/cycles`, {})).json();
  const list = (await p.lead.get(`/api/nodes/${p.task9.id}/assignments`)).json().items as {
    id: string;
    unit: { id: string };
  }[];
  for (const [session, unitId, submit] of [
    [p.kg1, p.kindergarten.id, true],
    [p.kg2, p.secondKindergarten.id, false],
  ] as const) {
    const file = await uploadFile(session, "/api/files", {
      name: "现场照片.png",
      type: "image/png",
      content: png,
    });
    expect(file.statusCode, file.body).toBe(201);
    const assignment = list.find((a) => a.unit.id === unitId)!;
    const report = await session.post(`/api/assignments/${assignment.id}/reports`, {
      cycleId: cycle.id,
      progress: 40,
      doneText: "新增学位 120 个\n完成分园装修",
      fileIds: [file.json().id],
      submit,
    });
    expect(report.statusCode, report.body).toBe(201);
    if (submit) {
      uploader = session;
      const review = await p.lead.post(`/api/reports/${report.json().id}/review`, {
        decision: "approve",
        version: report.json().version,
      });
      expect(review.statusCode, review.body).toBe(200);
    }
  }
}

beforeAll(async () => {
  const f = await createFreshDatabase();
  fresh.push(f);
  const database = await f.open();
  await migrateDatabase(database);
  const defaults = testConfig();
  // The live-backup test uploads for as long as the backup runs, which on a busy machine is more files than the
  // unit's 60 per 10 minutes: the quota is not what it tests.
  const config = { ...defaults, uploadQuota: { ...defaults.uploadQuota, files: 100_000 } };
  const app = await buildApp({ database, config, clock: new TestClock(), webRoot: null });
  await app.ready();
  const t: TestApp = { app, database, config, clock: new TestClock(), close: () => app.close() };
  source = { fresh: f, t };
  await buildData(t);
  // The sealing key exists once a channel secret was sealed; write one as that would.
  fs.writeFileSync(path.join(config.dataDir, "secret.key"), "c2VjcmV0LWtleS1mb3ItdGhlLWJhY2t1cC10ZXN0IQ==\n");
  archive = path.join(work, "duban.backup");
  await backupDatabase({ database, dataDir: config.dataDir, file: archive, includeSecretKey: true });
  pristine = await target();
}, 120_000);

afterAll(async () => {
  await pristine?.database.close();
  await source?.t.close();
  await source?.t.database.close();
  for (const f of fresh) await f.drop();
  if (source) fs.rmSync(source.t.config.dataDir, { recursive: true, force: true });
  fs.rmSync(work, { recursive: true, force: true });
});

/** Whether a target was left exactly as it was: no schema, no files, no key. */
async function expectUntouched(to: { database: Database; dataDir: string }) {
  expect(await migrationLevel(to.database.db)).toBeNull();
  const tables = await rowsOf(to.database.db, sql`select 1 from pg_tables where schemaname = 'public'`);
  expect(tables).toEqual([]);
  expect(fs.readdirSync(to.dataDir)).toEqual([]);
}

describe("duban backup and restore", { timeout: 90_000 }, () => {
  it("restores every table's rows, every file and the key into a fresh database", async () => {
    const before = await dumpTables(source.t.database.db);
    expect(before.reports).toHaveLength(2);
    expect(before.report_files).toHaveLength(2);
    expect(before.audit_logs!.length).toBeGreaterThan(0);
    const to = await target();
    const summary = await restoreDatabase({ ...to, file: archive, force: false });
    expect(summary).toEqual({
      rows: Object.values(before).reduce((n, rows) => n + rows.length, 0),
      files: 1,
      secretKey: "written",
    });
    expect(await dumpTables(to.database.db)).toEqual(before);
    const sourceFiles = hashFiles(path.join(source.t.config.dataDir, "files"));
    expect(Object.keys(sourceFiles)).toHaveLength(1);
    expect(hashFiles(path.join(to.dataDir, "files"))).toEqual(sourceFiles);
    expect(fs.readFileSync(path.join(to.dataDir, "secret.key"), "utf8")).toBe(
      fs.readFileSync(path.join(source.t.config.dataDir, "secret.key"), "utf8"),
    );
    expect(await migrationLevel(to.database.db)).toEqual(await migrationLevel(source.t.database.db));
    // Sequences continue after the restored ids: the next audit row does not collide.
    const [max] = await rowsOf<{ id: number }>(
      to.database.db,
      sql`select max(id)::int as id from audit_logs`,
    );
    const [next] = await rowsOf<{ id: number }>(
      to.database.db,
      sql`insert into audit_logs (action, entity) values ('test', 'test') returning id::int as id`,
    );
    expect(next!.id).toBe(max!.id + 1);
    await to.database.close();
  });

  it("refuses a truncated archive and changes nothing", async () => {
    const cut = path.join(work, "cut.backup");
    const bytes = fs.readFileSync(archive);
    fs.writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const to = pristine;
    await expect(restoreDatabase({ ...to, file: cut, force: false })).rejects.toThrow(
      `备份文件 ${cut} 不完整或已损坏（unexpected end of file），未做任何修改。请改用一个完整的备份文件。`,
    );
    await expectUntouched(to);
  });

  it("refuses an archive cut at a line boundary (no end line) and changes nothing", async () => {
    const cut = path.join(work, "cut-lines.backup");
    let keep = true;
    await rewriteArchive(
      archive,
      cut,
      (line) => {
        if (line.startsWith('["file"')) keep = false;
        return keep ? line : null;
      },
      { keepDigest: true },
    );
    const to = pristine;
    await expect(restoreDatabase({ ...to, file: cut, force: false })).rejects.toThrow(
      `备份文件 ${cut} 不完整或已损坏（缺少结束标记，文件可能被截断），未做任何修改。请改用一个完整的备份文件。`,
    );
    await expectUntouched(to);
  });

  it("refuses an archive whose rows were altered and changes nothing", async () => {
    const altered = path.join(work, "altered.backup");
    await rewriteArchive(archive, altered, (line) => line.replace("新增学位 120 个", "新增学位 999 个"), {
      keepDigest: true,
    });
    const to = pristine;
    await expect(restoreDatabase({ ...to, file: altered, force: false })).rejects.toThrow(
      `备份文件 ${altered} 不完整或已损坏（校验值不符），未做任何修改。请改用一个完整的备份文件。`,
    );
    await expectUntouched(to);
  });

  it("refuses an archive whose file bytes do not match their hash", async () => {
    const swapped = path.join(work, "swapped.backup");
    await rewriteArchive(archive, swapped, (line) => {
      if (!line.startsWith('["file"')) return line;
      const [, sha] = JSON.parse(line) as string[];
      return JSON.stringify(["file", sha, Buffer.from("其他内容").toString("base64")]);
    });
    const sha = hashFiles(path.join(source.t.config.dataDir, "files"));
    const to = pristine;
    await expect(restoreDatabase({ ...to, file: swapped, force: false })).rejects.toThrow(
      `备份文件 ${swapped} 不完整或已损坏（文件 ${Object.values(sha)[0]} 的内容与 sha256 不符），未做任何修改。请改用一个完整的备份文件。`,
    );
    await expectUntouched(to);
  });

  it("refuses an archive from a newer migration level and changes nothing", async () => {
    const newer = path.join(work, "newer.backup");
    await rewriteArchive(archive, newer, (line, i) => {
      if (i !== 0) return line;
      const manifest = JSON.parse(line);
      manifest.migration = {
        count: manifest.migration.count + 1,
        tag: "29990101000000_future",
        createdAt: 32_503_680_000_000,
      };
      return JSON.stringify(manifest);
    });
    const entries = journal();
    const to = pristine;
    await expect(restoreDatabase({ ...to, file: newer, force: false })).rejects.toThrow(
      `备份来自更新版本的督办（数据库结构到 29990101000000_future，共 ${entries.length + 1} 个迁移），当前程序只到 ${entries.at(-1)!.tag}（${entries.length} 个）：请先升级督办再恢复，未做任何修改。`,
    );
    await expectUntouched(to);
  });

  it("rolls the whole load back when a row cannot be written, leaving no rows", async () => {
    const broken = path.join(work, "broken.backup");
    let section = "";
    await rewriteArchive(archive, broken, (line) => {
      if (line.startsWith('["table"')) section = JSON.parse(line)[1];
      // A report's file link naming a file that does not exist: valid JSON, refused by the foreign key.
      if (section !== "report_files" || !line.startsWith("{")) return line;
      return line.replace(/"file_id":"[^"]+"/, '"file_id":"00000000-0000-4000-8000-000000000000"');
    });
    const to = pristine;
    await expect(restoreDatabase({ ...to, file: broken, force: false })).rejects.toThrow(
      /^写入备份的数据时出错，已全部撤销（数据库中没有写入任何行）：.*report_files.*。请确认备份文件来自督办 duban backup。$/,
    );
    const [rows] = await rowsOf<{ n: number }>(to.database.db, sql`select count(*)::int as n from tenants`);
    expect(rows!.n).toBe(0);
    expect(await rowsOf(to.database.db, sql`select 1 from audit_logs`)).toEqual([]);
    expect(fs.existsSync(path.join(to.dataDir, "files"))).toBe(false);
    expect(fs.existsSync(path.join(to.dataDir, "secret.key"))).toBe(false);
  });

  it("refuses a database holding data without --force, and replaces it with --force", async () => {
    const to = await target();
    await migrateDatabase(to.database);
    await to.database.db.execute(sql`insert into tenants (code, name) values ('other', '另一个教育局')`);
    await expect(restoreDatabase({ ...to, file: archive, force: false })).rejects.toThrow(
      "目标数据库不是空的（tenants 1 行）。恢复会删除其中全部数据并换成备份的内容；确认要覆盖，请加 --force 重新执行。未做任何修改。",
    );
    expect(await rowsOf(to.database.db, sql`select code from tenants`)).toEqual([{ code: "other" }]);
    fs.writeFileSync(path.join(to.dataDir, "secret.key"), "b3RoZXIta2V5\n");
    const summary = await restoreDatabase({ ...to, file: archive, force: true });
    expect(summary.secretKey).toBe("replaced");
    expect(fs.readFileSync(summary.replacedKeyFile!, "utf8")).toBe("b3RoZXIta2V5\n");
    expect(await dumpTables(to.database.db)).toEqual(await dumpTables(source.t.database.db));
    await to.database.close();
  });

  it("says plainly that --force deleted the old data when the load then fails", async () => {
    const broken = path.join(work, "broken-forced.backup");
    let section = "";
    await rewriteArchive(archive, broken, (line) => {
      if (line.startsWith('["table"')) section = JSON.parse(line)[1];
      if (section !== "report_files" || !line.startsWith("{")) return line;
      return line.replace(/"file_id":"[^"]+"/, '"file_id":"00000000-0000-4000-8000-000000000000"');
    });
    const to = await target();
    await migrateDatabase(to.database);
    await to.database.db.execute(sql`insert into tenants (code, name) values ('other', '另一个教育局')`);
    await expect(restoreDatabase({ ...to, file: broken, force: true })).rejects.toThrow(
      /^写入备份的数据时出错，本次写入已全部撤销，但目标数据库原有的数据已在恢复前删除（--force），现在是空库：.*report_files.*。/,
    );
    expect(await rowsOf(to.database.db, sql`select code from tenants`)).toEqual([]);
    await to.database.close();
  });

  it("restores an archive from an older migration level and migrates it to the current one", async () => {
    const entries = journal();
    const previous = entries.at(-2)!;
    const older = await target();
    const folder = migrationsUpTo({ count: entries.length - 1, tag: previous.tag, createdAt: previous.when });
    await migrateDatabase(older.database, folder);
    fs.rmSync(folder, { recursive: true });
    await older.database.db.execute(sql`insert into tenants (code, name) values ('old', '旧版本教育局')`);
    const file = path.join(work, "older.backup");
    await backupDatabase({ ...older, file, includeSecretKey: true });
    await older.database.close();
    const to = await target();
    expect(await restoreDatabase({ ...to, file, force: false })).toEqual({
      rows: 1,
      files: 0,
      secretKey: "absent",
    });
    expect(await migrationLevel(to.database.db)).toEqual({
      count: entries.length,
      tag: entries.at(-1)!.tag,
      createdAt: entries.at(-1)!.when,
    });
    expect(await rowsOf(to.database.db, sql`select code, name from tenants`)).toEqual([
      { code: "old", name: "旧版本教育局" },
    ]);
    await to.database.close();
  });

  it("backs up a consistent snapshot while files are uploaded: every restored file row has its bytes", async () => {
    const file = path.join(work, "live.backup");
    let done = false;
    let uploaded = 0;
    const uploads = (async () => {
      for (let i = 0; !done || uploaded === 0; i++) {
        const content = Buffer.concat([png, Buffer.from(`live-${i}`)]);
        const res = await uploadFile(uploader, "/api/files", {
          name: `照片${i}.png`,
          type: "image/png",
          content,
        });
        expect(res.statusCode, res.body).toBe(201);
        uploaded++;
      }
    })();
    await backupDatabase({
      database: source.t.database,
      dataDir: source.t.config.dataDir,
      file,
      includeSecretKey: false,
    });
    done = true;
    await uploads;
    const to = await target();
    await restoreDatabase({ ...to, file, force: false });
    const stored = new Set(Object.values(hashFiles(path.join(to.dataDir, "files"))));
    const rows = await rowsOf<{ sha256: string }>(to.database.db, sql`select sha256 from files`);
    expect(rows.filter((r) => !stored.has(r.sha256))).toEqual([]);
    expect(stored.size).toBe(new Set(rows.map((r) => r.sha256)).size);
    await to.database.close();
  });
});
