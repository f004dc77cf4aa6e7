import type { PlanDetail } from "@duban/domain";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.js";
import { indicators, milestones, planNodes } from "../../db/schema.js";
import { buildUser, TEST_PASSWORD } from "../../test/factories.js";
import { buildPublishedPlan, flattenTree } from "../../test/plan-fixtures.js";
import { signIn } from "../../test/session.js";
import { createTestApp, type TestApp } from "../../test/test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

/** An indicator body as the task page sends it. */
function indicatorBody(deadline: unknown) {
  return {
    name: "新增公办学位",
    comparator: "gte",
    targetValue: 500,
    targetMax: null,
    unit: "个",
    deadline,
    aggregation: "sum",
    reason: "细化",
  };
}

describe("plan dates", () => {
  it("refuses an indicator deadline that is no date with 400 naming the field", async () => {
    const p = await buildPublishedPlan(t);
    const url = `/api/nodes/${p.task9.id}/indicators`;
    for (const bad of ["NaN", "2023-02-30", "2023-13", "1999-12-31", "2101", "明年", 2023]) {
      const res = await p.supervisor.post(url, indicatorBody(bad));
      expect(res.statusCode, String(bad)).toBe(400);
      expect(res.json().error.code).toBe("validation_failed");
      expect(res.json().error.details.map((d: { path: string }) => d.path)).toEqual(["deadline"]);
    }
    const added = await p.supervisor.post(url, indicatorBody("2023-09"));
    expect(added.statusCode, added.body).toBe(201);
    const edit = await p.supervisor.put(`/api/indicators/${added.json().id}`, indicatorBody("NaN"));
    expect(edit.statusCode).toBe(400);
    expect(edit.json().error.details[0].path).toBe("deadline");
    const [stored] = await (t.database.db as Db)
      .select({ deadline: indicators.deadline })
      .from(indicators)
      .where(eq(indicators.id, added.json().id));
    expect(stored!.deadline).toBe("2023-09");
  });

  it("still shows a plan to every role when dates stored behind the API's back are no dates", async () => {
    const p = await buildPublishedPlan(t);
    const db = t.database.db as Db;
    const scope = (table: typeof indicators | typeof milestones) =>
      and(eq(table.tenantId, p.tenant.id), eq(table.planId, p.planId));
    await db.update(indicators).set({ deadline: "NaN" }).where(scope(indicators));
    await db.update(milestones).set({ deadline: "2023-02-30" }).where(scope(milestones));
    await db
      .update(planNodes)
      .set({ startDate: "garbage", dueDate: "NaN", deadline: "9999-99" })
      .where(eq(planNodes.id, p.task9.id));
    const leader = await buildUser(db, { tenantId: p.tenant.id, role: "leader" });
    const sessions = {
      supervisor: p.supervisor,
      admin: p.admin,
      lead: p.lead,
      school: p.kg1,
      leader: await signIn(t.app, leader.login, TEST_PASSWORD),
    };
    for (const [role, session] of Object.entries(sessions)) {
      const res = await session.get(`/api/plans/${p.planId}`);
      expect(res.statusCode, `${role}: ${res.body.slice(0, 200)}`).toBe(200);
      const task9 = flattenTree((res.json() as PlanDetail).nodes).find((n) => n.id === p.task9.id)!;
      // The stored values are shown as they are, so they can be seen and corrected …
      expect([task9.startDate, task9.dueDate, task9.deadline]).toEqual(["garbage", "NaN", "9999-99"]);
      // … while lights and statuses treat them as unknown: the plan year, so on 2023-06-15 nothing done is
      // behind its 序时进度 of 45 % (166 of 365 days), not overdue.
      expect(task9.light).toBe("yellow");
      const indicator = flattenTree((res.json() as PlanDetail).nodes).flatMap((n) => n.indicators)[0]!;
      // Likewise the indicator: due at the end of the plan year, with no value yet on 2023-06-15.
      expect(indicator).toMatchObject({ deadline: "NaN", actual: null, status: "no_data" });
    }
    // A copy for next year leaves the unreadable dates blank instead of failing.
    const copy = await p.supervisor.post(`/api/plans/${p.planId}/copy`, { year: 2024 });
    expect(copy.statusCode, copy.body.slice(0, 200)).toBe(201);
  });
});
