import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPublishedPlan } from "../../test/plan-fixtures.js";
import { createTestApp, type TestApp } from "../../test/test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe("PUT /api/plans/:id/settings", () => {
  it("lets the supervisor set the cadence and tolerance, refusing others, bad values and stale versions", async () => {
    const p = await buildPublishedPlan(t);
    const plan = (await p.supervisor.get(`/api/plans/${p.planId}`)).json();
    const body = { cadence: "weekly", cadenceDueDay: 5, lightTolerance: 15, version: plan.version };
    expect(
      (await t.app.inject({ method: "PUT", url: `/api/plans/${p.planId}/settings`, payload: body }))
        .statusCode,
    ).toBe(401);
    expect((await p.lead.put(`/api/plans/${p.planId}/settings`, body)).statusCode).toBe(403);
    const bad = await p.supervisor.put(`/api/plans/${p.planId}/settings`, { ...body, cadence: "daily" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe("cadence");
    expect((await p.supervisor.put(`/api/plans/${p.planId}/settings`, body)).statusCode).toBe(204);
    expect((await p.supervisor.put(`/api/plans/${p.planId}/settings`, body)).statusCode).toBe(409);
    expect((await p.supervisor.get(`/api/plans/${p.planId}`)).json()).toMatchObject({
      cadence: "weekly",
      cadenceDueDay: 5,
      lightTolerance: 15,
    });
  });
});

describe("/api/plans/:id/cycles", () => {
  it("opens one cycle at a time, lists it with its counts, and closes it", async () => {
    const p = await buildPublishedPlan(t);
    expect((await p.lead.post(`/api/plans/${p.planId}/cycles`, {})).statusCode).toBe(403);
    const opened = await p.supervisor.post(`/api/plans/${p.planId}/cycles`, {});
    expect(opened.statusCode).toBe(201);
    // The month the clock is in (2023-06-15), due on the plan's default 25th.
    expect(opened.json()).toMatchObject({
      status: "open",
      kind: "monthly",
      name: "2023年6月",
      startDate: "2023-06-01",
      dueDate: "2023-06-25",
    });
    expect((await p.supervisor.post(`/api/plans/${p.planId}/cycles`, {})).statusCode).toBe(409);
    await p.lead.post(`/api/nodes/${p.task9.id}/assignments`, {
      unitIds: [p.kindergarten.id],
      role: "executor",
    });
    const list = (await p.kg1.get(`/api/plans/${p.planId}/cycles`)).json();
    expect(list).toMatchObject({ total: 1, page: 1, pageSize: 20, abilities: { open: false } });
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ expected: 1, submitted: 0, approved: 0 });
    expect(list.items[0].abilities).toEqual({ close: false });
    // The supervision office opens and closes cycles, so its list offers the next one.
    const office = (await p.supervisor.get(`/api/plans/${p.planId}/cycles`)).json();
    expect(office.abilities).toEqual({ open: true });
    expect(office.items[0].abilities).toEqual({ close: true });
    expect(
      (await p.supervisor.post(`/api/cycles/${opened.json().id}/close`, { version: 99 })).statusCode,
    ).toBe(409);
    expect(
      (await p.supervisor.post(`/api/cycles/${opened.json().id}/close`, { version: opened.json().version }))
        .statusCode,
    ).toBe(204);
    expect(
      (
        await p.supervisor.post(`/api/cycles/${opened.json().id}/close`, {
          version: opened.json().version + 1,
        })
      ).statusCode,
    ).toBe(409);
  });

  it("opens an ad hoc cycle with its own dates and refuses a due date before the start", async () => {
    const p = await buildPublishedPlan(t);
    const bad = await p.supervisor.post(`/api/plans/${p.planId}/cycles`, {
      name: "专项调度",
      startDate: "2023-06-10",
      dueDate: "2023-06-01",
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe("dueDate");
    const res = await p.supervisor.post(`/api/plans/${p.planId}/cycles`, {
      name: "专项调度",
      startDate: "2023-06-01",
      dueDate: "2023-06-10",
    });
    expect(res.json()).toMatchObject({ name: "专项调度", kind: "adhoc", dueDate: "2023-06-10" });
  });

  it("answers 404 for another tenant's plan or cycle", async () => {
    const p = await buildPublishedPlan(t);
    const other = await buildPublishedPlan(t);
    const cycle = (await p.supervisor.post(`/api/plans/${p.planId}/cycles`, {})).json();
    expect((await other.supervisor.get(`/api/plans/${p.planId}/cycles`)).statusCode).toBe(404);
    expect(
      (await other.supervisor.post(`/api/cycles/${cycle.id}/close`, { version: cycle.version })).statusCode,
    ).toBe(404);
  });
});
