import type { HandDown, UpwardCompose, UpwardReport, UpwardReportPage } from "@duban/domain";
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.js";
import { auditLogs, notifications, tenants } from "../../db/schema.js";
import {
  buildCityAndCounties,
  handDownTask9,
  inboxItem,
  ok,
  ownTask9,
} from "../../test/cascade-county-fixtures.js";
import { assignTask9AndOpenCycle } from "../../test/plan-fixtures.js";
import { createTestApp, type TestApp } from "../../test/test-app.js";
import { png, uploadFile } from "../../test/upload.js";

let t: TestApp;
let w: Awaited<ReturnType<typeof buildCityAndCounties>>;
let handDown: HandDown;
let linkA: string;
let linkB: string;
/** County A's files: one on its approved report, one on a draft that is never sent up. */
let approvedFile: string;
let draftFile: string;

const db = () => t.database.db as Db;
const nameOf = async (id: string) =>
  (await db().select({ name: tenants.name }).from(tenants).where(eq(tenants.id, id)))[0]!.name;
const told = (tenantId: string, kind: string) =>
  db()
    .select({ userId: notifications.userId, title: notifications.title, link: notifications.link })
    .from(notifications)
    .where(and(eq(notifications.tenantId, tenantId), eq(notifications.kind, kind)))
    .orderBy(asc(notifications.userId));

beforeAll(async () => {
  t = await createTestApp();
  w = await buildCityAndCounties(t);
  handDown = await handDownTask9(w.city, [w.a.tenant.id, w.b.tenant.id]);
  linkA = (await inboxItem(w.a.supervisor)).id;
  linkB = (await inboxItem(w.b.supervisor)).id;
  ok(await w.a.supervisor.post(`/api/cascade/inbox/${linkA}/link`, { version: 0, nodeId: w.a.task9.id }));
  // County A's first kindergarten reports with a photo and is approved; the second keeps a draft with its own.
  const a = await assignTask9AndOpenCycle(w.a);
  const upload = async (s: typeof w.a.kg1) =>
    ok<{ id: string }>(
      await uploadFile(s, "/api/files", { name: "照片.png", type: "image/png", content: png }),
      201,
    ).id;
  approvedFile = await upload(w.a.kg1);
  draftFile = await upload(w.a.kg2);
  const report = ok<{ id: string; version: number }>(
    await w.a.kg1.post(`/api/assignments/${a.assignment.id}/reports`, {
      cycleId: a.cycle.id,
      progress: 40,
      doneText: "新增公办学位120个",
      values: [{ indicatorId: a.indicatorId, value: 60 }],
      fileIds: [approvedFile],
      submit: true,
    }),
    201,
  );
  ok(
    await w.a.lead.post(`/api/reports/${report.id}/review`, { decision: "approve", version: report.version }),
  );
  ok(
    await w.a.kg2.post(`/api/assignments/${a.second.id}/reports`, {
      cycleId: a.cycle.id,
      progress: 10,
      doneText: "草稿：尚未完成",
      fileIds: [draftFile],
      submit: false,
    }),
    201,
  );
}, 120_000);
afterAll(async () => t?.close());

const body = (over: Record<string, unknown> = {}) => ({
  version: 0,
  text: "本县新增公办学位120个",
  fileIds: [approvedFile],
  ...over,
});

