import type { PublicSettings } from "@duban/domain";
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.js";
import { auditLogs, tenants, users } from "../../db/schema.js";
import { buildTenant } from "../../test/factories.js";
import { assignTask9AndOpenCycle, buildPublishedPlan, type PublishedPlan } from "../../test/plan-fixtures.js";
import { createTestApp, TEST_NOW, type TestApp } from "../../test/test-app.js";
import { png, uploadFile } from "../../test/upload.js";
import { recordPlanSnapshot } from "../snapshots/index.js";
import { PUBLIC_RATE_LIMIT_PER_MINUTE } from "./public.routes.js";

const DAY_MS = 24 * 3600 * 1000;
// The public page is read on the 16th; signed-in calls go back to the 15th, where the sessions are still fresh.
const NEXT_DAY = new Date(TEST_NOW.getTime() + DAY_MS + 3600_000);
const DONE_TEXT = "西城园新增学位120个，完成分园装修";

let t: TestApp;
let p: PublishedPlan;
let slug: string;
let fileId: string;
let settings: PublicSettings;
let indicatorId: string;
beforeAll(async () => {
  t = await createTestApp();
  p = await buildPublishedPlan(t);
  const db = t.database.db as Db;
  slug = (await db.select({ code: tenants.code }).from(tenants).where(eq(tenants.id, p.tenant.id)))[0]!.code;
  const assigned = await assignTask9AndOpenCycle(p);
  indicatorId = assigned.indicatorId;
  const photo = await uploadFile(p.kg1, "/api/files", {
    name: "现场照片.png",
    type: "image/png",
    content: png,
  });
  fileId = photo.json().id;
  const report = await p.kg1.post(`/api/assignments/${assigned.assignment.id}/reports`, {
    cycleId: assigned.cycle.id,
    progress: 60,
    doneText: DONE_TEXT,
    problemsText: "缺少保育员",
    nextText: "",
    values: [{ indicatorId, value: 60 }],
    fileIds: [fileId],
    submit: true,
  });
  if (report.statusCode !== 201) throw new Error(report.body);
  const approved = await p.lead.post(`/api/reports/${report.json().id}/review`, {
    decision: "approve",
    version: report.json().version,
  });
  if (approved.statusCode !== 200) throw new Error(approved.body);
  const current = (await p.supervisor.get(`/api/plans/${p.planId}/public-settings`)).json() as PublicSettings;
  const saved = await p.supervisor.put(`/api/plans/${p.planId}/public-settings`, {
    public: true,
    nodeIds: [p.task9.id],
    indicatorIds: [indicatorId],
    version: current.version,
  });
  if (saved.statusCode !== 200) throw new Error(saved.body);
  settings = saved.json();
  // The next day's snapshot is the latest the public page reads (publishing recorded the 15th's, before the report).
  await recordPlanSnapshot(db, {
    tenantId: p.tenant.id,
    planId: p.planId,
    now: new Date(TEST_NOW.getTime() + DAY_MS),
  });
  t.clock.set(NEXT_DAY);
}, 180_000);
afterAll(async () => {
  t?.clock.set(TEST_NOW);
  await t?.close();
});

let address = 0;
/** An anonymous GET from its own address, so the rate limit of one test does not spill into the next. */
function anonymous(url: string, headers: Record<string, string> = {}, remoteAddress = `10.9.0.${++address}`) {
  return t.app.inject({ method: "GET", url, headers, remoteAddress });
}
const pageUrl = () => `/api/public/${slug}/plans/${p.planId}`;

