import { and, eq, inArray } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.js";
import { auditLogs, files, notifications, reports } from "../../db/schema.js";
import { assignTask9AndOpenCycle, buildPublishedPlan } from "../../test/plan-fixtures.js";
import { armFault, disarmFault } from "../../test/rollback-faults.js";
import type { TestSession } from "../../test/session.js";
import { createTestApp, TEST_NOW, type TestApp } from "../../test/test-app.js";
import { filesOnDisk, multipartForm, png, uploadFile, uploadPhoto } from "../../test/upload.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());
afterEach(() => {
  disarmFault();
  t.clock.set(TEST_NOW);
  t.config.uploadQuota = quota;
});
let quota: TestApp["config"]["uploadQuota"];
beforeAll(() => {
  quota = { ...t.config.uploadQuota };
});

type Photo = { field?: string; name: string; type?: string; content: Buffer };

/** A PNG of its own bytes: the store keeps identical bytes once, so each test's photos are new files. */
function photo(name: string): Photo {
  const tail = Buffer.from(`${name}${Math.random()}`);
  return { name, type: "image/png", content: Buffer.concat([png, tail]) };
}

/** Posts the form: its fields first (objects as JSON), then the files. */
function postForm(
  s: TestSession,
  assignmentId: string,
  fields: Record<string, unknown>,
  photos: Photo[] = [],
) {
  const { body, contentType } = multipartForm(fields, photos);
  return s.request("POST", `/api/assignments/${assignmentId}/reports/with-files`, body, {
    "content-type": contentType,
  });
}

/** The tenant's file rows and the bytes on disk: what a refused request must leave as it found them. */
async function stored(tenantId: string) {
  const db = t.database.db as Db;
  const rows = await db.select({ id: files.id }).from(files).where(eq(files.tenantId, tenantId));
  return { rows: rows.map((r) => r.id).sort(), disk: filesOnDisk(t.config.dataDir) };
}

async function reportsOf(assignmentId: string) {
  const db = t.database.db as Db;
  return db.select().from(reports).where(eq(reports.assignmentId, assignmentId));
}

describe("POST /api/assignments/:id/reports/with-files: the report and its new files in one request", () => {
  it("submits the report with two new photos beside a file uploaded before, as the JSON save would answer it", async () => {
    const p = await buildPublishedPlan(t);
    const { assignment, cycle, indicatorId } = await assignTask9AndOpenCycle(p);
    const earlier = await uploadFile(p.kg1, "/api/files", photo("名册.png"));
    expect(earlier.statusCode, earlier.body).toBe(201);
    const report = {
      cycleId: cycle.id,
      progress: 60,
      doneText: "新增学位120个",
      values: [{ indicatorId, value: 60 }],
      fileIds: [earlier.json().id],
      submit: true,
    };
    const res = await postForm(p.kg1, assignment.id, { report }, [photo("现场一.png"), photo("现场二.png")]);
    expect(res.statusCode, res.body).toBe(201);
    const saved = res.json();
    expect(saved).toMatchObject({
      status: "submitted",
      progress: 60,
      values: [{ indicatorId, value: 60 }],
      history: [{ action: "submit" }],
    });
    expect(saved.files.map((f: { filename: string }) => f.filename)).toEqual([
      "名册.png",
      "现场一.png",
      "现场二.png",
    ]);
    expect(saved).toEqual((await p.kg1.get(`/api/reports/${saved.id}`)).json());
    // The new files are the school's, recorded and audited like any upload, and the lead department reads them.
    const db = t.database.db as Db;
    const fresh = saved.files.slice(1) as { id: string }[];
    for (const f of fresh) {
      const [row] = await db.select().from(files).where(eq(files.id, f.id));
      expect(row).toMatchObject({ unitId: p.kindergarten.id, mime: "image/png" });
      expect((await p.lead.get(`/api/files/${f.id}`)).statusCode).toBe(200);
    }
    const audited = await db
      .select({ action: auditLogs.action })
      .from(auditLogs)
      .where(
        and(eq(auditLogs.tenantId, p.tenant.id), inArray(auditLogs.action, ["file.upload", "report.submit"])),
      );
    expect(audited.map((a) => a.action).sort()).toEqual([
      "file.upload",
      "file.upload",
      "file.upload",
      "report.submit",
    ]);
    const told = await db
      .select({ kind: notifications.kind })
      .from(notifications)
      .where(and(eq(notifications.tenantId, p.tenant.id), eq(notifications.entityId, saved.id)));
    expect(told.map((n) => n.kind)).toContain("report.submitted");
  });

  it("saves a draft without files, then updates it at its version with one", async () => {
    const p = await buildPublishedPlan(t);
    const { assignment, cycle } = await assignTask9AndOpenCycle(p);
    const draft = await postForm(p.kg1, assignment.id, { report: { cycleId: cycle.id, progress: 20 } });
    expect(draft.statusCode, draft.body).toBe(201);
    expect(draft.json()).toMatchObject({ status: "draft", progress: 20, files: [] });
    const stale = await postForm(
      p.kg1,
      assignment.id,
      { report: { cycleId: cycle.id, progress: 30, version: draft.json().version + 1 } },
      [photo("过期.png")],
    );
    expect(stale.statusCode).toBe(409);
    const updated = await postForm(
      p.kg1,
      assignment.id,
      { report: { cycleId: cycle.id, progress: 30, version: draft.json().version, submit: true } },
      [photo("补充.png")],
    );
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject({
      status: "submitted",
      progress: 30,
      files: [{ filename: "补充.png" }],
    });
  });
});