describe("向上报送 upward reports", () => {
  it("answers 401 on every upward report route without a session", async () => {
    const id = "00000000-0000-4000-8000-000000000000";
    for (const [method, url] of [
      ["GET", `/api/cascade/inbox/${id}/upward`],
      ["POST", `/api/cascade/inbox/${id}/upward-reports`],
      ["GET", `/api/hand-downs/${id}/upward-reports`],
      ["GET", `/api/upward-reports/${id}/files/${id}`],
    ] as const)
      expect(
        (await t.app.inject({ method, url, payload: method === "POST" ? {} : undefined })).statusCode,
      ).toBe(401);
  });

  it("tells each county's 督查室 once that the city handed an item down", async () => {
    const city = await nameOf(w.city.tenant.id);
    const rows = await told(w.a.tenant.id, "cascade.handed_down");
    expect(rows.map((r) => [r.title, r.link])).toEqual([
      [`${city}下达：${w.city.task9.title}`, `/cascade?tab=inbox&received=${linkA}`],
    ]);
    await handDownTask9(w.city, [w.a.tenant.id, w.b.tenant.id]);
    expect(await told(w.a.tenant.id, "cascade.handed_down")).toHaveLength(1);
    expect(await told(w.b.tenant.id, "cascade.handed_down")).toHaveLength(1);
  });

  it("offers nothing to send before the hand-down is linked, and refuses a report on it with 409", async () => {
    const compose = ok<UpwardCompose>(await w.b.supervisor.get(`/api/cascade/inbox/${linkB}/upward`));
    expect(compose).toEqual({ draft: null, reports: [], version: 0, abilities: { submit: false } });
    const res = await w.b.supervisor.post(
      `/api/cascade/inbox/${linkB}/upward-reports`,
      body({ fileIds: [] }),
    );
    expect([res.statusCode, res.json().error.code]).toEqual([409, "conflict"]);
  });

  it("drafts from the latest approved reports and offers only approved reports' files", async () => {
    const compose = ok<UpwardCompose>(await w.a.supervisor.get(`/api/cascade/inbox/${linkA}/upward`));
    const { task9 } = await ownTask9(w.a);
    expect(compose.draft).toMatchObject({
      text: `${w.a.kindergarten.name}：新增公办学位120个`,
      progress: task9.progress,
      light: task9.light,
    });
    expect([task9.progress, task9.light]).toEqual([20, "yellow"]);
    expect(compose.draft!.files.map((f) => [f.id, f.filename, f.report.unit])).toEqual([
      [approvedFile, "照片.png", w.a.kindergarten.name],
    ]);
    expect([compose.version, compose.reports, compose.abilities]).toEqual([0, [], { submit: true }]);
    // The lead department follows its own task, not what goes up between bureaus.
    expect((await w.a.lead.get(`/api/cascade/inbox/${linkA}/upward`)).statusCode).toBe(403);
  });

  it("refuses bad input, a draft's file, the wrong roles, another county and a stale version", async () => {
    const url = `/api/cascade/inbox/${linkA}/upward-reports`;
    expect((await w.a.supervisor.post(url, body({ text: "  " }))).statusCode).toBe(400);
    expect((await w.a.supervisor.post(url, body({ fileIds: [approvedFile, approvedFile] }))).statusCode).toBe(
      400,
    );
    const draft = await w.a.supervisor.post(url, body({ fileIds: [approvedFile, draftFile] }));
    expect([draft.statusCode, draft.json().error.details]).toEqual([
      400,
      [{ path: "fileIds.1", message: "只能附上本任务审核通过的反馈中的佐证材料" }],
    ]);
    expect((await w.a.supervisor.get(`/api/cascade/inbox/${linkA}/upward`)).statusCode).toBe(200);
    expect((await w.a.lead.post(url, body())).statusCode).toBe(403);
    expect((await w.a.kg1.post(url, body())).statusCode).toBe(403);
    expect((await w.a.kg1.get(`/api/cascade/inbox/${linkA}/upward`)).statusCode).toBe(403);
    expect((await w.b.supervisor.post(url, body())).statusCode).toBe(404);
    expect((await w.b.supervisor.get(`/api/cascade/inbox/${linkA}/upward`)).statusCode).toBe(404);
    expect((await w.city.supervisor.post(url, body())).statusCode).toBe(404);
    expect((await w.a.supervisor.post(url, body({ version: 1 }))).statusCode).toBe(409);
  });

  it("sends the report up once per version, audited, and tells the city's 督查室", async () => {
    const url = `/api/cascade/inbox/${linkA}/upward-reports`;
    const sent = ok<UpwardReport>(await w.a.supervisor.post(url, body()), 201);
    const county = await nameOf(w.a.tenant.id);
    expect(sent).toEqual({
      id: sent.id,
      tenant: { id: w.a.tenant.id, name: county },
      version: 1,
      text: "本县新增公办学位120个",
      progress: 20,
      light: "yellow",
      files: [
        { id: approvedFile, filename: "照片.png", mime: "image/png", size: png.length, previewable: true },
      ],
      submittedAt: t.clock.now().toISOString(),
    });
    // Composed from the same state, a second report meets the one just sent.
    expect((await w.a.supervisor.post(url, body())).statusCode).toBe(409);
    const audits = await db()
      .select({ entityId: auditLogs.entityId })
      .from(auditLogs)
      .where(and(eq(auditLogs.tenantId, w.a.tenant.id), eq(auditLogs.action, "upward_report.submit")));
    expect(audits).toEqual([{ entityId: sent.id }]);
    const bell = await told(w.city.tenant.id, "cascade.upward_report");
    expect(bell.map((r) => [r.title, r.link])).toEqual([
      [`${county}向上报送：${w.city.task9.title}`, `/cascade?handDown=${handDown.id}`],
    ]);
    const compose = ok<UpwardCompose>(await w.a.supervisor.get(`/api/cascade/inbox/${linkA}/upward`));
    expect([compose.version, compose.reports]).toEqual([1, [sent]]);
  });

  it("shows the city each county's upward reports and the latest in the roll-up", async () => {
    const page = ok<UpwardReportPage>(
      await w.cityLeader.get(`/api/hand-downs/${handDown.id}/upward-reports`),
    );
    expect(page.items.map((r) => [r.tenant.id, r.version, r.text, r.files.map((f) => f.id)])).toEqual([
      [w.a.tenant.id, 1, "本县新增公办学位120个", [approvedFile]],
    ]);
    expect(page.total).toBe(1);
    const onlyB = `/api/hand-downs/${handDown.id}/upward-reports?tenantId=${w.b.tenant.id}`;
    expect(ok<UpwardReportPage>(await w.city.supervisor.get(onlyB)).items).toEqual([]);
    const h = ok<HandDown>(await w.city.supervisor.get(`/api/hand-downs/${handDown.id}`));
    const row = (id: string) => h.counties.find((c) => c.tenant.id === id)!;
    expect(row(w.a.tenant.id).upward).toEqual({
      id: page.items[0]!.id,
      version: 1,
      text: "本县新增公办学位120个",
      progress: 20,
      fileCount: 1,
      submittedAt: page.items[0]!.submittedAt,
    });
    expect(row(w.b.tenant.id).upward).toBeNull();
    expect((await w.a.supervisor.get(`/api/hand-downs/${handDown.id}/upward-reports`)).statusCode).toBe(404);
    expect((await w.city.kg1.get(`/api/hand-downs/${handDown.id}/upward-reports`)).statusCode).toBe(403);
  });

  it("lets the city download only the files attached to the report", async () => {
    const [report] = ok<UpwardReportPage>(
      await w.city.supervisor.get(`/api/hand-downs/${handDown.id}/upward-reports`),
    ).items;
    const file = (id: string) => `/api/upward-reports/${report!.id}/files/${id}`;
    const got = await w.city.supervisor.get(file(approvedFile));
    expect([got.statusCode, got.headers["content-type"], got.rawPayload.equals(png)]).toEqual([
      200,
      "image/png",
      true,
    ]);
    expect(String(got.headers["content-disposition"])).toMatch(/^attachment;/);
    expect((await w.cityLeader.get(file(approvedFile))).statusCode).toBe(200);
    // The county's own 督查室 reads what it sent; its other files, another county and other roles do not.
    expect((await w.a.supervisor.get(file(approvedFile))).statusCode).toBe(200);
    expect((await w.city.supervisor.get(file(draftFile))).statusCode).toBe(404);
    expect((await w.city.supervisor.get(`/api/files/${approvedFile}`)).statusCode).toBe(404);
    expect((await w.b.supervisor.get(file(approvedFile))).statusCode).toBe(404);
    expect((await w.city.kg1.get(file(approvedFile))).statusCode).toBe(403);
    expect((await w.a.kg1.get(file(approvedFile))).statusCode).toBe(403);
    const other = "00000000-0000-4000-8000-000000000000";
    expect(
      (await w.city.supervisor.get(`/api/upward-reports/${other}/files/${approvedFile}`)).statusCode,
    ).toBe(404);
  });
});

