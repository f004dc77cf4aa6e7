import fs from "node:fs";
import type { Assignment, DraftNode, PlanDetail, PlanDraftEdit } from "@duban/domain";
import type { Db } from "../db/client.js";
import { buildTenant, buildUnit, buildUser, TEST_PASSWORD } from "./factories.js";
import { signIn } from "./session.js";
import type { TestApp } from "./test-app.js";

/** The 瓦房店市教育局 2023 plan, the reference document. */
export const seedPlanText = fs.readFileSync(
  new URL("../../../plan-parser/src/test-fixtures/seed-2023.txt", import.meta.url),
  "utf8",
);

/** A bureau with a 学前教育科, its keyword, and signed-in supervisor, admin and school users. */
export async function buildPlanBureau(t: TestApp) {
  const db = t.database.db as Db;
  const tenant = await buildTenant(db);
  const preschool = await buildUnit(db, tenant.id, { kind: "department", name: "学前教育科" });
  const school = await buildUnit(db, tenant.id, { name: "西城幼儿园", schoolType: "kindergarten" });
  const [supervisor, admin, schoolUser] = await Promise.all([
    buildUser(db, { tenantId: tenant.id, role: "supervisor" }),
    buildUser(db, { tenantId: tenant.id, role: "admin" }),
    buildUser(db, { tenantId: tenant.id, role: "school", unitId: school.id }),
  ]);
  const sessions = {
    supervisor: await signIn(t.app, supervisor.login, TEST_PASSWORD),
    admin: await signIn(t.app, admin.login, TEST_PASSWORD),
    school: await signIn(t.app, schoolUser.login, TEST_PASSWORD),
  };
  const res = await sessions.admin.put("/api/unit-keywords", {
    entries: [{ keyword: "学前", unitId: preschool.id }],
  });
  if (res.statusCode !== 200) throw new Error(res.body);
  return { tenant, preschool, kindergarten: school, ...sessions };
}

/** Every node of a draft tree, depth first. */
export function flatten(nodes: DraftNode[]): DraftNode[] {
  return nodes.flatMap((n) => [n, ...flatten(n.children)]);
}

/** The task numbered `n` in a draft. */
export function taskOf(draft: PlanDraftEdit, n: number): DraftNode {
  const task = flatten(draft.nodes).find((x) => x.level === "task" && x.number === n);
  if (!task) throw new Error(`no task ${n}`);
  return task;
}

/** A published seed plan with task 9 led by 学前教育科, its staff and two kindergarten reporters signed in. */
export async function buildPublishedPlan(t: TestApp) {
  const b = await buildPlanBureau(t);
  const db = t.database.db as Db;
  const created = (await b.supervisor.post("/api/plan-imports", { text: seedPlanText })).json();
  const published = await b.supervisor.post(`/api/plan-imports/${created.id}/publish`, {
    version: created.version,
    allowDuplicate: true,
  });
  if (published.statusCode !== 201) throw new Error(published.body);
  const planId: string = published.json().planId;
  const plan = (await b.supervisor.get(`/api/plans/${planId}`)).json() as PlanDetail;
  const task9 = flattenTree(plan.nodes).find((n) => n.level === "task" && n.number === 9)!;
  const second = await buildUnit(db, b.tenant.id, {
    name: `第二幼儿园${Math.random().toString(16).slice(2, 6)}`,
    schoolType: "kindergarten",
  });
  const [lead, otherDept, kg1, kg2] = await Promise.all([
    buildUser(db, { tenantId: b.tenant.id, role: "department", unitId: b.preschool.id }),
    buildUser(db, {
      tenantId: b.tenant.id,
      role: "department",
      unitId: (await buildUnit(db, b.tenant.id, { kind: "department" })).id,
    }),
    buildUser(db, { tenantId: b.tenant.id, role: "school", unitId: b.kindergarten.id }),
    buildUser(db, { tenantId: b.tenant.id, role: "school", unitId: second.id }),
  ]);
  return {
    ...b,
    planId,
    task9,
    secondKindergarten: second,
    lead: await signIn(t.app, lead.login, TEST_PASSWORD),
    otherDept: await signIn(t.app, otherDept.login, TEST_PASSWORD),
    kg1: await signIn(t.app, kg1.login, TEST_PASSWORD),
    kg2: await signIn(t.app, kg2.login, TEST_PASSWORD),
  };
}

/** Every node of a published plan tree, depth first. */
export function flattenTree<T extends { children: T[] }>(nodes: T[]): T[] {
  return nodes.flatMap((n) => [n, ...flattenTree(n.children)]);
}

/** A published seed plan as `buildPublishedPlan` returns it. */
export type PublishedPlan = Awaited<ReturnType<typeof buildPublishedPlan>>;

/**
 * Task 9 handed to every public kindergarten (the plan's two) through a rule group, with its 公办幼儿园在园幼儿占比
 * indicator, and a report cycle opened (`cycleBody` names its dates; empty: the plan's default window).
 */
export async function assignTask9AndOpenCycle(p: PublishedPlan, cycleBody: Record<string, string> = {}) {
  const group = await p.supervisor.post("/api/groups", {
    name: `全部公办幼儿园${Math.random().toString(16).slice(2, 8)}`,
    kind: "rule",
    rule: { kind: "school", schoolTypes: ["kindergarten"], ownerships: ["public"] },
  });
  if (group.statusCode !== 201) throw new Error(group.body);
  const indicatorId = p.task9.indicators.find((i) => i.name === "公办幼儿园在园幼儿占比")!.id;
  const res = await p.lead.post(`/api/nodes/${p.task9.id}/assignments`, {
    groupIds: [group.json().id],
    role: "executor",
    indicatorIds: [indicatorId],
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  const cycle = await p.supervisor.post(`/api/plans/${p.planId}/cycles`, cycleBody);
  if (cycle.statusCode !== 201) throw new Error(cycle.body);
  const list = (await p.lead.get(`/api/nodes/${p.task9.id}/assignments`)).json().items as Assignment[];
  const mine = list.find((a) => a.unit.id === p.kindergarten.id)!;
  const second = list.find((a) => a.unit.id === p.secondKindergarten.id)!;
  return {
    indicatorId,
    cycle: cycle.json(),
    assignment: mine,
    second,
    created: res.json().created as number,
  };
}
