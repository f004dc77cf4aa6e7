import type { Bulletin, PlanSnapshot } from "@duban/domain";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.js";
import { planSnapshots } from "../../db/schema.js";
import { toldOf } from "../../test/notification-fixtures.js";
import { buildPublishedPlan, type PublishedPlan } from "../../test/plan-fixtures.js";
import { armFault, disarmFault } from "../../test/rollback-faults.js";
import { createTestApp, TEST_NOW, type TestApp } from "../../test/test-app.js";
import { takePlanSnapshot } from "../snapshots/index.js";

let t: TestApp;
let p: PublishedPlan;
beforeAll(async () => {
  t = await createTestApp();
  p = await buildPublishedPlan(t);
}, 120_000);
afterAll(async () => t?.close());
afterEach(() => t?.clock.set(TEST_NOW));

const june = { title: "2023年6月重点工作落实情况督查通报", from: "2023-06-01", to: "2023-06-15" };

/** Drafts a 通报 of June as the 督查室 and returns it. */
async function draftJune(): Promise<Bulletin> {
  const res = await p.supervisor.post(`/api/plans/${p.planId}/bulletins`, june);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/**
 * Records `plan`'s state of `day` as its live state with `change` applied: a unit's missed report is set here
 * rather than lived through. Snapshots are append-only, so the day must not be recorded yet.
 */
async function recordDay(plan: PublishedPlan, day: string, change: (s: PlanSnapshot) => void) {
  const db = t.database.db as Db;
  const at = { tenantId: plan.tenant.id, planId: plan.planId };
  const snapshot = await takePlanSnapshot(db, { ...at, now: t.clock.now() });
  snapshot.day = day;
  change(snapshot);
  await db
    .insert(planSnapshots)
    .values({ ...at, day, takenAt: t.clock.now(), totals: snapshot.totals, data: snapshot });
}

/**
 * A bureau whose plan was published late on June 14th (its first snapshot), the clock then moved past midnight
 * within the session's idle time, and June 15th recorded with the kindergarten having missed a report.
 */
async function buildNamedBureau(): Promise<PublishedPlan> {
  t.clock.set(new Date("2023-06-14T23:50:00+08:00"));
  const q = await buildPublishedPlan(t);
  t.clock.set(new Date("2023-06-15T00:10:00+08:00"));
  await recordDay(q, "2023-06-15", (s) => kindergartenMissedOne(q, s));
  return q;
}

/** The kindergarten as a unit of the snapshot that missed one report: it is named in 通报批评. */
function kindergartenMissedOne(p: PublishedPlan, s: PlanSnapshot) {
  s.units = [
    {
      unitId: p.kindergarten.id,
      name: p.kindergarten.name,
      kind: "school",
      schoolType: "kindergarten",
      township: null,
      assignments: { red: 0, yellow: 1, green: 0, grey: 0, blue: 0 },
      reports: { due: 1, onTime: 0, late: 0, missing: 1 },
      openNotices: { blue: 0, yellow: 0, red: 0 },
      openRectifications: 0,
      overdueRectifications: 0,
    },
  ];
}

describe("drafting a 通报", () => {
  it("drafts it from the snapshot of the period's end, saying there is none of its start to compare with", async () => {
    const b = await draftJune();
    expect(b).toMatchObject({ ...june, status: "draft", number: null, version: 0, issuedAt: null });
    expect(b.abilities).toEqual({ edit: true, issue: true, delete: true });
    expect(b.content[0]).toEqual({ type: "heading", level: 1, text: "一、总体进展" });
    const plan = (await p.supervisor.get(`/api/plans/${p.planId}`)).json();
    // Nothing is reported on the morning the plan was published: no progress yet.
    expect((b.content[1] as { text: string }).text).toMatch(
      new RegExp(`^截至2023年6月15日，《${plan.title}》共${plan.taskCount}项重点任务，整体完成进度0%，`),
    );
    // The plan was published (and first recorded) on June 15th, after the period's start.
    expect(b.content[2]).toEqual({
      type: "paragraph",
      text: "2023年6月1日及以前暂无进度记录，本期不作比较。",
    });
  });

  it("refuses a period that ends before it starts", async () => {
    const res = await p.supervisor.post(`/api/plans/${p.planId}/bulletins`, { ...june, from: "2023-06-16" });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([
      { path: "from", message: "通报期间的开始日期不能晚于结束日期" },
    ]);
  });

  it("refuses a period that ends after today, on the server's clock", async () => {
    const res = await p.supervisor.post(`/api/plans/${p.planId}/bulletins`, { ...june, to: "2023-06-16" });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([
      { path: "to", message: "通报期间的结束日期不能晚于今天（2023-06-15）" },
    ]);
  });

  it("refuses a period that ends before the plan's first snapshot, saying what to choose", async () => {
    const res = await p.supervisor.post(`/api/plans/${p.planId}/bulletins`, { ...june, to: "2023-06-10" });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({
      code: "conflict",
      message: "截至2023-06-10该计划还没有进度记录，无法生成通报；进度记录每天自动生成，请选择更晚的结束日期",
    });
  });
});

describe("editing and issuing", () => {
  it("saves an edit at its version and refuses a stale one", async () => {
    const b = await draftJune();
    const content = [...b.content.slice(0, 1), { type: "paragraph", text: "本月整体推进有序。" }];
    const saved = await p.supervisor.put(`/api/bulletins/${b.id}`, { title: b.title, content, version: 0 });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ version: 1, content });
    const stale = await p.supervisor.put(`/api/bulletins/${b.id}`, { title: "旧标题", content, version: 0 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe("stale_version");
    expect((await p.supervisor.get(`/api/bulletins/${b.id}`)).json().title).toBe(june.title);
  });

  it("issues with the plan year's next 文号, tells the units it names, and freezes it", async () => {
    const p = await buildNamedBureau();
    const created = await p.supervisor.post(`/api/plans/${p.planId}/bulletins`, june);
    expect(created.statusCode, created.body).toBe(201);
    const b = created.json() as Bulletin;
    expect(b.namedUnitIds).toEqual([p.kindergarten.id]);
    // A school reads no draft, even one that names it.
    expect((await p.kg1.get(`/api/bulletins/${b.id}`)).statusCode).toBe(404);
    const issued = await p.supervisor.post(`/api/bulletins/${b.id}/issue`, { version: 0 });
    expect(issued.statusCode, issued.body).toBe(200);
    const prefix = `${[...p.tenant.name][0]}教督通`;
    const number = issued.json().number as string;
    // The bureau's first 通报 of 2023.
    expect(number).toBe(`${prefix}〔2023〕1号`);
    expect(issued.json()).toMatchObject({
      status: "issued",
      version: 1,
      issuedAt: "2023-06-14T16:10:00.000Z",
    });
    const told = await toldOf(t, p.tenant.id, "bulletin.issued");
    expect(told.links).toEqual([`/bulletins/${b.id}`]);
    // The kindergarten's two users are told; nobody else is.
    const idOf = async (s: typeof p.kg1) => (await s.get("/api/auth/me")).json().id as string;
    expect(told.users).toEqual([await idOf(p.kg1), await idOf(p.school)].sort());
    expect((await p.kg1.get(`/api/bulletins/${b.id}`)).json().number).toBe(number);
    expect((await p.kg2.get(`/api/bulletins/${b.id}`)).statusCode).toBe(404);
    // A school's list holds only the issued 通报 naming it.
    expect(
      (await p.kg1.get(`/api/plans/${p.planId}/bulletins`)).json().items.map((i: Bulletin) => i.id),
    ).toEqual([b.id]);
    expect((await p.kg2.get(`/api/plans/${p.planId}/bulletins`)).json()).toMatchObject({
      items: [],
      total: 0,
    });

    const twice = await p.supervisor.post(`/api/bulletins/${b.id}/issue`, { version: 1 });
    expect([twice.statusCode, twice.json().error.message]).toEqual([409, "该通报已印发，不能重复印发"]);
    const edit = await p.supervisor.put(`/api/bulletins/${b.id}`, { title: "改", content: [], version: 1 });
    expect([edit.statusCode, edit.json().error.message]).toEqual([409, "该通报已印发，正文和文号不能再修改"]);
    const del = await p.supervisor.request("DELETE", `/api/bulletins/${b.id}`, { version: 1 });
    expect([del.statusCode, del.json().error.message]).toEqual([409, "该通报已印发，不能删除"]);
  });

  it("leaves no 文号 consumed and the draft unchanged when issuing fails after the number is taken", async () => {
    const seq = (n: string) => Number(/〔2023〕(\d+)号$/.exec(n)![1]);
    const control = await draftJune();
    const last = seq(
      (await p.supervisor.post(`/api/bulletins/${control.id}/issue`, { version: 0 })).json().number,
    );
    const b = await draftJune();
    const before = (await p.supervisor.get(`/api/bulletins/${b.id}`)).json();
    // The 1st write takes the number, the 2nd marks the draft issued: fail the 2nd.
    armFault({ nth: 2, count: "writes" });
    const failed = await p.supervisor.post(`/api/bulletins/${b.id}/issue`, { version: 0 });
    disarmFault();
    expect(failed.statusCode).toBe(500);
    expect((await p.supervisor.get(`/api/bulletins/${b.id}`)).json()).toEqual(before);
    // The next number is still the one after the last issued: the failed attempt gave none away.
    const issued = (await p.supervisor.post(`/api/bulletins/${b.id}/issue`, { version: 0 })).json();
    expect(seq(issued.number)).toBe(last + 1);
  });

  it("deletes a draft at its version", async () => {
    const b = await draftJune();
    const del = await p.supervisor.request("DELETE", `/api/bulletins/${b.id}`, { version: 0 });
    expect(del.statusCode, del.body).toBe(204);
    expect((await p.supervisor.get(`/api/bulletins/${b.id}`)).statusCode).toBe(404);
  });
});

describe("the .docx", () => {
  it("downloads a draft marked 草稿, as a Word zip", async () => {
    const b = await draftJune();
    const res = await p.supervisor.get(`/api/bulletins/${b.id}/document`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    expect(res.rawPayload.subarray(0, 2).toString()).toBe("PK");
    expect(res.headers["content-disposition"]).toContain(
      `filename*=UTF-8''${encodeURIComponent(`${june.title}（草稿）.docx`)}`,
    );
  });
});
