import type { PlanDraftEdit } from "@duban/domain";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { files } from "../../db/schema.js";
import { DiskFileStore } from "../../files/disk-file-store.js";
import { buildTenant, buildUser, TEST_PASSWORD } from "../../test/factories.js";
import { buildPlanBureau, flatten, seedPlanText, taskOf } from "../../test/plan-fixtures.js";
import { signIn } from "../../test/session.js";
import { createTestApp, type TestApp } from "../../test/test-app.js";
import { uploadFile } from "../../test/upload.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe("POST /api/plan-imports", () => {
  it("answers 401 without a session", async () => {
    const res = await t.app.inject({ method: "POST", url: "/api/plan-imports", payload: { text: "x" } });
    expect(res.statusCode).toBe(401);
  });

  it("refuses a school user with 403", async () => {
    const b = await buildPlanBureau(t);
    const res = await b.school.post("/api/plan-imports", { text: seedPlanText });
    expect(res.statusCode).toBe(403);
  });

  it("answers 400 naming the field for empty text", async () => {
    const b = await buildPlanBureau(t);
    const res = await b.supervisor.post("/api/plan-imports", { text: "" });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe("text");
  });

  it("parses the seed plan into 6 sections, 24 tasks, 9 targets and suggests 学前教育科 for task 9", async () => {
    const b = await buildPlanBureau(t);
    const res = await b.supervisor.post("/api/plan-imports", {
      text: seedPlanText,
      filename: "2023工作要点.txt",
    });
    expect(res.statusCode).toBe(201);
    const { draft, status, kind } = res.json() as { draft: PlanDraftEdit; status: string; kind: string };
    expect({ status, kind, year: draft.year, title: draft.title }).toEqual({
      status: "reviewing",
      kind: "plan",
      year: 2023,
      title: "瓦房店市教育局2023年工作要点",
    });
    const nodes = flatten(draft.nodes);
    expect(nodes.filter((n) => n.level === "section")).toHaveLength(6);
    expect(nodes.filter((n) => n.level === "task")).toHaveLength(24);
    expect(nodes.flatMap((n) => n.targets)).toHaveLength(9);
    expect(taskOf(draft, 9).leadUnitId).toBe(b.preschool.id);
  });
});

