import fs from "node:fs";
import type { DraftNode, PlanDraftEdit } from "@duban/domain";
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
