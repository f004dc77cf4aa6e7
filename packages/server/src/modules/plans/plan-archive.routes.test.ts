import type { PlanDetail } from "@duban/domain";
import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.js";
import { plans, reminderLog } from "../../db/schema.js";
import { runReminders } from "../../jobs/run-reminders.js";
import { buildAssignedPlan, setDueInDays } from "../../test/notice-fixtures.js";
import { buildPlanBureau, buildPublishedPlan, seedPlanText } from "../../test/plan-fixtures.js";
import { createTestApp, TEST_NOW, type TestApp } from "../../test/test-app.js";
import { raiseAutoNotices } from "../notices/index.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());
afterEach(() => t.clock.set(TEST_NOW));

/** 10:00 on 2026-12-03 in Shanghai: three years after the 2023 seed plan's year. */
const LATE = new Date("2026-12-03T10:00:00+08:00");

/** What follows up the tenant's work today: the reminders sent and the automatic notices raised. */
async function followUp(tenantId: string) {
  const now = t.clock.now();
  const reminders = await runReminders({ database: t.database, now, tenantId });
  const scan = await raiseAutoNotices({ database: t.database }, { tenantId, now });
  return { sent: reminders.sent, raised: scan.raised };
}

/** Imports the seed plan, publishes it with `body`, and hands task 9 to the bureau's kindergarten. */
async function publishSeed(b: Awaited<ReturnType<typeof buildPlanBureau>>, body: Record<string, unknown>) {
  const draft = (await b.supervisor.post("/api/plan-imports", { text: seedPlanText })).json();
  const res = await b.supervisor.post(`/api/plan-imports/${draft.id}/publish`, {
    version: draft.version,
    allowDuplicate: true,
    ...body,
  });
  return { draft, res };
}

describe("publishing a plan whose year is over", () => {
  it("asks whether it is a record or live work, then publishes a record archived, with nothing followed up", async () => {
    t.clock.set(LATE);
    const b = await buildPlanBureau(t);
    const { draft, res: asked } = await publishSeed(b, {});
    expect(asked.statusCode).toBe(409);
    expect(asked.json().error).toEqual({
      code: "conflict",
      message: "这是 2023 年的计划，年度已过：请选择作为存档（不催办、不自动督办）发布，还是继续督办",
      details: { pastYear: 2023 },
    });
    const published = await b.supervisor.post(`/api/plan-imports/${draft.id}/publish`, {
      version: draft.version,
      allowDuplicate: true,
      pastYear: "record",
    });
    expect(published.statusCode, published.body).toBe(201);
    const plan = (await b.supervisor.get(`/api/plans/${published.json().planId}`)).json() as PlanDetail;
    expect({ status: plan.status, livePastYear: plan.livePastYear, abilities: plan.abilities }).toEqual({
      status: "archived",
      livePastYear: false,
      abilities: { copy: true, manageCycles: true, archive: false, unarchive: true, ledger: true },
    });
    // The school still reads a record.
    expect((await b.school.get(`/api/plans/${plan.id}`)).statusCode).toBe(200);
  });

  it("publishes a past year's plan chosen as live as published and kept live", async () => {
    t.clock.set(LATE);
    const b = await buildPlanBureau(t);
    const { res } = await publishSeed(b, { pastYear: "live" });
    expect(res.statusCode, res.body).toBe(201);
    const plan = (await b.supervisor.get(`/api/plans/${res.json().planId}`)).json() as PlanDetail;
    expect({ status: plan.status, livePastYear: plan.livePastYear }).toEqual({
      status: "published",
      livePastYear: true,
    });
  });
});

describe("reminders and automatic 督办 stop for past years and archived plans", () => {
  it("sends no 催办 and raises no 督办单 on a 2023 plan in 2026, where a live one gets both", async () => {
    const p = await buildAssignedPlan(t);
    // buildAssignedPlan keeps its plan live; this one is made an ordinary plan of its year again.
    const db = t.database.db as Db;
    await db.update(plans).set({ livePastYear: false }).where(eq(plans.id, p.planId));
    t.clock.set(LATE);
    expect(await followUp(p.tenant.id)).toEqual({ sent: 0, raised: 0 });
    // Kept live, the same overdue assignment is reminded and raised.
    await db.update(plans).set({ livePastYear: true }).where(eq(plans.id, p.planId));
    // Overdue since 2023: the daily overdue 催办 with its escalations, and one 督办单.
    expect(await followUp(p.tenant.id)).toEqual({ sent: 3, raised: 1 });
  });

  it("归档 stops the reminders of this year's plan, and 取消归档 brings them back", async () => {
    const p = await buildAssignedPlan(t);
    await setDueInDays(t, p.assignmentId, 0);
    const plan = (await p.supervisor.get(`/api/plans/${p.planId}`)).json() as PlanDetail;
    expect(plan.abilities).toMatchObject({ archive: true, unarchive: false });
    const archived = await p.supervisor.post(`/api/plans/${p.planId}/archive`, { version: plan.version });
    expect(archived.statusCode, archived.body).toBe(200);
    expect(archived.json()).toMatchObject({
      status: "archived",
      abilities: { archive: false, unarchive: true },
    });
    expect(await followUp(p.tenant.id)).toEqual({ sent: 0, raised: 0 });
    const again = await p.supervisor.post(`/api/plans/${p.planId}/archive`, { version: plan.version + 1 });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe("只有已发布的计划可以归档");
    const back = await p.supervisor.post(`/api/plans/${p.planId}/unarchive`, { version: plan.version + 1 });
    expect(back.statusCode, back.body).toBe(200);
    // The fixture's plan is kept live; taking it back leaves that as it was.
    expect(back.json()).toMatchObject({ status: "published", livePastYear: true });
    // Due today: the unit is reminded once the plan is followed up again.
    const sent = await followUp(p.tenant.id);
    const claimed = await (t.database.db as Db)
      .select({ kind: reminderLog.kind })
      .from(reminderLog)
      .where(and(eq(reminderLog.tenantId, p.tenant.id), eq(reminderLog.assignmentId, p.assignmentId)));
    // Due today at 0 %: the due-day 催办 and the notice the lights call for, as if it had never been archived.
    expect(sent).toEqual({ sent: 1, raised: 1 });
    expect(claimed).toEqual([{ kind: "due@2023-06-15" }]);
  });

  it("refuses 归档 to other roles and a stale version", async () => {
    const p = await buildPublishedPlan(t);
    const plan = (await p.supervisor.get(`/api/plans/${p.planId}`)).json() as PlanDetail;
    expect((await p.lead.post(`/api/plans/${p.planId}/archive`, { version: plan.version })).statusCode).toBe(
      403,
    );
    expect((await p.kg1.post(`/api/plans/${p.planId}/archive`, { version: plan.version })).statusCode).toBe(
      403,
    );
    const stale = await p.supervisor.post(`/api/plans/${p.planId}/archive`, { version: plan.version + 5 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe("stale_version");
  });
});
