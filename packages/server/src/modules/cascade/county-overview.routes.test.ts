// 县区总览 and the 上级通报: the city's counties as units over its plan's hand-downs, exact for the fixed clock.
import type { CountyOverview, HandDown, PlanDetail } from "@duban/domain";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.js";
import { handDowns, tenants } from "../../db/schema.js";
import {
  buildCityAndCounties,
  handDownTask9,
  inboxItem,
  ok,
  reportAndApprove,
} from "../../test/cascade-county-fixtures.js";
import { buildUser, TEST_PASSWORD } from "../../test/factories.js";
import {
  convertToPdf,
  docxParts,
  pdfLayoutLines,
  pdfPagesText,
  removeConverted,
} from "../../test/office-tools.js";
import { flattenTree } from "../../test/plan-fixtures.js";
import { signIn } from "../../test/session.js";
import { createTestApp, type TestApp } from "../../test/test-app.js";

let t: TestApp;
let w: Awaited<ReturnType<typeof buildCityAndCounties>>;
let overview: CountyOverview;
let task9: HandDown;
let pdfs: Record<string, string> = {};
let pages: string[];
let lines: string[];
let cityName: string;
let targets10: number;

/**
 * Task 9 handed to counties 甲, 乙 and 丙: 甲 links it and approves two kindergartens' reports, 乙 links it with no
 * report, 丙 returns it. Task 10 handed to 甲 and 乙, due in May, still pending at both.
 */
beforeAll(async () => {
  t = await createTestApp();
  w = await buildCityAndCounties(t);
  const db = t.database.db as Db;
  for (const [id, name] of [
    [w.a.tenant.id, "甲县教育局"],
    [w.b.tenant.id, "乙县教育局"],
    [w.c.id, "丙县教育局"],
  ] as const)
    await db.update(tenants).set({ name }).where(eq(tenants.id, id));
  await handDownTask9(w.city, [w.a.tenant.id, w.b.tenant.id, w.c.id]);
  const cityPlan = ok<PlanDetail>(await w.city.supervisor.get(`/api/plans/${w.city.planId}`));
  const task10 = flattenTree(cityPlan.nodes).find((n) => n.level === "task" && n.number === 10)!;
  const second = ok<HandDown>(
    await w.city.supervisor.post(`/api/nodes/${task10.id}/hand-downs`, {
      tenantIds: [w.a.tenant.id, w.b.tenant.id],
    }),
    201,
  );
  targets10 = second.targets.length;
  // The 督查室 gave task 10 a May deadline: written on the superior's side, as the node's own date is the year's.
  await db.update(handDowns).set({ dueDate: "2023-05" }).where(eq(handDowns.id, second.id));
  for (const county of [w.a, w.b]) {
    const page = ok<{ items: { id: string; superiorNode: { label: string } }[] }>(
      await county.supervisor.get("/api/cascade/inbox"),
    );
    const item = page.items.find((i) => i.superiorNode.label === "9.")!;
    ok(
      await county.supervisor.post(`/api/cascade/inbox/${item.id}/link`, {
        version: 0,
        nodeId: county.task9.id,
      }),
    );
  }
  const cItem = await inboxItem(w.cSupervisor);
  ok(
    await w.cSupervisor.post(`/api/cascade/inbox/${cItem.id}/return`, {
      version: 0,
      reason: "本县无公办幼儿园",
    }),
  );
  await reportAndApprove(t, w.a);
  task9 = ok<{ items: HandDown[] }>(await w.city.supervisor.get(`/api/hand-downs?planId=${w.city.planId}`))
    .items[0]!;
  overview = ok<CountyOverview>(await w.city.supervisor.get(`/api/cascade/overview?planId=${w.city.planId}`));
  const doc = await w.cityLeader.get(`/api/cascade/bulletin-document?planId=${w.city.planId}`);
  if (doc.statusCode !== 200) throw new Error(doc.body);
  pdfs = await convertToPdf({ bulletin: doc.rawPayload });
  pages = await pdfPagesText(pdfs.bulletin!);
  lines = (await pdfLayoutLines(pdfs.bulletin!)).flat();
  const [city] = await db
    .select({ name: tenants.name })
    .from(tenants)
    .where(eq(tenants.id, w.city.tenant.id));
  cityName = city!.name;
}, 180_000);
afterAll(async () => {
  removeConverted(pdfs);
  await t?.close();
});

