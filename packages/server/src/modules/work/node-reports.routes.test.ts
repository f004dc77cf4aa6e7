import type { ReportPage } from "@duban/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.js";
import { buildUser, TEST_PASSWORD } from "../../test/factories.js";
import { assignTask9AndOpenCycle, buildPublishedPlan } from "../../test/plan-fixtures.js";
import { signIn } from "../../test/session.js";
import { createTestApp, type TestApp } from "../../test/test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

/** Task 9 with both kindergartens' reports of 2023年6月 in: the first approved, the second submitted. */
async function setUp() {
  const p = await buildPublishedPlan(t);
  const a = await assignTask9AndOpenCycle(p);
  const submit = async (session: typeof p.kg1, assignmentId: string, progress: number) => {
    const res = await session.post(`/api/assignments/${assignmentId}/reports`, {
      cycleId: a.cycle.id,
      progress,
      submit: true,
    });
    expect(res.statusCode).toBe(201);
    return res.json() as { id: string; version: number };
  };
  const first = await submit(p.kg1, a.assignment.id, 60);
  const approved = await p.lead.post(`/api/reports/${first.id}/review`, {
    decision: "approve",
    version: first.version,
  });
  expect(approved.statusCode).toBe(200);
  const second = await submit(p.kg2, a.second.id, 30);
  return { ...p, ...a, first, second, url: `/api/nodes/${p.task9.id}/reports` };
}

describe("GET /api/nodes/:nodeId/reports", () => {
  it("pages every unit's reports of a task in one request, with each report's abilities", async () => {
    const s = await setUp();
    const page = (await s.lead.get(`${s.url}?page=1&pageSize=1`)).json() as ReportPage;
    // Same cycle: the latest submitted first. Submitted at the same instant on the test clock, so the unit
    // name decides: 第二幼儿园… sorts before 西城幼儿园.
    expect(page).toMatchObject({ total: 2, page: 1, pageSize: 1, abilities: {} });
    expect(page.items.map((r) => [r.unit.name, r.status, r.progress, r.abilities.review])).toEqual([
      [s.secondKindergarten.name, "submitted", 30, true],
    ]);
    const next = (await s.lead.get(`${s.url}?page=2&pageSize=1`)).json() as ReportPage;
    expect(next.items.map((r) => [r.unit.name, r.status, r.abilities.review])).toEqual([
      ["西城幼儿园", "approved", false],
    ]);
  });

  it("filters by state, for the indicator chart's approved values", async () => {
    const s = await setUp();
    const page = (await s.supervisor.get(`${s.url}?status=approved`)).json() as ReportPage;
    expect(page.items.map((r) => r.id)).toEqual([s.first.id]);
    expect(page.total).toBe(1);
  });

  it("shows a school its own unit's reports only, and an inspector none", async () => {
    const s = await setUp();
    const own = (await s.kg2.get(s.url)).json() as ReportPage;
    expect(own.items.map((r) => r.id)).toEqual([s.second.id]);
    expect(own.items[0]!.abilities).toEqual({ edit: false, submit: false, review: false });
    const db = t.database.db as Db;
    const inspector = await buildUser(db, { tenantId: s.tenant.id, role: "inspector" });
    const session = await signIn(t.app, inspector.login, TEST_PASSWORD);
    expect((await session.get(s.url)).json()).toEqual({
      items: [],
      total: 0,
      page: 1,
      pageSize: 20,
      abilities: {},
    });
  });

  it("refuses without a session, bad paging or state, and another bureau's task", async () => {
    const s = await setUp();
    expect((await t.app.inject({ method: "GET", url: s.url })).statusCode).toBe(401);
    const badSize = await s.lead.get(`${s.url}?pageSize=0`);
    expect(badSize.statusCode).toBe(400);
    expect(badSize.json().error.code).toBe("validation_failed");
    const badState = await s.lead.get(`${s.url}?status=lost`);
    expect(badState.statusCode).toBe(400);
    expect(badState.json().error.details).toEqual([
      { path: "querystring.status", message: "状态应为草稿、已提交、已退回或已通过" },
    ]);
    const other = await buildPublishedPlan(t);
    const foreign = await other.supervisor.get(s.url);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.code).toBe("not_found");
  });
});