describe("下达 of one measure or one indicator", () => {
  it("hands down a measure of task 9 without targets and an indicator with its own target, once each", async () => {
    const measure = w.city.task9.measures[0]!;
    const indicator = w.city.task9.indicators[1]!;
    const url = `/api/nodes/${w.city.task9.id}/hand-downs`;
    const m = ok<HandDown>(
      await w.city.supervisor.post(url, { tenantIds: [w.a.tenant.id], measureId: measure.id }),
      201,
    );
    expect([m.kind, m.text, m.targets, m.node.id]).toEqual(["measure", measure.text, [], w.city.task9.id]);
    expect(m.title).toBe(
      measure.text.split("。")[0]!.slice(0, 40) + (measure.text.split("。")[0]!.length > 40 ? "…" : ""),
    );
    const i = ok<HandDown>(
      await w.city.supervisor.post(url, { tenantIds: [w.a.tenant.id], indicatorId: indicator.id }),
      201,
    );
    expect([i.kind, i.title, i.targets.map((x) => [x.indicatorId, x.name, x.value, x.unit])]).toEqual([
      "indicator",
      indicator.name,
      [[indicator.id, indicator.name, indicator.targetValue, indicator.unit]],
    ]);
    const again = ok<HandDown>(
      await w.city.supervisor.post(url, {
        tenantIds: [w.a.tenant.id, w.b.tenant.id],
        indicatorId: indicator.id,
      }),
      201,
    );
    expect([again.id, again.counties.length]).toEqual([i.id, 2]);
    expect(ok<HandDown>(await w.city.supervisor.get(`/api/hand-downs/${handDown.id}`)).kind).toBe("task");
    const inbox = ok<{ items: { kind: string; title: string }[] }>(
      await w.a.supervisor.get("/api/cascade/inbox"),
    );
    expect(inbox.items.map((x) => x.kind).sort()).toEqual(["indicator", "measure", "task"]);
  });

  it("refuses another node's measure or indicator, and both at once", async () => {
    const url = `/api/nodes/${w.city.task9.id}/hand-downs`;
    const foreign = w.a.task9.indicators[0]!.id;
    const res = await w.city.supervisor.post(url, { tenantIds: [w.a.tenant.id], indicatorId: foreign });
    expect([res.statusCode, res.json().error.details]).toEqual([
      400,
      [{ path: "indicatorId", message: "该指标不属于这项任务" }],
    ]);
    const m = await w.city.supervisor.post(url, {
      tenantIds: [w.a.tenant.id],
      measureId: w.a.task9.measures[0]!.id,
    });
    expect([m.statusCode, m.json().error.details]).toEqual([
      400,
      [{ path: "measureId", message: "该措施不属于这项任务" }],
    ]);
    const both = {
      tenantIds: [w.a.tenant.id],
      measureId: w.city.task9.measures[0]!.id,
      indicatorId: w.city.task9.indicators[0]!.id,
    };
    expect((await w.city.supervisor.post(url, both)).statusCode).toBe(400);
  });
});
