import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.js";
import { assignments, units } from "../../db/schema.js";
import { buildUnit } from "../../test/factories.js";
import { buildPublishedPlan, type PublishedPlan } from "../../test/plan-fixtures.js";
import { lastRequestTrace } from "../../test/rollback-faults.js";
import { createTestApp, type TestApp } from "../../test/test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

/**
 * Task 9 handed to 24 schools 测园01…测园24 besides the fixture's two kindergartens (26 in all), on the test clock's
 * 2023-06-15 (序时进度 45 %): 测园01–03 done (blue), 04–06 at 60 % (green), 07 and 08 overdue on a due date
 * of their own (red), 09 withdrawn, the rest at 0 % (yellow); 测园10's 责任人 is 王红.
 */
async function twentySixAssigned() {
  const p = await buildPublishedPlan(t);
  const db = t.database.db as Db;
  const schools: { id: string; name: string }[] = [];
  for (let i = 1; i <= 24; i++)
    schools.push(
      await buildUnit(db, p.tenant.id, { name: `测园${String(i).padStart(2, "0")}`, sortOrder: 100 + i }),
    );
  const res = await p.lead.post(`/api/nodes/${p.task9.id}/assignments`, {
    unitIds: [p.kindergarten.id, p.secondKindergarten.id, ...schools.map((s) => s.id)],
    role: "executor",
  });
  expect(res.statusCode, res.body).toBe(201);
  // The fixture's kindergartens first, in this order, then the schools.
  await db.update(units).set({ sortOrder: 1 }).where(eq(units.id, p.kindergarten.id));
  await db.update(units).set({ sortOrder: 2 }).where(eq(units.id, p.secondKindergarten.id));
  const rows = await db.select().from(assignments).where(eq(assignments.nodeId, p.task9.id));
  const of = (names: string[]) => {
    const ids = new Set(schools.filter((s) => names.includes(s.name)).map((s) => s.id));
    return rows.filter((r) => ids.has(r.unitId)).map((r) => r.id);
  };
  const set = (names: string[], values: Partial<typeof assignments.$inferInsert>) =>
    db
      .update(assignments)
      .set(values)
      .where(inArray(assignments.id, of(names)));
  await set(["测园01", "测园02", "测园03"], { progress: 100 });
  await set(["测园04", "测园05", "测园06"], { progress: 60 });
  await set(["测园07", "测园08"], { dueDate: "2023-06-01", progress: 30 });
  await set(["测园09"], { status: "removed", removedReason: "并园", removedAt: new Date() });
  await set(["测园10"], { responsiblePerson: "王红" });
  return { p, schools };
}

type Page = { items: { unit: { name: string }; light: string; status: string }[]; total: number };

/** The unit names of a page and its total, as the lead department reads it. */
async function list(p: PublishedPlan, query: string, as = p.lead) {
  const res = await as.get(encodeURI(`/api/nodes/${p.task9.id}/assignments${query}`));
  expect(res.statusCode, res.body).toBe(200);
  const page = res.json() as Page;
  return { names: page.items.map((a) => a.unit.name), total: page.total };
}

const names = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `测园${String(from + i).padStart(2, "0")}`);

describe("GET /api/nodes/:nodeId/assignments pages and filters a task's assignments", () => {
  it("pages the whole list in unit order, the filters narrowing it and its total exactly", async () => {
    const { p } = await twentySixAssigned();
    const kgs = [p.kindergarten.name, p.secondKindergarten.name];
    const first = await list(p, "?page=1&pageSize=10");
    // The task, the count, the page and its details in one statement (session lookup besides).
    const { all, handlerQueries } = lastRequestTrace();
    expect({ all, handlerQueries }, `${all} statements, ${handlerQueries} in the handler`).toEqual({
      all: 2,
      handlerQueries: 1,
    });
    expect(first.total).toBe(26);
    expect(first.names).toEqual([...kgs, ...names(1, 8)]);
    expect(await list(p, "?page=3&pageSize=10")).toEqual({ names: names(19, 24), total: 26 });
    expect(await list(p, "?light=blue")).toEqual({ names: names(1, 3), total: 3 });
    expect(await list(p, "?light=green")).toEqual({ names: names(4, 6), total: 3 });
    expect(await list(p, "?light=red")).toEqual({ names: ["测园07", "测园08"], total: 2 });
    // A withdrawn assignment shows no light: 测园09 is not among the yellow ones.
    expect(await list(p, "?light=yellow&pageSize=5")).toEqual({
      names: [...kgs, "测园10", "测园11", "测园12"],
      total: 17,
    });
    expect(await list(p, "?status=removed")).toEqual({ names: ["测园09"], total: 1 });
    expect(await list(p, "?status=removed&light=yellow")).toEqual({ names: [], total: 0 });
    expect((await list(p, "?status=active")).total).toBe(25);
    expect(await list(p, "?q=测园1&light=yellow")).toEqual({ names: names(10, 19), total: 10 });
    expect(await list(p, "?q=王红")).toEqual({ names: ["测园10"], total: 1 });
    expect(await list(p, `?unitId=${p.kindergarten.id}`)).toEqual({ names: [p.kindergarten.name], total: 1 });
    expect(await list(p, "?page=4&pageSize=10")).toEqual({ names: [], total: 26 });
  });

  it("shows a school only its own assignment, whatever it filters by", async () => {
    const { p } = await twentySixAssigned();
    expect(await list(p, "", p.kg1)).toEqual({ names: [p.kindergarten.name], total: 1 });
    expect(await list(p, "?light=yellow", p.kg1)).toEqual({ names: [p.kindergarten.name], total: 1 });
    expect(await list(p, `?unitId=${p.secondKindergarten.id}`, p.kg1)).toEqual({ names: [], total: 0 });
  });

  it.each([
    ["light=purple", "light"],
    ["status=done", "status"],
    ["unitId=12", "unitId"],
    [`q=${"园".repeat(101)}`, "q"],
    ["page=0", "page"],
    ["pageSize=201", "pageSize"],
  ])("refuses %s with 400 naming the field", async (query, field) => {
    const p = await buildPublishedPlan(t);
    const res = await p.lead.get(encodeURI(`/api/nodes/${p.task9.id}/assignments?${query}`));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe(`querystring.${field}`);
  });

  it("answers 401 without a session and 404 for another tenant's task, filters or not", async () => {
    const p = await buildPublishedPlan(t);
    const other = await buildPublishedPlan(t);
    const url = encodeURI(`/api/nodes/${p.task9.id}/assignments?light=red&q=园`);
    expect((await t.app.inject({ method: "GET", url })).statusCode).toBe(401);
    expect((await other.lead.get(url)).statusCode).toBe(404);
    expect((await other.supervisor.get(url)).statusCode).toBe(404);
  });
});