const tally = (over: Partial<Record<"red" | "yellow" | "green" | "grey" | "blue", number>>) => ({
  red: 0,
  yellow: 0,
  green: 0,
  grey: 0,
  blue: 0,
  ...over,
});

describe("县区总览 GET /api/cascade/overview", () => {
  it("ranks the counties by progress, then fewer overdue items, with exact figures", () => {
    const approvedAt = task9.counties.find((c) => c.tenant.id === w.a.tenant.id)!.summary!.approvedAt;
    expect(approvedAt).toBe("2023-06-15T01:01:00.000Z");
    expect(overview.plan).toEqual({ id: w.city.planId, title: "瓦房店市教育局2023年工作要点" });
    expect([overview.asOf, overview.itemCount]).toEqual(["2023-06-15", 2]);
    expect(overview.counties).toEqual([
      {
        rank: 1,
        tenant: { id: w.a.tenant.id, name: "甲县教育局" },
        handedDown: 2,
        pending: 1,
        linked: 1,
        returned: 0,
        light: "yellow",
        lights: tally({ yellow: 1 }),
        // Task 9 at 30 %, task 10 not linked counts 0: (30 + 0) / 2, each item weighing 1.
        progress: 15,
        overdue: 1,
        lastApprovedAt: approvedAt,
        coverage: { reported: 1, expected: 2 + targets10 },
      },
      {
        rank: 2,
        tenant: { id: w.c.id, name: "丙县教育局" },
        handedDown: 1,
        pending: 0,
        linked: 0,
        returned: 1,
        light: null,
        lights: tally({}),
        progress: 0,
        overdue: 0,
        lastApprovedAt: null,
        coverage: { reported: 0, expected: 2 },
      },
      {
        rank: 3,
        tenant: { id: w.b.tenant.id, name: "乙县教育局" },
        handedDown: 2,
        pending: 1,
        linked: 1,
        returned: 0,
        light: "yellow",
        lights: tally({ yellow: 1 }),
        progress: 0,
        overdue: 1,
        lastApprovedAt: null,
        coverage: { reported: 0, expected: 2 + targets10 },
      },
    ]);
    expect(overview.totals).toEqual({
      handedDown: 5,
      pending: 2,
      linked: 2,
      returned: 1,
      light: "yellow",
      lights: tally({ yellow: 2 }),
      progress: 6,
      overdue: 2,
      lastApprovedAt: approvedAt,
      coverage: { reported: 1, expected: 6 + 2 * targets10 },
    });
  });

  it("agrees with the roll-up of task 9 and sends nothing of a county's units, people or drafts", async () => {
    const a = task9.counties.find((c) => c.tenant.id === w.a.tenant.id)!;
    expect([a.light, a.progress]).toEqual(["yellow", 30]);
    const body = (await w.cityLeader.get(`/api/cascade/overview?planId=${w.city.planId}`)).body;
    expect(JSON.parse(body)).toEqual(overview);
    for (const secret of [w.a.kindergarten.name, w.a.secondKindergarten.name, "新增公办学位120个"])
      expect(body).not.toContain(secret);
  });

  it("answers 401 without a session and 400 on a bad plan id", async () => {
    for (const url of ["/api/cascade/overview", "/api/cascade/bulletin-document"]) {
      expect((await t.app.inject({ method: "GET", url: `${url}?planId=${w.city.planId}` })).statusCode).toBe(
        401,
      );
      expect((await w.city.supervisor.get(`${url}?planId=x`)).statusCode).toBe(400);
      expect((await w.city.supervisor.get(url)).statusCode).toBe(400);
    }
  });

  it("refuses every other role with 403, a county's 督查室 and school included", async () => {
    for (const url of ["/api/cascade/overview", "/api/cascade/bulletin-document"])
      for (const [who, s, planId] of [
        ["city admin", w.city.admin, w.city.planId],
        ["city department", w.city.lead, w.city.planId],
        ["city school", w.city.kg1, w.city.planId],
        ["county supervisor, city plan", w.a.supervisor, w.city.planId],
        ["county supervisor, own plan", w.a.supervisor, w.a.planId],
        ["county school", w.a.kg1, w.a.planId],
      ] as const) {
        const res = await s.get(`${url}?planId=${planId}`);
        expect([who, res.statusCode]).toEqual([who, 403]);
      }
  });

  it("answers 404 for a county's plan asked by the city", async () => {
    for (const url of ["/api/cascade/overview", "/api/cascade/bulletin-document"]) {
      expect((await w.city.supervisor.get(`${url}?planId=${w.a.planId}`)).statusCode).toBe(404);
      expect((await w.cityLeader.get(`${url}?planId=${w.b.planId}`)).statusCode).toBe(404);
    }
  });
});

