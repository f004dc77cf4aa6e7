import { randomBytes } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.js";
import { loadConfig } from "../../env.js";
import { buildTenant, buildUnit, buildUser, TEST_PASSWORD } from "../../test/factories.js";
import { signIn } from "../../test/session.js";
import { createTestApp, TEST_NOW, type TestApp } from "../../test/test-app.js";
import { filesOnDisk, png, uploadFile } from "../../test/upload.js";

const MB = 1024 * 1024;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());
// Each test starts on the same morning, whatever the one before did to the clock.
afterEach(() => t.clock.set(TEST_NOW));

/** The quotas an operator who sets nothing gets: 60 files per 10 minutes, 500 MB a day. */
const defaults = loadConfig({}).uploadQuota;

/** Sets the running app's quotas: the app reads its configuration object on every upload. */
function useQuota(quota: typeof defaults) {
  t.config.uploadQuota = quota;
}

/** Quotas small enough to reach in a few uploads. */
const small = { files: 4, windowMs: 10 * 60_000, dailyBytes: MB };

/** A tenant with two schools: two users of the first, one of the second, and two unit-less supervisors. */
async function bureau(app: TestApp) {
  const db = app.database.db as Db;
  const tenant = await buildTenant(db);
  const [school, otherSchool] = await Promise.all([buildUnit(db, tenant.id), buildUnit(db, tenant.id)]);
  const users = await Promise.all([
    buildUser(db, { tenantId: tenant.id, role: "school", unitId: school.id }),
    buildUser(db, { tenantId: tenant.id, role: "school", unitId: school.id }),
    buildUser(db, { tenantId: tenant.id, role: "school", unitId: otherSchool.id }),
    buildUser(db, { tenantId: tenant.id, role: "supervisor" }),
    buildUser(db, { tenantId: tenant.id, role: "supervisor" }),
  ]);
  const [a, b, other, supervisor, supervisor2] = await Promise.all(
    users.map((u) => signIn(app.app, u.login, TEST_PASSWORD)),
  );
  return { a: a!, b: b!, other: other!, supervisor: supervisor!, supervisor2: supervisor2! };
}

/** A PNG of about `bytes` bytes: the type is sniffed from the head, the rest is padding. */
function pngOf(bytes: number): Buffer {
  return Buffer.concat([png, Buffer.alloc(bytes - png.length)]);
}

/** Uploads a PNG as the session. */
function upload(session: Parameters<typeof uploadFile>[0], content: Buffer = png) {
  return uploadFile(session, "/api/files", { name: "照片.png", type: "image/png", content });
}

describe("upload rate quota", () => {
  it("answers the 61st upload of a unit within 10 minutes with 429, other units unaffected, and lets it through once the window moves", async () => {
    useQuota(defaults);
    const s = await bureau(t);
    const clock = t.clock;
    for (let i = 0; i < 60; i++) {
      // Two users of one school share the school's quota.
      const res = await upload(i % 2 === 0 ? s.a : s.b);
      expect(res.statusCode, res.body).toBe(201);
    }
    const refused = await upload(s.b);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers["retry-after"]).toBe("600");
    expect(refused.json()).toEqual({
      error: {
        code: "upload_rate_limited",
        message: "上传过于频繁：本单位在 10 分钟内最多上传 60 个文件，请 10 分钟后再试",
        details: { limit: 60, windowMinutes: 10, retryAfterSeconds: 600 },
      },
    });
    expect((await upload(s.other)).statusCode).toBe(201);
    clock.advance(10 * 60_000 - 1);
    const stillRefused = await upload(s.a);
    expect(stillRefused.statusCode).toBe(429);
    expect(stillRefused.json().error.details.retryAfterSeconds).toBe(1);
    expect(stillRefused.headers["retry-after"]).toBe("1");
    // Ten minutes after the first 60 uploads they have left the window.
    clock.advance(1);
    expect((await upload(s.a)).statusCode).toBe(201);
  });

  it("counts a bureau user without a unit alone", async () => {
    useQuota(small);
    const s = await bureau(t);
    for (let i = 0; i < 4; i++) expect((await upload(s.supervisor)).statusCode).toBe(201);
    const refused = await upload(s.supervisor);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe("upload_rate_limited");
    expect(refused.json().error.message).toBe(
      "上传过于频繁：您在 10 分钟内最多上传 4 个文件，请 10 分钟后再试",
    );
    expect((await upload(s.supervisor2)).statusCode).toBe(201);
  });

  it("lets exactly the quota through when uploads of one unit arrive at once", async () => {
    useQuota(small);
    const s = await bureau(t);
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => upload(i % 2 ? s.a : s.b)));
    const statuses = results.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([201, 201, 201, 201, 429, 429, 429, 429]);
  });
});