describe("GET /api/public/:tenantSlug/plans/:planId", () => {
  it("answers the public part of the plan as of the latest snapshot, without signing in", async () => {
    const res = await anonymous(pageUrl());
    expect(res.statusCode, res.body).toBe(200);
    const section = settings.nodes.find((n) => n.title === "努力办好人民更加满意的教育")!;
    // On 2023-06-16 序时进度 is 167/365 = 45.8 %; task 9 averages its two kindergartens (60 approved, 0) to 30,
    // more than 10 points behind: yellow. The indicator has 1 of 2 units in: on track, never 已达成.
    const task = {
      id: p.task9.id,
      code: "9.",
      title: "促进学前教育普及普惠发展",
      status: "active",
      light: "yellow",
      progress: 30,
      expectedProgress: 45.8,
      dueDate: "2023-12-31",
      indicators: [
        {
          id: indicatorId,
          name: "公办幼儿园在园幼儿占比",
          comparator: "gte",
          target: 50,
          targetMax: null,
          unit: "%",
          aggregation: "average",
          value: 60,
          status: "on_track",
          reported: 1,
          expected: 2,
        },
      ],
    };
    expect(res.json()).toEqual({
      bureau: p.tenant.name,
      plan: { id: p.planId, title: "瓦房店市教育局2023年工作要点", year: 2023 },
      asOf: "2023-06-16",
      summary: {
        taskCount: 1,
        tasks: { red: 0, yellow: 1, green: 0, grey: 0, blue: 0 },
        progress: 30,
        expectedProgress: 45.8,
      },
      sections: [{ id: section.id, title: section.title, tasks: [task] }],
    });
  });

  it("lets nothing private out: no person, unit, file or report text", async () => {
    const res = await anonymous(pageUrl());
    const db = t.database.db as Db;
    const names = await db
      .select({ name: users.name, login: users.login })
      .from(users)
      .where(eq(users.tenantId, p.tenant.id));
    expect(names.length).toBe(7);
    for (const u of names) {
      expect(res.body).not.toContain(u.name);
      expect(res.body).not.toContain(u.login);
    }
    for (const secret of [
      fileId,
      DONE_TEXT,
      "缺少保育员",
      "现场照片",
      p.kindergarten.name,
      p.secondKindergarten.name,
      "学前教育科",
    ])
      expect(res.body).not.toContain(secret);
  });

  it("answers 304 to a matching If-None-Match, with its ETag and cache headers", async () => {
    const first = await anonymous(pageUrl());
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect(first.headers["cache-control"]).toBe("public, max-age=300");
    const again = await anonymous(pageUrl(), { "if-none-match": etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe("");
    expect(again.headers.etag).toBe(etag);
    // A browser may send several tags, or the tag marked weak by a proxy.
    expect((await anonymous(pageUrl(), { "if-none-match": `"other", W/${etag}` })).statusCode).toBe(304);
    expect((await anonymous(pageUrl(), { "if-none-match": '"other"' })).statusCode).toBe(200);
  });

  it("answers the same 404 for an unknown bureau, an unknown plan, another bureau's slug and a plan not public", async () => {
    const db = t.database.db as Db;
    const other = await buildTenant(db);
    const urls = [
      `/api/public/no-such-bureau/plans/${p.planId}`,
      `/api/public/${slug}/plans/00000000-0000-4000-8000-000000000000`,
      `/api/public/${other.code}/plans/${p.planId}`,
    ];
    const answers = await Promise.all(urls.map((u) => anonymous(u)));
    const notFound = { error: { code: "not_found", message: "该计划未公开或不存在，请核对网址" } };
    for (const a of answers) {
      expect(a.statusCode).toBe(404);
      expect(a.json()).toEqual(notFound);
    }
    expect((await anonymous(`/api/public/${slug}/plans/not-a-uuid`)).statusCode).toBe(400);
  });

  it("stops answering once the plan's switch is off, and answers the same 404 as for no plan", async () => {
    const off = await setPublic(false);
    expect(off.statusCode, off.body).toBe(200);
    const res = await anonymous(pageUrl());
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toBe("该计划未公开或不存在，请核对网址");
    expect((await setPublic(true)).statusCode).toBe(200);
  });

  it(`limits one address to ${PUBLIC_RATE_LIMIT_PER_MINUTE} requests a minute, then answers 429`, async () => {
    for (let i = 0; i < PUBLIC_RATE_LIMIT_PER_MINUTE; i++)
      expect((await anonymous(pageUrl(), {}, "10.9.2.1")).statusCode).toBe(200);
    const refused = await anonymous(pageUrl(), {}, "10.9.2.1");
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe("rate_limited");
    // Another address is not held up.
    expect((await anonymous(pageUrl(), {}, "10.9.2.2")).statusCode).toBe(200);
  });
});

describe("PUT /api/plans/:id/public-settings", () => {
  it("records who changed what the plan publishes", async () => {
    const db = t.database.db as Db;
    const rows = await db
      .select({ summary: auditLogs.summary })
      .from(auditLogs)
      .where(and(eq(auditLogs.tenantId, p.tenant.id), eq(auditLogs.action, "plan.public_settings")))
      .orderBy(asc(auditLogs.id));
    // The first change is the one that made the plan public (later tests of the file switch it off and on).
    expect(rows[0]!.summary).toEqual({
      title: "瓦房店市教育局2023年工作要点",
      public: true,
      nodes: 1,
      indicators: 1,
    });
    expect(settings.path).toBe(`/public/${slug}/${p.planId}`);
    expect(settings.abilities).toEqual({ edit: true });
  });

  it("refuses a school with 403, a stale version with 409 and another plan's node with 400", async () => {
    t.clock.set(TEST_NOW);
    const current = (
      await p.supervisor.get(`/api/plans/${p.planId}/public-settings`)
    ).json() as PublicSettings;
    const body = { public: true, nodeIds: [], indicatorIds: [], version: current.version };
    const school = await p.kg1.put(`/api/plans/${p.planId}/public-settings`, body);
    expect(school.statusCode).toBe(403);
    expect(school.json().error.message).toBe("只有督查室或系统管理员可以设置公开范围");
    const stale = await p.supervisor.put(`/api/plans/${p.planId}/public-settings`, { ...body, version: 0 });
    expect(stale.statusCode).toBe(409);
    const foreign = await p.supervisor.put(`/api/plans/${p.planId}/public-settings`, {
      ...body,
      nodeIds: ["00000000-0000-4000-8000-000000000000"],
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.details).toEqual([
      { path: "nodeIds.0", message: "不是该计划的条目，请刷新页面后重试" },
    ]);
    t.clock.set(NEXT_DAY);
  });
});

/** Turns the plan's switch, keeping task 9 and its indicator marked. */
async function setPublic(on: boolean) {
  t.clock.set(TEST_NOW);
  const current = (await p.supervisor.get(`/api/plans/${p.planId}/public-settings`)).json() as PublicSettings;
  const saved = await p.supervisor.put(`/api/plans/${p.planId}/public-settings`, {
    public: on,
    nodeIds: [p.task9.id],
    indicatorIds: [indicatorId],
    version: current.version,
  });
  t.clock.set(NEXT_DAY);
  return saved;
}
