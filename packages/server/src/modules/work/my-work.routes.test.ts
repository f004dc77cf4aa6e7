import type { MyWork } from "@duban/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.js";
import { buildTenant, buildUser, TEST_PASSWORD } from "../../test/factories.js";
import { assignTask9AndOpenCycle, buildPublishedPlan } from "../../test/plan-fixtures.js";
import { signIn, type TestSession } from "../../test/session.js";
import { createTestApp, type TestApp } from "../../test/test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

/** What a user's 我的工作 lists, one line per item: kind, title, due date, light and link. */
async function workOf(session: TestSession) {
  const res = await session.get("/api/my-work");
  expect(res.statusCode).toBe(200);
  return (res.json() as MyWork).items.map((i) => [i.kind, i.title, i.due, i.light, i.link].join(" | "));
}

/** Checks a write answered as expected and returns its body. */
async function ok<T = { id: string; version: number }>(
  res: Promise<{ statusCode: number; body: string; json(): unknown }>,
  status = 201,
) {
  const r = await res;
  if (r.statusCode !== status) throw new Error(`${r.statusCode}: ${r.body}`);
  return r.json() as T;
}

/**
 * On 2023-06-15 (TEST_NOW), task 9 is handed to both kindergartens with the 2023年6月 cycle open (due 06-25).
 * 西城幼儿园 has its report returned, a red 督办单 to answer by 06-16, a 整改 item due 06-20 and a 批示 to 签收;
 * the second kindergarten has submitted its report, replied to its own notice, handed in its 整改 and asked for
 * a 延期 of task 9.
 */
async function setUp() {
  const p = await buildPublishedPlan(t);
  const a = await assignTask9AndOpenCycle(p);
  const db = t.database.db as Db;
  const leaderUser = await buildUser(db, { tenantId: p.tenant.id, role: "leader" });
  const inspectorUser = await buildUser(db, { tenantId: p.tenant.id, role: "inspector" });
  const leader = await signIn(t.app, leaderUser.login, TEST_PASSWORD);
  const inspector = await signIn(t.app, inspectorUser.login, TEST_PASSWORD);

  const mine = await ok<{ id: string; version: number }>(
    p.kg1.post(`/api/assignments/${a.assignment.id}/reports`, {
      cycleId: a.cycle.id,
      progress: 30,
      submit: true,
    }),
  );
  await ok(
    p.lead.post(`/api/reports/${mine.id}/review`, {
      decision: "return",
      reason: "缺少照片",
      version: mine.version,
    }),
    200,
  );
  const theirs = await ok(
    p.kg2.post(`/api/assignments/${a.second.id}/reports`, {
      cycleId: a.cycle.id,
      progress: 50,
      submit: true,
    }),
  );
  const notice = await ok(
    p.supervisor.post("/api/notices", {
      nodeId: p.task9.id,
      assignmentId: a.assignment.id,
      level: "red",
      reason: "进度滞后",
      replyDue: "2023-06-16",
    }),
  );
  const replied = await ok(
    p.supervisor.post("/api/notices", {
      nodeId: p.task9.id,
      assignmentId: a.second.id,
      level: "yellow",
      reason: "请说明进度",
      replyDue: "2023-06-20",
    }),
  );
  await ok(p.kg2.post(`/api/notices/${replied.id}/reply`, { text: "已加快进度" }), 200);
  const rectification = { problem: "消防通道堆放杂物", requirement: "立即清理", source: "manual" };
  const item = await ok(
    p.supervisor.post("/api/rectifications", {
      ...rectification,
      unitId: p.kindergarten.id,
      deadline: "2023-06-20",
    }),
  );
  const handedIn = await ok(
    p.supervisor.post("/api/rectifications", {
      ...rectification,
      unitId: p.secondKindergarten.id,
      problem: "围墙破损",
      deadline: "2023-06-30",
    }),
  );
  await ok(
    p.kg2.post(`/api/rectifications/${handedIn.id}/submit`, {
      measures: "已修复",
      version: handedIn.version,
    }),
    200,
  );
  const instruction = await ok(
    leader.post("/api/instructions", {
      entity: "plan_node",
      entityId: p.task9.id,
      unitId: p.kindergarten.id,
      text: "抓紧推进学位建设",
    }),
  );
  const extension = await ok(
    p.kg2.post("/api/extensions", {
      assignmentId: a.second.id,
      requestedDue: "2024-03-31",
      reason: "工程延误",
      progress: 50,
    }),
  );
  return {
    ...p,
    ...a,
    mine,
    theirs,
    notice,
    replied,
    item,
    handedIn,
    instruction,
    extension,
    leader,
    inspector,
  };
}

const TASK_9 = "9. 促进学前教育普及普惠发展";

