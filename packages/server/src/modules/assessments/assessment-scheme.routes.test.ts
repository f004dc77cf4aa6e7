import { type AssessmentScheme, defaultAssessmentScheme } from "@duban/domain";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.js";
import { users } from "../../db/schema.js";
import {
  type AssessmentBureau,
  auditActionsOf,
  buildAssessmentBureau,
  runAssessment,
} from "../../test/assessment-fixtures.js";
import { buildPublishedPlan, type PublishedPlan } from "../../test/plan-fixtures.js";
import { createTestApp, type TestApp } from "../../test/test-app.js";
import { lockedScheme } from "./scheme.service.js";
import { lockScheme } from "./schemes.repository.js";

let t: TestApp;
let b: AssessmentBureau;
let other: PublishedPlan;
beforeAll(async () => {
  t = await createTestApp();
  b = await buildAssessmentBureau(t);
  other = await buildPublishedPlan(t);
}, 180_000);
afterAll(async () => t?.close());

/** A plan of one task in the bureau beside the seed plan, to copy a scheme from or into. */
async function shortPlan(): Promise<string> {
  const text = `${Math.random().toString(16).slice(2, 8)}教育局2023年工作要点\n一、加强党的建设\n1.落实主体责任。（牵头单位：学前教育科）`;
  const draft = (await b.supervisor.post("/api/plan-imports", { text })).json();
  const res = await b.supervisor.post(`/api/plan-imports/${draft.id}/publish`, { version: draft.version });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().planId;
}

/** The default scheme with seven appeal days, a change the editor can make. */
function sevenDays(): AssessmentScheme {
  return { ...defaultAssessmentScheme(), appealDays: 7 };
}