describe("上级通报 GET /api/cascade/bulletin-document", () => {
  it("opens with the 督查室's 版头, the title and the counties addressed, and ends dated by the 督查室", () => {
    expect(
      pages[0]!.startsWith(
        `${cityName}督查室关于全市教育系统2023年工作要点下达任务推进情况的通报各县（市、区）教育局：一、总体情况`,
      ),
    ).toBe(true);
    expect(pages.join("")).toContain(`${cityName}督查室2023年6月15日`);
  });

  it("gives one ranked row per county with a 合计 row and names the lagging counties", () => {
    const text = pages.join("");
    // The header's cells wrap in their narrow columns; the rows read whole, ranked, then 合计.
    const table = lines.indexOf("1 甲县教育局 2 1 0 0 1 1 15%");
    expect(table).toBeGreaterThan(0);
    expect(lines.slice(table, table + 4)).toEqual([
      "1 甲县教育局 2 1 0 0 1 1 15%",
      "2 丙县教育局 1 0 0 0 0 0 0%",
      "3 乙县教育局 2 1 0 0 1 1 0%",
      "合计 5 2 0 0 2 2 6%",
    ]);
    expect(text).toContain(
      "存在滞后、逾期任务的单位：甲县教育局（逾期1项、滞后1项）、乙县教育局（逾期1项、滞后1项）。",
    );
    expect(text).toContain("尚有下达任务未接收的单位：甲县教育局（1项）、乙县教育局（1项）。");
    expect(text).toContain("平均进度6%（各项任务权重均按1计，未关联的任务按0计）");
    expect(text).not.toContain("新增公办学位120个");
  });

  it("refuses a day after today and a malformed one, and names the file by the day", async () => {
    const url = `/api/cascade/bulletin-document?planId=${w.city.planId}`;
    expect((await w.city.supervisor.get(`${url}&asOf=2023-06-16`)).statusCode).toBe(400);
    expect((await w.city.supervisor.get(`${url}&asOf=2023-13-01`)).statusCode).toBe(400);
    const today = await w.city.supervisor.get(`${url}&asOf=2023-06-15`);
    expect([today.statusCode, today.headers["content-disposition"]]).toEqual([
      200,
      `attachment; filename="cascade-bulletin-2023-06-15.docx"; filename*=UTF-8''${encodeURIComponent(
        "关于全市教育系统2023年工作要点下达任务推进情况的通报.docx",
      )}`,
    ]);
  });

  // Last: it moves the clock on.
  it("stands for an earlier day as the counties' snapshots of it recorded their items", async () => {
    t.clock.set(new Date("2023-06-20T09:00:00+08:00"));
    // Sessions idle for five days have expired: a fresh one.
    const user = await buildUser(t.database.db as Db, { tenantId: w.city.tenant.id, role: "supervisor" });
    const supervisor = await signIn(t.app, user.login, TEST_PASSWORD);
    const res = await supervisor.get(
      `/api/cascade/bulletin-document?planId=${w.city.planId}&asOf=2023-06-15`,
    );
    expect(res.statusCode).toBe(200);
    const text = [...(await docxParts(res.rawPayload)).document.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)]
      .map((m) => m[1])
      .join("|");
    // On 15 June the counties' plans were recorded at publishing, before any report: task 9 at 0 % in 甲 and 乙.
    expect(text).toContain(
      "1|丙县教育局|1|0|0|0|0|0|0%|2|甲县教育局|2|1|0|0|1|1|0%|2|乙县教育局|2|1|0|0|1|1|0%||合计|5|2|0|0|2|2|0%",
    );
    expect(text).toContain("截至2023年6月15日");
    expect(text).toContain("指标已报0/6项");
  });
});
