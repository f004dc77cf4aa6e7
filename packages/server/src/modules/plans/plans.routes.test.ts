import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../db/client.js";
import { plans } from "../../db/schema.js";
import { buildTenant, buildUser, TEST_PASSWORD } from "../../test/factories.js";
import { buildPlanBureau, seedPlanText } from "../../test/plan-fixtures.js";
import { signIn } from "../../test/session.js";
import { createTestApp, type TestApp } from "../../test/test-app.js";
import * as repo from "./plans.repository.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

type Bureau = Awaited<ReturnType<typeof buildPlanBureau>>;

/** Imports and publishes the seed plan, returning the plan id. */
async function publishSeed(b: Bureau): Promise<string> {
  const created = (await b.supervisor.post("/api/plan-imports", { text: seedPlanText })).json();
  const res = await b.supervisor.post(`/api/plan-imports/${created.id}/publish`, {
    version: created.version,
    allowDuplicate: true,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().planId;
}

describe("POST /api/plan-imports/:id/publish", () => {
  it("creates the plan with its sections, tasks, measures, indicators and milestone", async () => {
    const b = await buildPlanBureau(t);
    const planId = await publishSeed(b);
    const res = await b.school.get(`/api/plans/${planId}`);
    expect(res.statusCode).toBe(200);
    const plan = res.json();
    expect(plan).toMatchObject({
      year: 2023,
      sectionCount: 6,
      taskCount: 24,
      indicatorCount: 9,
      milestoneCount: 1,
    });
    const task9 = plan.nodes[2].children.find((c: { number: number }) => c.number === 9);
    expect(task9.leadUnit).toEqual({ id: b.preschool.id, name: "学前教育科" });
    expect(task9.measures.length).toBeGreaterThan(3);
    expect(task9.indicators.map((i: { name: string }) => i.name)).toContain("公办幼儿园在园幼儿占比");
    expect(task9.indicators[0]).toMatchObject({
      comparator: "gte",
      targetValue: 50,
      unit: "%",
      aggregation: "average",
    });
    expect(task9.milestones[0]).toMatchObject({ deadline: "2023-09", hedge: "争取" });
  });

  it("is atomic: a lead unit disabled before publishing leaves no plan behind", async () => {
    const b = await buildPlanBureau(t);
    const created = (await b.supervisor.post("/api/plan-imports", { text: seedPlanText })).json();
    const before = (await b.supervisor.get("/api/plans")).json().total;
    const unit = (await b.admin.get(`/api/units/${b.preschool.id}`)).json();
    expect(
      (await b.admin.put(`/api/units/${b.preschool.id}/enabled`, { enabled: false, version: unit.version }))
        .statusCode,
    ).toBe(200);
    const res = await b.supervisor.post(`/api/plan-imports/${created.id}/publish`, {
      version: created.version,
      allowDuplicate: true,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toMatch(/leadUnitId$/);
    expect((await b.supervisor.get("/api/plans")).json().total).toBe(before);
    expect((await b.supervisor.get(`/api/plan-imports/${created.id}`)).json().status).toBe("reviewing");
  });

  it("warns about the same document imported twice and asks before publishing it again", async () => {
    const b = await buildPlanBureau(t);
    const planId = await publishSeed(b);
    const again = (await b.supervisor.post("/api/plan-imports", { text: `\n${seedPlanText}  \n` })).json();
    expect(again.duplicateOf).toMatchObject({ kind: "plan", id: planId });
    const refused = await b.supervisor.post(`/api/plan-imports/${again.id}/publish`, {
      version: again.version,
    });
    expect(refused.statusCode).toBe(409);
    const forced = await b.supervisor.post(`/api/plan-imports/${again.id}/publish`, {
      version: again.version,
      allowDuplicate: true,
    });
    expect(forced.statusCode).toBe(201);
  });

  it("refuses a second publish of the same import", async () => {
    const b = await buildPlanBureau(t);
    const created = (await b.supervisor.post("/api/plan-imports", { text: seedPlanText })).json();
    await b.supervisor.post(`/api/plan-imports/${created.id}/publish`, {
      version: created.version,
      allowDuplicate: true,
    });
    const res = await b.supervisor.post(`/api/plan-imports/${created.id}/publish`, {
      version: created.version + 1,
      allowDuplicate: true,
    });
    expect(res.statusCode).toBe(409);
  });

  it("answers 400 on a missing version and 403 for a school user", async () => {
    const b = await buildPlanBureau(t);
    const created = (await b.supervisor.post("/api/plan-imports", { text: seedPlanText })).json();
    expect((await b.supervisor.post(`/api/plan-imports/${created.id}/publish`, {})).statusCode).toBe(400);
    expect(
      (await b.school.post(`/api/plan-imports/${created.id}/publish`, { version: created.version }))
        .statusCode,
    ).toBe(403);
  });
});

describe("GET /api/plans", () => {
  it("lists plans by year with counts and the years that have plans", async () => {
    const b = await buildPlanBureau(t);
    await publishSeed(b);
    const res = await b.school.get("/api/plans?year=2023");
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ total: 1, years: [2023] });
    expect(res.json().abilities).toEqual({ import: false });
    expect(res.json().items[0].abilities).toEqual({
      copy: false,
      manageCycles: false,
      archive: false,
      unarchive: false,
      ledger: false,
    });
    const forOffice = (await b.supervisor.get("/api/plans?year=2023")).json();
    expect(forOffice.abilities).toEqual({ import: true });
    // The office may archive a published plan (归档), not take back one that is not archived.
    expect(forOffice.items[0].abilities).toEqual({
      copy: true,
      manageCycles: true,
      archive: true,
      unarchive: false,
      ledger: true,
    });
    expect((await b.school.get("/api/plans?year=2024")).json().total).toBe(0);
    expect((await b.supervisor.get("/api/plans?year=abc")).statusCode).toBe(400);
  });

  it("answers 401 without a session and 404 for another tenant's plan", async () => {
    const b = await buildPlanBureau(t);
    const planId = await publishSeed(b);
    expect((await t.app.inject({ method: "GET", url: "/api/plans" })).statusCode).toBe(401);
    const outsider = await buildTenant(t.database.db);
    const stranger = await buildUser(t.database.db, { tenantId: outsider.id, role: "leader" });
    const session = await signIn(t.app, stranger.login, TEST_PASSWORD);
    expect((await session.get(`/api/plans/${planId}`)).statusCode).toBe(404);
  });
});

describe("reading plans", () => {
  it("leaves the document's full text out of the list, the page and the modules' plan reads", async () => {
    const b = await buildPlanBureau(t);
    const planId = await publishSeed(b);
    const db = t.database.db;
    const [stored] = await db.select({ text: plans.sourceText }).from(plans).where(eq(plans.id, planId));
    expect(stored!.text!.length).toBeGreaterThan(1000);
    const tenantId = b.tenant.id;
    const read = [
      (await repo.findPlan(db, tenantId, planId))!.plan,
      (await repo.findPlanWithVersion(db, tenantId, planId))!.plan,
      (await repo.findPlans(db, tenantId, { page: 1, pageSize: 20, publishedOnly: false })).rows[0]!.plan,
    ];
    for (const plan of read) {
      expect(plan).toMatchObject({ id: planId, title: "瓦房店市教育局2023年工作要点", year: 2023 });
      expect(Object.keys(plan)).not.toContain("sourceText");
    }
  });

  it("reads a plan through named statements that PostgreSQL plans once, not on every read", async () => {
    const b = await buildPlanBureau(t);
    const planId = await publishSeed(b);
    // One connection, so every read below runs the named statements on the same session.
    const one =
      t.database.kind === "postgres"
        ? await openDatabase({ url: process.env.TEST_DATABASE_URL, poolSize: 1 })
        : null;
    try {
      const db = one?.db ?? t.database.db;
      for (let i = 0; i < 12; i++) {
        expect((await repo.findPlan(db, b.tenant.id, planId))?.plan.id).toBe(planId);
        const paged = await repo.findPlanWithVersion(db, b.tenant.id, planId);
        expect([paged?.plan.id, paged?.taskCount, typeof paged?.dataVersion]).toEqual([planId, 24, "string"]);
      }
      // Another tenant's id reads nothing through the same statements.
      expect(await repo.findPlan(db, (await buildTenant(t.database.db)).id, planId)).toBeNull();
      if (one) {
        const { rows } =
          (await db.execute(sql`select name, generic_plans, custom_plans from pg_prepared_statements
          where name like 'find_plan%' order by name`)) as unknown as { rows: Record<string, string>[] };
        // Unnamed, each of the 25 reads was planned on its own.
        expect(rows).toEqual([
          { name: "find_plan", generic_plans: "8", custom_plans: "5" },
          { name: "find_plan_with_version", generic_plans: "7", custom_plans: "5" },
        ]);
      }
    } finally {
      await one?.close();
    }
  });
});

describe("POST /api/plans/:id/copy", () => {
  it("copies a plan into the next year as a draft with dates moved a year", async () => {
    const b = await buildPlanBureau(t);
    const planId = await publishSeed(b);
    const res = await b.supervisor.post(`/api/plans/${planId}/copy`, { year: 2024 });
    expect(res.statusCode).toBe(201);
    const { draft, status } = res.json();
    expect(status).toBe("reviewing");
    expect(draft.title).toBe("瓦房店市教育局2024年工作要点");
    expect(draft.year).toBe(2024);
    const task9 = draft.nodes[2].children.find((c: { number: number }) => c.number === 9);
    expect(task9.milestones[0].deadline).toBe("2024-09");
    expect(task9.targets[0].deadline).toBe("2024");
    expect((await b.school.post(`/api/plans/${planId}/copy`, { year: 2024 })).statusCode).toBe(403);
    expect((await b.supervisor.post(`/api/plans/${planId}/copy`, { year: "next" })).statusCode).toBe(400);
  });
});

describe("/api/unit-keywords", () => {
  it("lets admins edit the dictionary and refuses others or unknown units", async () => {
    const b = await buildPlanBureau(t);
    expect((await b.supervisor.get("/api/unit-keywords")).json().entries).toEqual([
      { keyword: "学前", unitId: b.preschool.id, unitName: "学前教育科" },
    ]);
    expect((await b.supervisor.put("/api/unit-keywords", { entries: [] })).statusCode).toBe(403);
    const other = await buildPlanBureau(t);
    const bad = await b.admin.put("/api/unit-keywords", {
      entries: [{ keyword: "幼儿", unitId: other.preschool.id }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe("entries.0.unitId");
    expect((await b.school.get("/api/unit-keywords")).statusCode).toBe(403);
  });
});
