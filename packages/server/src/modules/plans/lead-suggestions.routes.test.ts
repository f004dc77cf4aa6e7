import type { PlanDraftEdit } from "@duban/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.js";
import { demoDepartments } from "../../seed/demo-data.js";
import { buildTenant, buildUnit, buildUser, TEST_PASSWORD } from "../../test/factories.js";
import { seedPlanText, taskOf } from "../../test/plan-fixtures.js";
import { signIn } from "../../test/session.js";
import { createTestApp, type TestApp } from "../../test/test-app.js";
import { countyBureauKeywords } from "../unit-keywords/index.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

/** A county bureau with the demo departments and the default keyword dictionary, its supervisor signed in. */
async function countyBureau() {
  const db = t.database.db as Db;
  const tenant = await buildTenant(db);
  const departments = new Map<string, string>();
  for (const name of demoDepartments)
    departments.set(name, (await buildUnit(db, tenant.id, { kind: "department", name })).id);
  const [supervisor, admin] = await Promise.all([
    buildUser(db, { tenantId: tenant.id, role: "supervisor" }),
    buildUser(db, { tenantId: tenant.id, role: "admin" }),
  ]);
  const adminSession = await signIn(t.app, admin.login, TEST_PASSWORD);
  const res = await adminSession.put("/api/unit-keywords", {
    entries: countyBureauKeywords.map(([keyword, name]) => ({ keyword, unitId: departments.get(name)! })),
  });
  if (res.statusCode !== 200) throw new Error(res.body);
  const nameOf = new Map([...departments].map(([name, id]) => [id, name]));
  return { supervisor: await signIn(t.app, supervisor.login, TEST_PASSWORD), nameOf };
}

describe("lead units suggested from the keyword dictionary", () => {
  it("suggests 组织人事科 for task 19 (师德师风) and 计划财务科 for task 21 (经费、工资、资助), naming the keywords", async () => {
    const b = await countyBureau();
    const res = await b.supervisor.post("/api/plan-imports", { text: seedPlanText });
    expect(res.statusCode).toBe(201);
    const body = res.json() as { draft: PlanDraftEdit; leadKeywords: Record<string, string[]> };
    const lead = (n: number) => {
      const task = taskOf(body.draft, n);
      return { unit: b.nameOf.get(task.leadUnitId!), keywords: body.leadKeywords[task.key] };
    };
    // 19's title names 思想政治 (基础教育科) and 师德师风: the teachers' conduct is the personnel department's.
    expect(lead(19)).toEqual({ unit: "组织人事科/党建办", keywords: ["师德", "师德师风"] });
    // 21's text names 高中 and 义务教育 as whose funds are meant; the task itself is about money.
    expect(lead(21)).toEqual({
      unit: "计划财务科",
      keywords: ["经费", "工资", "资助", "财政", "国有资产", "预算"],
    });
    expect(lead(9)).toEqual({ unit: "学前教育科", keywords: ["幼儿园", "普惠", "学前"] });
  });

  it("names no keyword for a task whose lead the reviewer cleared", async () => {
    const b = await countyBureau();
    const created = (await b.supervisor.post("/api/plan-imports", { text: seedPlanText })).json();
    const draft = created.draft as PlanDraftEdit;
    taskOf(draft, 21).leadUnitId = null;
    const res = await b.supervisor.put(`/api/plan-imports/${created.id}`, {
      draft,
      version: created.version,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().leadKeywords[taskOf(draft, 21).key]).toBeUndefined();
  });
});