describe("daily stored-size quota", () => {
  it("answers 413 when a file would take the unit past its bytes of the day, and lets it through the next day", async () => {
    // A minute before a Shanghai midnight, with sessions opened on that clock.
    useQuota(small);
    const clock = t.clock;
    clock.set(new Date("2023-06-15T23:59:00+08:00"));
    const s = await bureau(t);
    const file = pngOf(0.4 * MB);
    expect((await upload(s.a, file)).statusCode).toBe(201);
    expect((await upload(s.b, file)).statusCode).toBe(201);
    const refused = await upload(s.a, file);
    expect(refused.statusCode).toBe(413);
    expect(refused.json()).toEqual({
      error: {
        code: "upload_quota_exceeded",
        message:
          "今日上传已达上限：本单位每天最多上传 1.0 MB，今天已上传 0.8 MB，此文件 0.4 MB 放不下。请压缩文件后再传，或明天再传",
        details: { dailyBytes: MB, usedBytes: 2 * file.length, fileBytes: file.length },
      },
    });
    // A smaller file still fits, and another school has its own quota.
    expect((await upload(s.a, pngOf(0.1 * MB))).statusCode).toBe(201);
    expect((await upload(s.other, file)).statusCode).toBe(201);
    clock.advance(60_000);
    expect((await upload(s.a, file)).statusCode).toBe(201);
  });
});

describe("an owner whose quota is used up", () => {
  it("is refused before the file is streamed: nothing of a new file reaches the store", async () => {
    useQuota({ ...small, dailyBytes: 0.5 * MB });
    const s = await bureau(t);
    for (let i = 0; i < 4; i++) expect((await upload(s.a, pngOf(1000 + i))).statusCode).toBe(201);
    const before = filesOnDisk(t.config.dataDir);
    const rateRefused = await upload(s.b, Buffer.concat([png, randomBytes(64 * 1024)]));
    expect(rateRefused.statusCode).toBe(429);
    expect(filesOnDisk(t.config.dataDir)).toEqual(before);
    // The day's bytes used up by another school: its next file is refused unread too.
    expect((await upload(s.other, pngOf(0.5 * MB))).statusCode).toBe(201);
    const other = filesOnDisk(t.config.dataDir);
    const bytesRefused = await upload(s.other, Buffer.concat([png, randomBytes(1024)]));
    expect(bytesRefused.statusCode).toBe(413);
    expect(bytesRefused.json().error.details).toEqual({
      dailyBytes: 0.5 * MB,
      usedBytes: 0.5 * MB,
      fileBytes: 0,
    });
    expect(filesOnDisk(t.config.dataDir)).toEqual(other);
  });
});

describe("upload quota configuration", () => {
  it("defaults to 60 files per 10 minutes and 500 MB a day, and reads the environment", () => {
    expect(loadConfig({}).uploadQuota).toEqual({ files: 60, windowMs: 600_000, dailyBytes: 500 * MB });
    expect(
      loadConfig({ UPLOAD_RATE_LIMIT: "20", UPLOAD_RATE_WINDOW_MINUTES: "5", UPLOAD_DAILY_MB: "100" })
        .uploadQuota,
    ).toEqual({ files: 20, windowMs: 300_000, dailyBytes: 100 * MB });
    expect(() => loadConfig({ UPLOAD_RATE_LIMIT: "0" })).toThrow(/UPLOAD_RATE_LIMIT/);
  });
});
