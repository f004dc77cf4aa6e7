import type { ComputedIndicator, PlanDetail } from "@duban/domain";
import { eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../app.js";
import type { Database } from "../db/client.js";
import { migrateDatabase } from "../db/migrate.js";
import { tenants } from "../db/schema.js";
import { createFreshDatabase, type FreshDatabase } from "../test/fresh-database.js";
import { flattenTree, seedPlanText } from "../test/plan-fixtures.js";
import { signIn, type TestSession } from "../test/session.js";
import { TestClock, testConfig } from "../test/test-app.js";
import { DEMO_PASSWORD, seedDemo } from "./demo.js";
import { seedDemoForms } from "./demo-forms.js";

// The demo bureau is one per database (its tenant code is fixed), so it gets a database of its own.
let fresh: FreshDatabase;
let database: Database;
let app: FastifyInstance;
let office: TestSession;
let plan: PlanDetail;
let tenantId: string;
const config = testConfig();

beforeAll(async () => {
  fresh = await createFreshDatabase();
  database = await fresh.open();
  await migrateDatabase(database);
  await seedDemo(database.db, config, { demo: true });
  app = await buildApp({ database, config, clock: new TestClock(), webRoot: null });
  office = await signIn(app, "ducha", DEMO_PASSWORD);
  // The demo plan as the demo seed publishes it: the seed 工作要点, imported and published by the 督查室.
  const draft = (await office.post("/api/plan-imports", { text: seedPlanText })).json();
  const published = await office.post(`/api/plan-imports/${draft.id}/publish`, {
    version: draft.version,
    allowDuplicate: true,
  });
  if (published.statusCode !== 201) throw new Error(published.body);
  plan = (await office.get(`/api/plans/${published.json().planId}`)).json() as PlanDetail;
  const [county] = await database.db.select().from(tenants).where(eq(tenants.code, "wafangdian"));
  tenantId = county!.id;
}, 120_000);

afterAll(async () => {
  await app?.close();
  await database?.close();
  await fresh?.drop();
});

const indicatorNamed = (name: string) =>
  flattenTree(plan.nodes)
    .flatMap((n) => n.indicators)
    .find((i) => i.name === name)!;

describe("the demo's 数据填报", () => {
  it("writes four forms once a plan is published, and only once", async () => {
    expect(await seedDemoForms(database.db, { tenantId, planId: plan.id })).toBe(4);
    expect(await seedDemoForms(database.db, { tenantId, planId: plan.id })).toBe(0);
  });

  it("computes the seed plan's ratios and counts from the filled-in forms", async () => {
    const read = async (name: string) =>
      (await office.get(`/api/indicators/${indicatorNamed(name).id}/computed`)).json() as ComputedIndicator;
    const summary = async (name: string) => {
      const c = await read(name);
      return [name, c.value === null ? null : Math.round(c.value * 100) / 100, c.statusLabel];
    };
    // 8 of 9 kindergartens approved: 1308 of 1678 children in public kindergartens, 1518 in 普惠 ones.
    expect(
      await Promise.all(
        [
          "公办幼儿园在园幼儿占比",
          "普惠园覆盖率",
          "适龄残疾儿童入学率",
          "职业体验活动",
          "参与职业体验",
          "党建示范校",
        ].map(summary),
      ),
    ).toEqual([
      ["公办幼儿园在园幼儿占比", 77.95, "进行中（已报 8/9）"],
      ["普惠园覆盖率", 90.46, "进行中（已报 8/9）"],
      ["适龄残疾儿童入学率", 100, "已达成"],
      ["职业体验活动", 2, "已达成"],
      ["参与职业体验", 500, "已达成"],
      ["党建示范校", 3, "进行中（已报 5/6）"],
    ]);
    const share = await read("公办幼儿园在园幼儿占比");
    expect(share.history.map((h) => [h.at, h.reported])).toEqual([
      ["2023-06-05T02:00:00.000Z", 4],
      ["2023-06-12T02:00:00.000Z", 8],
    ]);
    expect(share.rows.total).toBe(8);
  });

  it("shows the computed figures on the plan page and the cockpit", async () => {
    const detail = (await office.get(`/api/plans/${plan.id}`)).json() as PlanDetail;
    const onPlan = flattenTree(detail.nodes)
      .flatMap((n) => n.indicators)
      .find((i) => i.name === "普惠园覆盖率")!;
    expect([Math.round(onPlan.actual! * 100) / 100, onPlan.coverage]).toEqual([
      90.46,
      { reported: 8, expected: 9 },
    ]);
    const cockpit = (await office.get(`/api/plans/${plan.id}/cockpit`)).json();
    const row = cockpit.indicators.find((i: { name: string }) => i.name === "职业体验活动");
    expect([row.value, row.reported, row.expected, row.status]).toEqual([2, 2, 2, "met"]);
  });
});