describe("PUT /api/plan-imports/:id", () => {
  it("saves an edited target and refuses a bad edit naming the field", async () => {
    const b = await buildPlanBureau(t);
    const created = (await b.supervisor.post("/api/plan-imports", { text: seedPlanText })).json();
    const draft: PlanDraftEdit = created.draft;
    const index = draft.nodes.findIndex((s) => s.children.some((c) => c.number === 9));
    const child = draft.nodes[index]!.children.findIndex((c) => c.number === 9);
    const target = draft.nodes[index]!.children[child]!.targets[0]!;
    target.comparator = "range";
    target.valueMax = null;
    const bad = await b.supervisor.put(`/api/plan-imports/${created.id}`, {
      draft,
      version: created.version,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe(
      `draft.nodes.${index}.children.${child}.targets.0.valueMax`,
    );
    target.comparator = "gte";
    target.value = 55;
    const ok = await b.supervisor.put(`/api/plan-imports/${created.id}`, { draft, version: created.version });
    expect(ok.statusCode).toBe(200);
    expect(taskOf(ok.json().draft, 9).targets[0]!.value).toBe(55);
    const stale = await b.supervisor.put(`/api/plan-imports/${created.id}`, {
      draft,
      version: created.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe("stale_version");
  });

  it("refuses another tenant's unit as lead unit, naming the field", async () => {
    const b = await buildPlanBureau(t);
    const other = await buildPlanBureau(t);
    const created = (await b.supervisor.post("/api/plan-imports", { text: seedPlanText })).json();
    created.draft.nodes[0].children[0].leadUnitId = other.preschool.id;
    const res = await b.supervisor.put(`/api/plan-imports/${created.id}`, {
      draft: created.draft,
      version: created.version,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe("draft.nodes.0.children.0.leadUnitId");
  });

  it("answers 404 for another tenant's import and 403 for a reader", async () => {
    const b = await buildPlanBureau(t);
    const created = (await b.supervisor.post("/api/plan-imports", { text: seedPlanText })).json();
    const outsider = await buildTenant(t.database.db);
    const stranger = await buildUser(t.database.db, { tenantId: outsider.id, role: "supervisor" });
    const strangerSession = await signIn(t.app, stranger.login, TEST_PASSWORD);
    expect((await strangerSession.get(`/api/plan-imports/${created.id}`)).statusCode).toBe(404);
    // A draft under review is not the school's to read (it sees the plan once published).
    expect((await b.school.get(`/api/plan-imports/${created.id}`)).statusCode).toBe(404);
    const res = await b.school.put(`/api/plan-imports/${created.id}`, {
      draft: created.draft,
      version: created.version,
    });
    expect(res.statusCode).toBe(403);
  });
});

describe("POST /api/plan-imports/upload", () => {
  it("reads an uploaded .txt and keeps the file", async () => {
    const b = await buildPlanBureau(t);
    const res = await uploadFile(b.supervisor, "/api/plan-imports/upload", {
      name: "要点.txt",
      type: "text/plain",
      content: Buffer.from(seedPlanText),
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ format: "txt", filename: "要点.txt" });
  });

  it("keeps the uploaded file as the plan's original, streamed on download and never read whole", async () => {
    const b = await buildPlanBureau(t);
    const content = Buffer.from(seedPlanText);
    const up = await uploadFile(b.supervisor, "/api/plan-imports/upload", {
      name: "瓦房店要点(2023).txt",
      type: "text/plain",
      content,
    });
    expect(up.statusCode, up.body).toBe(201);
    const published = await b.supervisor.post(`/api/plan-imports/${up.json().id}/publish`, {
      version: up.json().version,
      allowDuplicate: true,
    });
    expect(published.statusCode, published.body).toBe(201);
    const open = vi.spyOn(DiskFileStore.prototype, "open");
    const readWhole = vi.spyOn(DiskFileStore.prototype, "get");
    try {
      const res = await b.supervisor.get(`/api/plans/${published.json().planId}/source`);
      expect(res.statusCode).toBe(200);
      expect(res.rawPayload.equals(content)).toBe(true);
      expect(res.headers["content-length"]).toBe(String(content.length));
      expect(res.headers["content-disposition"]).toBe(
        `attachment; filename="_____(2023).txt"; filename*=UTF-8''%E7%93%A6%E6%88%BF%E5%BA%97%E8%A6%81%E7%82%B9%282023%29.txt`,
      );
      expect(open).toHaveBeenCalledTimes(1);
      expect(readWhole).not.toHaveBeenCalled();
    } finally {
      open.mockRestore();
      readWhole.mockRestore();
    }
  });

  it("reads a UTF-16 text holding a NUL, under a name holding one, and stores neither NUL", async () => {
    const b = await buildPlanBureau(t);
    const text = `${seedPlanText.slice(0, 200)}\u0000${seedPlanText.slice(200)}`;
    const content = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    const res = await uploadFile(b.supervisor, "/api/plan-imports/upload", {
      name: "要点\u0000.txt",
      type: "text/plain",
      content,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ format: "txt", filename: "要点.txt" });
    const read = (await b.supervisor.get(`/api/plan-imports/${res.json().id}`)).json();
    expect(read.sourceText.includes("\u0000")).toBe(false);
    expect(read.sourceText.slice(0, 200)).toBe(seedPlanText.slice(0, 200));
  });

  it("keeps no file row when the uploaded document yields no items and the import is refused", async () => {
    const b = await buildPlanBureau(t);
    const res = await uploadFile(b.supervisor, "/api/plan-imports/upload", {
      name: "通知.txt",
      type: "text/plain",
      content: Buffer.from("关于召开全市教育工作会议的通知\n请各单位准时参加。\n"),
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error).toMatchObject({
      code: "bad_request",
      message: "没有从文档中识别出任何条目，请确认上传的是工作要点全文",
    });
    const rows = await t.database.db.select().from(files).where(eq(files.tenantId, b.tenant.id));
    expect(rows).toEqual([]);
  });

  it("refuses an image with 415 and creates nothing", async () => {
    const b = await buildPlanBureau(t);
    const png = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex");
    const res = await uploadFile(b.supervisor, "/api/plan-imports/upload", {
      name: "scan.png",
      type: "image/png",
      content: png,
    });
    expect(res.statusCode).toBe(415);
    expect((await b.supervisor.get("/api/plan-imports")).json()).toEqual({
      items: [],
      total: 0,
      page: 1,
      pageSize: 20,
      abilities: {},
    });
  });
});