describe("a refused form stores nothing and writes no report", () => {
  it("refuses on the report's content before any file is stored: 409, 404, 403, 400", async () => {
    const p = await buildPublishedPlan(t);
    const { assignment, cycle, second } = await assignTask9AndOpenCycle(p);
    const ok = { cycleId: cycle.id, progress: 50, submit: true };
    const submitted = await postForm(p.kg1, assignment.id, { report: ok });
    expect(submitted.statusCode, submitted.body).toBe(201);
    const before = await stored(p.tenant.id);
    const cases: [TestSession, string, Record<string, unknown>, number, string][] = [
      // Already submitted and waiting for review.
      [p.kg1, assignment.id, { report: ok }, 409, "conflict"],
      // Another school's assignment, as if it did not exist.
      [p.kg1, second.id, { report: ok }, 404, "not_found"],
      // Bureau staff see the assignment but never write its report.
      [p.lead, second.id, { report: ok }, 403, "forbidden"],
      [p.kg2, second.id, { report: { ...ok, progress: 120 } }, 400, "validation_failed"],
      [p.kg2, second.id, { report: { ...ok, cycleId: "nope" } }, 400, "validation_failed"],
      [p.kg2, second.id, { report: "{进度" }, 400, "bad_request"],
      [p.kg2, second.id, { note: "x", report: ok }, 400, "bad_request"],
    ];
    for (const [who, id, fields, status, code] of cases) {
      const res = await postForm(who, id, fields, [photo("现场.png")]);
      expect([res.statusCode, res.json().error.code], `${JSON.stringify(fields)}: ${res.body}`).toEqual([
        status,
        code,
      ]);
    }
    expect(await stored(p.tenant.id)).toEqual(before);
    expect(await reportsOf(second.id)).toEqual([]);
  });

  it("names the report's field issues under report.", async () => {
    const p = await buildPublishedPlan(t);
    const { assignment, cycle } = await assignTask9AndOpenCycle(p);
    const res = await postForm(p.kg1, assignment.id, {
      report: { cycleId: cycle.id, progress: 120, extra: 1 },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([
      { path: "report.progress", message: "进度不能大于 100" },
      { path: "report.extra", message: "不允许的字段" },
    ]);
  });

  it("refuses a form that is not one report field followed by at most 9 files `file`", async () => {
    const p = await buildPublishedPlan(t);
    const { assignment, cycle } = await assignTask9AndOpenCycle(p);
    const report = JSON.stringify({ cycleId: cycle.id, progress: 50, submit: true });
    const before = await stored(p.tenant.id);
    const url = `/api/assignments/${assignment.id}/reports/with-files`;
    const send = (body: Buffer, contentType: string) =>
      p.kg1.request("POST", url, body, { "content-type": contentType });
    const cases: [Buffer, string, number, string][] = [
      // A file before the report: the report's checks could not run before it was stored.
      ...formCase({}, [photo("无正文.png")], 400, "表单的第一项须是反馈内容（字段 report），佐证材料随后"),
      ...formCase({ report }, [{ ...photo("别处.png"), field: "photo" }], 400, "佐证材料须放在字段 file 中"),
      ...formCase({}, [], 400, "请填写反馈内容（字段 report）"),
      ...formCase({ note: "x" }, [], 400, "表单中除文件外只能有反馈内容（字段 report），不能有“note”"),
      ...formCase({ report: "{进度" }, [], 400, "反馈内容（字段 report）不是有效的 JSON"),
      ...formCase({ report: `"${"长".repeat(400_000)}"` }, [], 413, "反馈内容（字段 report）过长"),
      [
        Buffer.from(report),
        "application/json",
        415,
        "请以表单（multipart/form-data）方式提交反馈内容和佐证材料",
      ],
    ];
    for (const [body, contentType, status, message] of cases) {
      const res = await send(body, contentType);
      expect([res.statusCode, res.json().error.message], res.body).toEqual([status, message]);
    }
    expect(await stored(p.tenant.id)).toEqual(before);
    // The tenth file is refused once the nine before it were stored: their bytes stay unreferenced, no row.
    const tooMany = multipartForm(
      { report },
      Array.from({ length: 10 }, (_, i) => photo(`第${i + 1}张.png`)),
    );
    const refused = await send(tooMany.body, tooMany.contentType);
    expect([refused.statusCode, refused.json().error.message]).toEqual([400, "一次最多附上 9 个文件"]);
    expect((await stored(p.tenant.id)).rows).toEqual(before.rows);
    expect(await reportsOf(assignment.id)).toEqual([]);
  });

  it("refuses a new file past the 30 a report may hold, before storing it", async () => {
    const p = await buildPublishedPlan(t);
    const { assignment, cycle } = await assignTask9AndOpenCycle(p);
    const earlier: string[] = [];
    for (let i = 0; i < 30; i++) earlier.push(await uploadPhoto(p.kg1, `第${i + 1}张.png`));
    const before = await stored(p.tenant.id);
    const res = await postForm(
      p.kg1,
      assignment.id,
      { report: { cycleId: cycle.id, progress: 50, fileIds: earlier } },
      [photo("第31张.png")],
    );
    expect([res.statusCode, res.json().error.message]).toEqual([400, "每期反馈最多 30 个附件，已选 30 个"]);
    expect(await stored(p.tenant.id)).toEqual(before);
    expect(await reportsOf(assignment.id)).toEqual([]);
  });

  it("takes the report field sent as application/json, as FormData sends a JSON Blob", async () => {
    const p = await buildPublishedPlan(t);
    const { assignment, cycle } = await assignTask9AndOpenCycle(p);
    const boundary = "----dubanJsonField";
    const body = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="report"\r\nContent-Type: application/json\r\n\r\n` +
        `${JSON.stringify({ cycleId: cycle.id, progress: 35 })}\r\n--${boundary}--\r\n`,
    );
    const res = await p.kg1.request("POST", `/api/assignments/${assignment.id}/reports/with-files`, body, {
      "content-type": `multipart/form-data; boundary=${boundary}`,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: "draft", progress: 35, files: [] });
    const broken = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="report"\r\nContent-Type: application/json\r\n\r\n` +
        `{进度\r\n--${boundary}--\r\n`,
    );
    const refused = await p.kg1.request(
      "POST",
      `/api/assignments/${assignment.id}/reports/with-files`,
      broken,
      {
        "content-type": `multipart/form-data; boundary=${boundary}`,
      },
    );
    expect([refused.statusCode, refused.json().error.message]).toEqual([
      400,
      "反馈内容（字段 report）不是有效的 JSON",
    ]);
  });

  it("refuses a file that is no accepted evidence type (415) with no file row and no report", async () => {
    const p = await buildPublishedPlan(t);
    const { assignment, cycle } = await assignTask9AndOpenCycle(p);
    const before = await stored(p.tenant.id);
    const text = { name: "说明.png", type: "image/png", content: Buffer.from("这不是图片") };
    const res = await postForm(p.kg1, assignment.id, { report: { cycleId: cycle.id, progress: 50 } }, [
      photo("好.png"),
      text,
    ]);
    expect(res.statusCode, res.body).toBe(415);
    expect((await stored(p.tenant.id)).rows).toEqual(before.rows);
    expect(await reportsOf(assignment.id)).toEqual([]);
  });

  it("holds the unit's upload quota: used up, a form with a file is refused unread (429), one without files is saved", async () => {
    const p = await buildPublishedPlan(t);
    const { assignment, cycle } = await assignTask9AndOpenCycle(p);
    t.config.uploadQuota = { files: 1, windowMs: 10 * 60_000, dailyBytes: 1024 * 1024 };
    expect((await uploadFile(p.kg1, "/api/files", photo("第一张.png"))).statusCode).toBe(201);
    const before = await stored(p.tenant.id);
    const report = { cycleId: cycle.id, progress: 50, submit: true };
    const refused = await postForm(p.kg1, assignment.id, { report }, [photo("第二张.png")]);
    expect(refused.statusCode, refused.body).toBe(429);
    expect(await stored(p.tenant.id)).toEqual(before);
    expect(await reportsOf(assignment.id)).toEqual([]);
    const saved = await postForm(p.kg1, assignment.id, { report });
    expect(saved.statusCode, saved.body).toBe(201);
  });

  it("keeps the recorded files as the school's uploads when the report's write then fails, to attach again", async () => {
    const p = await buildPublishedPlan(t);
    const { assignment, cycle } = await assignTask9AndOpenCycle(p);
    const report = { cycleId: cycle.id, progress: 50, submit: true };
    // The file's record is the first write, the report's the second.
    armFault({ nth: 2, count: "writes" });
    const failed = await postForm(p.kg1, assignment.id, { report }, [photo("保留.png")]);
    expect(failed.statusCode).toBe(500);
    disarmFault();
    expect(await reportsOf(assignment.id)).toEqual([]);
    const db = t.database.db as Db;
    const kept = await db.select().from(files).where(eq(files.tenantId, p.tenant.id));
    expect(kept.map((f) => [f.filename, f.unitId])).toEqual([["保留.png", p.kindergarten.id]]);
    const again = await p.kg1.post(`/api/assignments/${assignment.id}/reports`, {
      ...report,
      fileIds: [kept[0]!.id],
    });
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json().files).toMatchObject([{ filename: "保留.png" }]);
  });
});

/** A form case: the body built from fields and files. */
function formCase(
  fields: Record<string, string>,
  photos: Photo[],
  status: number,
  message: string,
): [Buffer, string, number, string][] {
  const { body, contentType } = multipartForm(fields, photos);
  return [[body, contentType, status, message]];
}
