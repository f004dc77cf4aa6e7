import type { PlanDetail } from "@duban/domain";
import { eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../app.js";
import type { Database } from "../db/client.js";
import { migrateDatabase } from "../db/migrate.js";
import { tenants } from "../db/schema.js";
import { createFreshDatabase, type FreshDatabase } from "../test/fresh-database.js";
import { flattenTree } from "../test/plan-fixtures.js";
import { signIn, type TestSession } from "../test/session.js";
import { TEST_NOW, TestClock, testConfig } from "../test/test-app.js";
import { DEMO_PASSWORD, seedDemo } from "./demo.js";
import { seedDemoPlan } from "./demo-plan.js";
import type { DemoPlanIds } from "./demo-story.js";

// The demo bureau is one per database (its tenant code is fixed), so the story runs on a database of its own.
let fresh: FreshDatabase;
let database: Database;
let app: FastifyInstance;
let ids: DemoPlanIds | null;
let seconds: number;
let office: TestSession;
const config = testConfig();

beforeAll(async () => {
  fresh = await createFreshDatabase();
  database = await fresh.open();
  await migrateDatabase(database);
  await seedDemo(database.db, config, { demo: true });
  const started = performance.now();
  ids = await seedDemoPlan(database, config, TEST_NOW);
  seconds = (performance.now() - started) / 1000;
  app = await buildApp({ database, config, clock: new TestClock(), webRoot: null });
  office = await signIn(app, "ducha", DEMO_PASSWORD);
}, 120_000);

afterAll(async () => {
  await app?.close();
  await database?.close();
  await fresh?.drop();
});

describe("the demo plan on first start", () => {
  it("publishes 大连市教育局's plan, whose task 9 carries 瓦房店's two preschool targets, for 上下联动", async () => {
    const city = await signIn(app, "dlducha", DEMO_PASSWORD);
    const list = (await city.get("/api/plans")).json() as { items: { id: string; title: string }[] };
    expect(list.items.map((p) => p.title)).toEqual(["大连市教育局2023年工作要点"]);
    const plan = (await city.get(`/api/plans/${list.items[0]!.id}`)).json() as PlanDetail;
    const task9 = flattenTree(plan.nodes).find((n) => n.level === "task" && n.number === 9)!;
    expect(task9.indicators.map((i) => [i.name, i.targetValue, i.unit])).toEqual([
      ["公办幼儿园在园幼儿占比", 50, "%"],
      ["普惠园覆盖率", 85, "%"],
    ]);
    const below = (await city.get("/api/cascade/subordinates")).json() as { items: { name: string }[] };
    expect(below.items.map((b) => b.name)).toEqual(["瓦房店市教育局"]);
  });

  it("publishes the seed plan once, in a few seconds, and leaves a bureau with a plan alone", async () => {
    expect(ids).not.toBeNull();
    console.log(`demo plan story: ${seconds.toFixed(2)} s`);
    expect(seconds).toBeLessThan(20);
    expect(await seedDemoPlan(database, config, TEST_NOW)).toBeNull();
    const list = (await office.get("/api/plans")).json() as { items: { id: string; title: string }[] };
    expect(list.items.map((p) => [p.id, p.title])).toEqual([[ids!.planId, "瓦房店市教育局2023年工作要点"]]);
  });

  it("shows the leader a cockpit of today: task 8 overdue, task 9's six kindergartens, the open 督办单 and a trend", async () => {
    const leader = await signIn(app, "juzhang", DEMO_PASSWORD);
    const res = await leader.get(`/api/plans/${ids!.planId}/cockpit`);
    expect(res.statusCode).toBe(200);
    const cockpit = res.json();
    // On 2023-06-15 task 8, brought forward to 31 May, is overdue; the others are behind 序时进度 (47.8 %).
    expect(cockpit.completion).toEqual({
      tasks: { red: 1, yellow: 23, green: 0, grey: 0, blue: 0 },
      taskCount: 24,
      light: "red",
      progress: 1.4,
      expectedProgress: 47.8,
      overdueTasks: 1,
      // 第二 55 %, 复州 45 %, 李官 40 % are at or above 35.5 %; 得利寺 15 %, 阳光 30 %, 启明星 10 % are behind.
      assignments: { red: 0, yellow: 3, green: 3, grey: 0, blue: 0 },
    });
    // 得利寺's yellow notice is open; 启明星's blue one, raised 12 June 10:00, was answered 13 June 15:00 (29 hours).
    expect(cockpit.supervision).toEqual({
      openNotices: { blue: 0, yellow: 1, red: 0 },
      averageReplyDays: 1.2,
      overdueRectifications: 0,
      unacknowledgedInstructions: 0,
    });
    expect(cockpit.trend.map((p: { day: string; progress: number }) => [p.day, p.progress])).toEqual([
      ["2023-01-01", 0],
      ["2023-02-01", 0],
      ["2023-03-01", 0],
      ["2023-04-01", 0],
      ["2023-05-01", 0],
      ["2023-05-04", 0],
      ["2023-05-15", 0.9],
      ["2023-05-31", 0.9],
      ["2023-06-01", 0.9],
      ["2023-06-11", 1.2],
      ["2023-06-14", 1.4],
      ["2023-06-15", 1.4],
    ]);
  });

  it("records the June cycle as it stood: two on time, one late, three missing, the three in approved", async () => {
    const { loadPlanSnapshot } = await import("../modules/snapshots/index.js");
    const [county] = await database.db.select().from(tenants).where(eq(tenants.code, "wafangdian"));
    const day = await loadPlanSnapshot(database.db, {
      tenantId: county!.id,
      planId: ids!.planId,
      asOf: "2023-06-14",
    });
    expect(day?.cycle).toMatchObject({ name: "2023年6月", startDate: "2023-06-01", dueDate: "2023-06-10" });
    const reports = Object.fromEntries(
      day!.units.filter((u) => u.kind === "school").map((u) => [u.name, u.reports]),
    );
    expect(reports).toEqual({
      瓦房店市第二幼儿园: { due: 1, onTime: 1, late: 0, missing: 0, approved: 1 },
      复州城镇中心幼儿园: { due: 1, onTime: 1, late: 0, missing: 0, approved: 1 },
      李官镇中心幼儿园: { due: 1, onTime: 0, late: 1, missing: 0, approved: 1 },
      // Returned on 9 June and not sent again: not in.
      瓦房店市阳光幼儿园: { due: 1, onTime: 0, late: 0, missing: 1, approved: 0 },
      得利寺镇中心幼儿园: { due: 1, onTime: 0, late: 0, missing: 1, approved: 0 },
      瓦房店市启明星幼儿园: { due: 1, onTime: 0, late: 0, missing: 1, approved: 0 },
    });
  });

  it("has issued the May 通报 with the year's first 文号, praising the five on time and naming 启明星 late", async () => {
    const res = await office.get(`/api/bulletins/${ids!.bulletinId}`);
    expect(res.statusCode).toBe(200);
    const bulletin = res.json();
    expect(bulletin).toMatchObject({
      title: "关于2023年5月重点工作落实情况的督查通报",
      status: "issued",
      number: "瓦教督通〔2023〕1号",
      issuedAt: "2023-06-14T07:00:00.000Z",
    });
    const texts = bulletin.content.map((b: { text?: string }) => b.text ?? "");
    expect(texts).toContain(
      "以下5个单位按时报送全部工作进展且均已审核通过，无未办结督办单和逾期整改事项，予以通报表扬：得利寺镇中心幼儿园、复州城镇中心幼儿园、李官镇中心幼儿园、瓦房店市第二幼儿园、瓦房店市阳光幼儿园。",
    );
    expect(texts).toContain(
      "以下1个单位存在未按时报送工作进展、督办单未办结或整改逾期等问题，予以通报批评：瓦房店市启明星幼儿园（迟报1次）。",
    );
  });

  it("publishes the third and fourth sections on the public page, signed out", async () => {
    const res = await app.inject({ method: "GET", url: `/api/public/wafangdian/plans/${ids!.planId}` });
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(JSON.stringify(page)).toContain("努力办好人民更加满意的教育");
    expect(JSON.stringify(page)).toContain("扎实推动教育公平与改革发展");
    expect(JSON.stringify(page)).not.toContain("坚持和加强党对教育事业的全面领导");
  });
});