describe("the 考评方案 of a plan", () => {
  it("reads the default scheme at version 0 until the 督查室 saves one", async () => {
    const plan = await shortPlan();
    const res = await b.supervisor.get(`/api/plans/${plan}/assessment-scheme`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      planId: plan,
      scheme: defaultAssessmentScheme(),
      version: 0,
      isDefault: true,
      lockedAt: null,
      abilities: { edit: true, run: true },
    });
  });

  it("lets leaders and units read it without offering to edit, and refuses admins and inspectors", async () => {
    for (const s of [b.leaderSession, b.lead, b.kg1]) {
      const res = await s.get(`/api/plans/${b.planId}/assessment-scheme`);
      expect([res.statusCode, res.json().abilities]).toEqual([200, { edit: false, run: false }]);
    }
    for (const s of [b.admin, b.inspector])
      expect((await s.get(`/api/plans/${b.planId}/assessment-scheme`)).statusCode).toBe(403);
  });

  it("saves at the version read, then refuses the same stale version with 409", async () => {
    const plan = await shortPlan();
    const saved = await b.supervisor.put(`/api/plans/${plan}/assessment-scheme`, {
      scheme: sevenDays(),
      version: 0,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ version: 1, isDefault: false, lockedAt: null });
    expect(saved.json().scheme.appealDays).toBe(7);
    const stale = await b.supervisor.put(`/api/plans/${plan}/assessment-scheme`, {
      scheme: defaultAssessmentScheme(),
      version: 0,
    });
    expect([stale.statusCode, stale.json().error.code]).toEqual([409, "stale_version"]);
    expect((await b.supervisor.get(`/api/plans/${plan}/assessment-scheme`)).json().scheme.appealDays).toBe(7);
    expect(await auditActionsOf(t, b.tenant.id, plan)).toEqual(["plan.publish", "assessment_scheme.save"]);
  });

  it("names the field when the items do not add up to the total", async () => {
    const scheme = defaultAssessmentScheme();
    scheme.categories[1]!.items[0]!.points = 41;
    const res = await b.supervisor.put(`/api/plans/${b.planId}/assessment-scheme`, { scheme, version: 0 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([
      { path: "scheme.categories.1.items", message: "各考评项分值合计为 101 分，应等于总分 100 分" },
    ]);
  });

  it("refuses every role but the 督查室 with 403, and asks for a session", async () => {
    const body = { scheme: sevenDays(), version: 0 };
    for (const s of [b.admin, b.leaderSession, b.lead, b.kg1, b.inspector])
      expect((await s.put(`/api/plans/${b.planId}/assessment-scheme`, body)).statusCode).toBe(403);
    const anonymous = await t.app.inject({
      method: "PUT",
      url: `/api/plans/${b.planId}/assessment-scheme`,
      payload: body,
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it("answers 404 for another bureau's plan", async () => {
    expect((await other.supervisor.get(`/api/plans/${b.planId}/assessment-scheme`)).statusCode).toBe(404);
    const put = await other.supervisor.put(`/api/plans/${b.planId}/assessment-scheme`, {
      scheme: sevenDays(),
      version: 0,
    });
    expect(put.statusCode).toBe(404);
  });
});

describe("copying a scheme from last year's plan", () => {
  it("takes the other plan's saved scheme at the version read", async () => {
    const lastYear = await shortPlan();
    await b.supervisor.put(`/api/plans/${lastYear}/assessment-scheme`, { scheme: sevenDays(), version: 0 });
    const plan = await shortPlan();
    const res = await b.supervisor.post(`/api/plans/${plan}/assessment-scheme/copy`, {
      fromPlanId: lastYear,
      version: 0,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ version: 1, isDefault: false, scheme: sevenDays() });
    expect(await auditActionsOf(t, b.tenant.id, plan)).toEqual(["plan.publish", "assessment_scheme.copy"]);
    const stale = await b.supervisor.post(`/api/plans/${plan}/assessment-scheme/copy`, {
      fromPlanId: lastYear,
      version: 0,
    });
    expect(stale.statusCode).toBe(409);
  });

  it("answers 404 for another bureau's plan to copy from, and 400 naming a malformed one", async () => {
    const plan = await shortPlan();
    const foreign = await b.supervisor.post(`/api/plans/${plan}/assessment-scheme/copy`, {
      fromPlanId: other.planId,
      version: 0,
    });
    expect(foreign.statusCode).toBe(404);
    const bad = await b.supervisor.post(`/api/plans/${plan}/assessment-scheme/copy`, {
      fromPlanId: "去年",
      version: 0,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe("fromPlanId");
    expect(
      (
        await b.leaderSession.post(`/api/plans/${plan}/assessment-scheme/copy`, {
          fromPlanId: b.planId,
          version: 0,
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe("the lock of the first formal run", () => {
  it("leaves the scheme editable after a trial run, and locks it with the first formal run", async () => {
    const plan = await shortPlan();
    await runAssessment({ supervisor: b.supervisor, planId: plan }, { asOf: "2023-06-15", final: false });
    const afterTrial = (await b.supervisor.get(`/api/plans/${plan}/assessment-scheme`)).json();
    expect([afterTrial.isDefault, afterTrial.lockedAt]).toEqual([true, null]);

    await runAssessment({ supervisor: b.supervisor, planId: plan }, { asOf: "2023-06-15", final: true });
    const locked = (await b.supervisor.get(`/api/plans/${plan}/assessment-scheme`)).json();
    // The plan ran on the default scheme: the formal run saved it as the plan's, locked at the app's clock.
    expect(locked).toMatchObject({
      version: 1,
      isDefault: false,
      lockedAt: "2023-06-15T01:00:00.000Z",
      abilities: { edit: false, run: true },
      scheme: defaultAssessmentScheme(),
    });
    const put = await b.supervisor.put(`/api/plans/${plan}/assessment-scheme`, {
      scheme: sevenDays(),
      version: 1,
    });
    expect([put.statusCode, put.json().error.code, put.json().error.message]).toEqual([
      409,
      "conflict",
      lockedScheme,
    ]);
    const copy = await b.supervisor.post(`/api/plans/${plan}/assessment-scheme/copy`, {
      fromPlanId: b.planId,
      version: 1,
    });
    expect(copy.statusCode).toBe(409);
  });

  it("never locks a scheme saved after the run read it: the lock holds only at the version scored", async () => {
    const plan = await shortPlan();
    const saved = await b.supervisor.put(`/api/plans/${plan}/assessment-scheme`, {
      scheme: sevenDays(),
      version: 0,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const db = t.database.db as Db;
    const [someone] = await db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.tenantId, b.tenant.id))
      .limit(1);
    const lock = (scoredVersion: number) =>
      lockScheme(db, {
        tenantId: b.tenant.id,
        planId: plan,
        scheme: defaultAssessmentScheme(),
        updatedBy: someone!.id,
        at: t.clock.now(),
        scoredVersion,
      });
    // A run scored by the default (version 0) while the 督查室 saved version 1: nothing locked.
    expect(await lock(0)).toBe(false);
    expect((await b.supervisor.get(`/api/plans/${plan}/assessment-scheme`)).json()).toMatchObject({
      version: 1,
      lockedAt: null,
      scheme: sevenDays(),
    });
    expect(await lock(1)).toBe(true);
    expect((await b.supervisor.get(`/api/plans/${plan}/assessment-scheme`)).json()).toMatchObject({
      version: 1,
      lockedAt: "2023-06-15T01:00:00.000Z",
      scheme: sevenDays(),
    });
  });
});