describe("GET /api/my-work", () => {
  it("lists every kind of waiting item per role, most urgent first, with due dates and lights", async () => {
    const s = await setUp();
    const report = `/assignments/${s.assignment.id}/report`;
    // 2023-06-16 is tomorrow: yellow (临期, within 3 days); later dates green; items without a deadline grey and last.
    expect(await workOf(s.kg1)).toEqual([
      `notice_reply | ${TASK_9} | 2023-06-16 | yellow | /notices/${s.notice.id}`,
      `rectification_submit | 消防通道堆放杂物 | 2023-06-20 | green | /rectifications/${s.item.id}`,
      `report_returned | ${TASK_9} | 2023-06-25 | green | ${report}`,
      // Task 9 is due by the end of the plan year.
      `assignment_acknowledge | ${TASK_9} | 2023-12-31 | green | ${report}`,
      `instruction_acknowledge | 抓紧推进学位建设 |  | grey | /plans/${s.planId}/tasks/${s.task9.id}`,
    ]);
    const days = ((await s.kg1.get("/api/my-work")).json() as MyWork).items.map((i) => i.daysLeft);
    expect(days).toEqual([1, 5, 10, 199, null]);
    // Its report is in, its reply given, its 整改 handed in: only the 签收 is left.
    expect(await workOf(s.kg2)).toEqual([
      `assignment_acknowledge | ${TASK_9} | 2023-12-31 | green | /assignments/${s.second.id}/report`,
    ]);
    const unit = s.secondKindergarten.name;
    expect(await workOf(s.lead)).toEqual([
      `extension_decide | 促进学前教育普及普惠发展 | 2023-12-31 | green | /extensions`,
      `report_review | ${unit}：${TASK_9} |  | grey | /assignments/${s.second.id}?report=${s.theirs.id}`,
    ]);
    // Undated items oldest first by when they began waiting: the 整改's hand-in and the notice's raising are both
    // stamped by the app's clock (2023-06-15 09:00), so the tie goes by kind, 督办单 before 整改.
    expect(await workOf(s.supervisor)).toEqual([
      `notice_decide | ${TASK_9} |  | grey | /notices/${s.replied.id}`,
      `rectification_verify | 围墙破损 |  | grey | /rectifications/${s.handedIn.id}`,
    ]);
    expect(await workOf(s.admin)).toEqual([
      `rectification_verify | 围墙破损 |  | grey | /rectifications/${s.handedIn.id}`,
    ]);
    // One page at a time, in the same order: the third and fourth of 西城幼儿园's five.
    const second = (await s.kg1.get("/api/my-work?page=2&pageSize=2")).json() as MyWork;
    expect(second).toMatchObject({ total: 5, page: 2, pageSize: 2, abilities: {} });
    expect(second.items.map((i) => i.kind)).toEqual(["report_returned", "assignment_acknowledge"]);
    expect(await workOf(s.leader)).toEqual([]);
    expect(await workOf(s.inspector)).toEqual([]);
    expect(await workOf(s.otherDept)).toEqual([]);
  });
});

describe("GET /api/my-work for a unit's reports", () => {
  it("lists a draft as still to write, drops a submitted report, and shows another bureau nothing", async () => {
    const p = await buildPublishedPlan(t);
    const a = await assignTask9AndOpenCycle(p);
    await ok(
      p.kg1.post(`/api/assignments/${a.assignment.id}/reports`, { cycleId: a.cycle.id, progress: 20 }),
    );
    const items = (await p.kg1.get("/api/my-work")).json().items as MyWork["items"];
    expect(items.map((i) => [i.kind, i.detail])).toEqual([
      ["report_due", "2023年6月 · 草稿"],
      ["assignment_acknowledge", "承办"],
    ]);
    await ok(
      p.kg1.post(`/api/assignments/${a.assignment.id}/reports`, {
        cycleId: a.cycle.id,
        progress: 20,
        submit: true,
      }),
      200,
    );
    expect(await workOf(p.kg1)).toEqual([
      `assignment_acknowledge | ${TASK_9} | 2023-12-31 | green | /assignments/${a.assignment.id}/report`,
    ]);
    // Another bureau's supervisor, with every kind of item waiting in this one, sees none of it.
    const db = t.database.db as Db;
    const other = await buildTenant(db);
    const stranger = await buildUser(db, { tenantId: other.id, role: "supervisor" });
    expect(await workOf(await signIn(t.app, stranger.login, TEST_PASSWORD))).toEqual([]);
  });

  it("links a 批示 on a report to the report, and still loads when the addressee cannot open that report", async () => {
    const p = await buildPublishedPlan(t);
    const a = await assignTask9AndOpenCycle(p);
    const report = await ok(
      p.kg1.post(`/api/assignments/${a.assignment.id}/reports`, {
        cycleId: a.cycle.id,
        progress: 20,
        submit: true,
      }),
    );
    const db = t.database.db as Db;
    const leader = await signIn(
      t.app,
      (await buildUser(db, { tenantId: p.tenant.id, role: "leader" })).login,
      TEST_PASSWORD,
    );
    for (const unitId of [p.kindergarten.id, p.secondKindergarten.id])
      await ok(
        leader.post("/api/instructions", {
          entity: "report",
          entityId: report.id,
          unitId,
          text: "请核实数据",
        }),
      );
    const linkOf = async (session: TestSession) =>
      ((await session.get("/api/my-work")).json() as MyWork).items.find(
        (i) => i.kind === "instruction_acknowledge",
      )?.link;
    expect(await linkOf(p.kg1)).toBe(`/assignments/${a.assignment.id}?report=${report.id}`);
    // The second kindergarten may not open the first one's report: the item opens its notifications instead.
    expect(await linkOf(p.kg2)).toBe("/notifications");
  });

  it("refuses without a session, and a bad page", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/my-work" });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe("unauthenticated");
    const p = await buildPublishedPlan(t);
    const bad = await p.kg1.get("/api/my-work?pageSize=0");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe("validation_failed");
  });
});
