import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.js";
import type { Actor } from "../../http/context.js";
import { buildUser, TEST_PASSWORD } from "../../test/factories.js";
import { buildPublishedPlan, flattenTree } from "../../test/plan-fixtures.js";
import { buildLedgerBureau, itemBody } from "../../test/rectification-fixtures.js";
import { signIn, type TestSession } from "../../test/session.js";
import { createTestApp, type TestApp } from "../../test/test-app.js";
import { png, uploadFile } from "../../test/upload.js";
import { findAttachableFiles } from "./evidence.service.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

/** The answer to a file id that is not the actor's to attach. */
const notAttachable = {
  error: {
    code: "validation_failed",
    message: "附件不存在，请重新上传",
    details: [{ path: "fileIds", message: "附件不存在" }],
  },
};

/** Uploads the PNG and returns its id. */
async function upload(session: TestSession, name = "现场照片.png"): Promise<string> {
  const res = await uploadFile(session, "/api/files", { name, type: "image/png", content: png });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

/** The status of reading a file. */
async function readStatus(session: TestSession, id: string): Promise<number> {
  return (await session.get(`/api/files/${id}`)).statusCode;
}

/** A published plan whose task 9 is handed to both kindergartens, with an open cycle and a leader signed in. */
async function bureauWithReports() {
  const p = await buildPublishedPlan(t);
  const assigned = await p.lead.post(`/api/nodes/${p.task9.id}/assignments`, {
    unitIds: [p.kindergarten.id, p.secondKindergarten.id],
    role: "executor",
  });
  expect(assigned.statusCode, assigned.body).toBe(201);
  const list = (await p.lead.get(`/api/nodes/${p.task9.id}/assignments`)).json().items;
  const of = (unitId: string) =>
    list.find((a: { unit: { id: string } }) => a.unit.id === unitId).id as string;
  const cycle = await p.supervisor.post(`/api/plans/${p.planId}/cycles`, {});
  expect(cycle.statusCode, cycle.body).toBe(201);
  const leader = await buildUser(t.database.db as Db, { tenantId: p.tenant.id, role: "leader" });
  return {
    ...p,
    kg1Assignment: of(p.kindergarten.id),
    kg2Assignment: of(p.secondKindergarten.id),
    cycleId: cycle.json().id as string,
    leader: await signIn(t.app, leader.login, TEST_PASSWORD),
  };
}

/** Task 9's current version, as a close-out request must name it. */
async function task9Version(p: Awaited<ReturnType<typeof buildPublishedPlan>>): Promise<number> {
  const plan = (await p.lead.get(`/api/plans/${p.planId}`)).json();
  return flattenTree(plan.nodes as { id: string; version: number; children: never[] }[]).find(
    (n) => n.id === p.task9.id,
  )!.version;
}

/** A report body with the given evidence. */
function reportBody(cycleId: string, fileIds: string[]) {
  return { cycleId, progress: 50, doneText: "新增学位", problemsText: "", nextText: "", values: [], fileIds };
}

describe("an unattached file belongs to its uploader's unit", () => {
  it("is read by the uploader and the uploader's unit, and by no other school, department or tenant", async () => {
    const p = await bureauWithReports();
    const other = await buildPublishedPlan(t);
    const id = await upload(p.kg1);
    expect(await readStatus(p.kg1, id)).toBe(200);
    // p.school is another user of the same kindergarten.
    expect(await readStatus(p.school, id)).toBe(200);
    expect(await readStatus(p.kg2, id)).toBe(404);
    expect(await readStatus(p.lead, id)).toBe(404);
    expect(await readStatus(p.supervisor, id)).toBe(404);
    expect(await readStatus(p.leader, id)).toBe(404);
    expect(await readStatus(other.kg1, id)).toBe(404);
    expect((await p.kg2.get(`/api/files/${id}`)).json()).toEqual({
      error: { code: "not_found", message: "文件不存在或无权查看" },
    });
  });

  it("of a bureau user without a unit is read by that user alone", async () => {
    const p = await buildPublishedPlan(t);
    const second = await buildUser(t.database.db as Db, { tenantId: p.tenant.id, role: "supervisor" });
    const id = await upload(p.supervisor);
    expect(await readStatus(p.supervisor, id)).toBe(200);
    expect(await readStatus(await signIn(t.app, second.login, TEST_PASSWORD), id)).toBe(404);
    expect(await readStatus(p.admin, id)).toBe(404);
  });
});

describe("attaching a file to a report", () => {
  it("refuses another school's file with 400 and saves nothing; the uploader's unit attaches it", async () => {
    const p = await bureauWithReports();
    const id = await upload(p.kg1);
    const stolen = await p.kg2.post(
      `/api/assignments/${p.kg2Assignment}/reports`,
      reportBody(p.cycleId, [id]),
    );
    expect(stolen.statusCode).toBe(400);
    expect(stolen.json()).toEqual(notAttachable);
    expect((await p.kg2.get(`/api/assignments/${p.kg2Assignment}/reports`)).json().items).toEqual([]);
    const other = await buildPublishedPlan(t);
    const foreign = await upload(other.kg1);
    const cross = await p.kg1.post(
      `/api/assignments/${p.kg1Assignment}/reports`,
      reportBody(p.cycleId, [foreign]),
    );
    expect(cross.json()).toEqual(notAttachable);
    // Another user of the same kindergarten uses the file.
    const saved = await p.school.post(
      `/api/assignments/${p.kg1Assignment}/reports`,
      reportBody(p.cycleId, [id]),
    );
    expect(saved.statusCode, saved.body).toBe(201);
    expect(saved.json().files.map((f: { id: string }) => f.id)).toEqual([id]);
  });

  it("lets everyone who may see the report read it, the reviewing department included, and no other school", async () => {
    const p = await bureauWithReports();
    const other = await buildPublishedPlan(t);
    const id = await upload(p.kg1);
    const body = { ...reportBody(p.cycleId, [id]), submit: true };
    const saved = await p.kg1.post(`/api/assignments/${p.kg1Assignment}/reports`, body);
    expect(saved.statusCode, saved.body).toBe(201);
    for (const reviewer of [p.lead, p.supervisor, p.leader, p.admin]) {
      const res = await reviewer.get(`/api/files/${id}`);
      expect(res.statusCode).toBe(200);
      expect(res.rawPayload.equals(png)).toBe(true);
    }
    expect(await readStatus(p.kg2, id)).toBe(404);
    expect(await readStatus(other.supervisor, id)).toBe(404);
    // Seeing the file is not owning it: the reviewer cannot attach the school's file elsewhere.
    const closing = await p.lead.post(`/api/nodes/${p.task9.id}/close-request`, {
      summary: "全年目标完成",
      fileIds: [id],
      version: await task9Version(p),
    });
    expect(closing.json()).toEqual(notAttachable);
  });
});

describe("attaching a file to a 督办单 reply", () => {
  it("refuses another school's file and lets the supervisor read the unit's own evidence", async () => {
    const p = await bureauWithReports();
    const notice = await p.supervisor.post("/api/notices", {
      nodeId: p.task9.id,
      assignmentId: p.kg2Assignment,
      level: "yellow",
      reason: "进展滞后，请说明原因",
      replyDue: "2099-12-31",
    });
    expect(notice.statusCode, notice.body).toBe(201);
    const url = `/api/notices/${notice.json().id}/reply`;
    const reply = { text: "已召开专题会议", measures: "新增学位 200 个" };
    const theirs = await upload(p.kg1);
    const refused = await p.kg2.post(url, { ...reply, fileIds: [theirs] });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toEqual(notAttachable);
    const mine = await upload(p.kg2);
    expect((await p.kg2.post(url, { ...reply, fileIds: [mine] })).statusCode).toBe(200);
    expect(await readStatus(p.supervisor, mine)).toBe(200);
    expect(await readStatus(p.kg1, mine)).toBe(404);
  });
});

describe("attaching a file to a 整改 submission", () => {
  it("refuses another school's file and lets the inspector and leader read the submitted evidence", async () => {
    const b = await buildLedgerBureau(t);
    const item = await b.supervisor.post("/api/rectifications", itemBody(b));
    expect(item.statusCode, item.body).toBe(201);
    const url = `/api/rectifications/${item.json().id}/submit`;
    const theirs = await upload(b.otherSchoolUser);
    const refused = await b.schoolUser.post(url, { measures: "已清理", fileIds: [theirs], version: 0 });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toEqual(notAttachable);
    const mine = await upload(b.schoolUser);
    const ok = await b.schoolUser.post(url, { measures: "已清理", fileIds: [mine], version: 0 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(await readStatus(b.inspector, mine)).toBe(200);
    expect(await readStatus(b.leader, mine)).toBe(200);
    expect(await readStatus(b.deptUser, mine)).toBe(200);
    expect(await readStatus(b.otherSchoolUser, mine)).toBe(404);
  });
});

describe("attaching a file to a close-out request（申请办结）", () => {
  it("takes the lead department's own file, which then shows to whoever may see the task", async () => {
    const p = await bureauWithReports();
    const id = await upload(p.lead, "总结.png");
    const version = await task9Version(p);
    const res = await p.lead.post(`/api/nodes/${p.task9.id}/close-request`, {
      summary: "全年目标完成",
      fileIds: [id],
      version,
    });
    expect(res.statusCode, res.body).toBe(204);
    expect(await readStatus(p.supervisor, id)).toBe(200);
    expect(await readStatus(p.kg2, id)).toBe(200);
  });
});

describe("findAttachableFiles", () => {
  it("lets a bureau user without a unit attach only what they uploaded", async () => {
    const p = await buildPublishedPlan(t);
    const db = t.database.db as Db;
    const [a, b] = await Promise.all([
      buildUser(db, { tenantId: p.tenant.id, role: "supervisor" }),
      buildUser(db, { tenantId: p.tenant.id, role: "supervisor" }),
    ]);
    const id = await upload(await signIn(t.app, a.login, TEST_PASSWORD));
    const actor = (u: typeof a): Actor => ({
      userId: u.id,
      tenantId: u.tenantId,
      name: u.name,
      login: u.login,
      roles: ["supervisor"],
      unitId: null,
      sessionId: "",
      csrfToken: "",
      mustChangePassword: false,
    });
    expect((await findAttachableFiles(db, actor(a), [id])).map((f) => f.id)).toEqual([id]);
    await expect(findAttachableFiles(db, actor(b), [id])).rejects.toMatchObject({
      code: "validation_failed",
      message: "附件不存在，请重新上传",
    });
  });
});
