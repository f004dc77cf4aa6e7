import type { SearchHit, SearchPage } from "@duban/domain";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.js";
import { units } from "../../db/schema.js";
import { buildTenant, buildUser, TEST_PASSWORD } from "../../test/factories.js";
import { assignTask9AndOpenCycle, buildPublishedPlan, type PublishedPlan } from "../../test/plan-fixtures.js";
import { signIn, type TestSession } from "../../test/session.js";
import { createTestApp, type TestApp } from "../../test/test-app.js";

let t: TestApp;
let p: PublishedPlan;
let kg1Report: string;
let kg2Report: string;
beforeAll(async () => {
  t = await createTestApp();
  p = await buildPublishedPlan(t);
  const { assignment, second, cycle } = await assignTask9AndOpenCycle(p);
  const report = (session: TestSession, id: string, doneText: string) =>
    session.post(`/api/assignments/${id}/reports`, {
      cycleId: cycle.id,
      progress: 40,
      doneText,
      problemsText: "",
      nextText: "",
      values: [],
      fileIds: [],
      submit: true,
    });
  const r1 = await report(p.kg1, assignment.id, "西城园新增学位120个，食堂改造已完工");
  const r2 = await report(p.kg2, second.id, "第二园食堂改造尚未开工");
  if (r1.statusCode !== 201 || r2.statusCode !== 201) throw new Error(r1.body + r2.body);
  kg1Report = r1.json().id;
  kg2Report = r2.json().id;
}, 120_000);
afterAll(async () => t?.close());

async function search(session: TestSession, query: string): Promise<SearchPage> {
  const res = await session.get(`/api/search?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
const q = (text: string, more = "") => `q=${encodeURIComponent(text)}${more}`;
const brief = (hits: SearchHit[]) => hits.map((h) => `${h.kind} ${h.title}`);

describe("GET /api/search", () => {
  it("finds the milestone holding both words of 幼儿园 分园, with the match in its snippet and its task's link", async () => {
    const page = await search(p.supervisor, q("幼儿园 分园"));
    const milestones = page.items.filter((h) => h.kind === "milestone");
    expect(milestones).toEqual([
      {
        kind: "milestone",
        id: p.task9.milestones[0]!.id,
        title: p.task9.milestones[0]!.title,
        snippet: expect.stringContaining("西城幼儿园分园"),
        link: `/plans/${p.planId}/tasks/${p.task9.id}`,
      },
    ]);
    // Task 9's own text holds both words as well; nothing without both is found.
    expect(page.counts).toEqual({
      task: 1,
      measure: 1,
      milestone: 1,
      report: 0,
      notice: 0,
      rectification: 0,
      instruction: 0,
      unit: 0,
    });
  });

  it("needs every word: bigrams of a word spread apart do not make a hit", async () => {
    expect((await search(p.supervisor, q("幼儿园 分园 航天"))).total).toBe(0);
    // Task 9's text holds 分园 (幼儿园分园), 园幼 (公办园幼儿) and 幼儿, so the bigram index finds it; the word
    // 分园幼儿 is nowhere, and the text check drops it.
    expect((await search(p.supervisor, q("分园幼儿"))).total).toBe(0);
  });

  it("shows a school its own report and never another school's", async () => {
    const own = await search(p.kg1, q("食堂改造"));
    expect(own.items.map((h) => [h.kind, h.id])).toEqual([["report", kg1Report]]);
    expect(own.items[0]!.link).toBe(`/plans/${p.planId}/tasks/${p.task9.id}`);
    expect(own.items[0]!.snippet).toBe("西城园新增学位120个，食堂改造已完工");
    const other = await search(p.kg2, q("食堂改造"));
    expect(other.items.map((h) => [h.kind, h.id])).toEqual([["report", kg2Report]]);
    // The lead department sees both units' reports.
    const lead = await search(p.lead, q("食堂改造", "&kind=report"));
    expect(lead.items.map((h) => h.id).sort()).toEqual([kg1Report, kg2Report].sort());
  });

  it("finds units for the bureau only, not for a school", async () => {
    expect(brief((await search(p.supervisor, q("西城幼儿园", "&kind=unit"))).items)).toEqual([
      "unit 西城幼儿园",
    ]);
    expect((await search(p.kg1, q("西城幼儿园", "&kind=unit"))).total).toBe(0);
  });

  it("finds nothing of another bureau", async () => {
    const db = t.database.db as Db;
    const tenant = await buildTenant(db);
    const user = await buildUser(db, { tenantId: tenant.id, role: "supervisor" });
    const stranger = await signIn(t.app, user.login, TEST_PASSWORD);
    expect((await search(stranger, q("幼儿园"))).total).toBe(0);
    expect((await search(stranger, q("食堂改造"))).total).toBe(0);
  });

  it("pages through the hits in kind order, with the same totals on every page", async () => {
    const all = await search(p.supervisor, q("幼儿园", "&pageSize=100"));
    const first = await search(p.supervisor, q("幼儿园", "&pageSize=3&page=1"));
    const second = await search(p.supervisor, q("幼儿园", "&pageSize=3&page=2"));
    expect(first.total).toBe(all.total);
    expect(second.counts).toEqual(all.counts);
    expect([...first.items, ...second.items]).toEqual(all.items.slice(0, 6));
    expect({ page: second.page, pageSize: second.pageSize }).toEqual({ page: 2, pageSize: 3 });
    const kinds = all.items.map((h) => h.kind);
    expect(kinds).toEqual([...kinds].sort((a, b) => order(a) - order(b)));
  });

  it("keeps the index current on write: a renamed unit is found by its new name at once", async () => {
    const db = t.database.db as Db;
    await db.update(units).set({ name: "西城幼儿园（本部）" }).where(eq(units.id, p.kindergarten.id));
    expect(brief((await search(p.supervisor, q("本部", "&kind=unit"))).items)).toEqual([
      "unit 西城幼儿园（本部）",
    ]);
    await db.update(units).set({ name: "西城幼儿园" }).where(eq(units.id, p.kindergarten.id));
    expect((await search(p.supervisor, q("本部", "&kind=unit"))).total).toBe(0);
  });

  it("refuses an empty query with 400 naming q, and an unknown kind", async () => {
    const empty = await p.supervisor.get("/api/search?q=%20%20");
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.code).toBe("validation_failed");
    expect(empty.json().error.details).toEqual([{ path: "querystring.q", message: "请输入要搜索的关键词" }]);
    expect((await p.supervisor.get("/api/search")).statusCode).toBe(400);
    expect((await p.supervisor.get(`/api/search?${q("幼儿园", "&kind=plan")}`)).statusCode).toBe(400);
  });

  it("answers 401 without a session", async () => {
    const res = await t.app.inject({ method: "GET", url: `/api/search?${q("幼儿园")}` });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe("unauthenticated");
  });
});

const kindOrder = [
  "task",
  "measure",
  "milestone",
  "report",
  "notice",
  "rectification",
  "instruction",
  "unit",
];
function order(kind: string): number {
  return kindOrder.indexOf(kind);
}
