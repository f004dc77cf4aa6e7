import type { HandDown, PlanDetail, ReceivedHandDown } from "@duban/domain";
import { and, eq } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { auditLogs, tenants } from "../db/schema.js";
import { setTenantParent } from "../modules/cascade/index.js";
import { buildTenant, buildUser, TEST_PASSWORD } from "./factories.js";
import { assignTask9AndOpenCycle, buildPublishedPlan, type PublishedPlan } from "./plan-fixtures.js";
import { signIn, type TestSession } from "./session.js";
import type { TestApp } from "./test-app.js";

/** Reads a JSON answer, failing with the body when the status is not the expected one. */
export function ok<T>(res: { statusCode: number; body: string }, status = 200): T {
  if (res.statusCode !== status) throw new Error(`expected ${status}, got ${res.statusCode}: ${res.body}`);
  return JSON.parse(res.body) as T;
}

/** Code of a tenant, for the platform command. */
export async function codeOf(t: TestApp, id: string): Promise<string> {
  const [row] = await (t.database.db as Db)
    .select({ code: tenants.code })
    .from(tenants)
    .where(eq(tenants.id, id));
  return row!.code;
}

/**
 * A city bureau with two county bureaus under it that each hold the seed plan (task 9 and its kindergartens), a
 * third county with no plan, and a city leader: the platform command placed the counties.
 */
export async function buildCityAndCounties(t: TestApp) {
  const db = t.database.db as Db;
  const [city, a, b] = await Promise.all([
    buildPublishedPlan(t),
    buildPublishedPlan(t),
    buildPublishedPlan(t),
  ]);
  const c = await buildTenant(db);
  const cityCode = await codeOf(t, city.tenant.id);
  for (const county of [a.tenant.id, b.tenant.id, c.id])
    await setTenantParent(db, { tenant: await codeOf(t, county), parent: cityCode });
  const cSupervisor = await buildUser(db, { tenantId: c.id, role: "supervisor" });
  const cityLeader = await buildUser(db, { tenantId: city.tenant.id, role: "leader" });
  return {
    city,
    a,
    b,
    c,
    cSupervisor: await signIn(t.app, cSupervisor.login, TEST_PASSWORD),
    cityLeader: await signIn(t.app, cityLeader.login, TEST_PASSWORD),
  };
}

/** The one item of a county's inbox. */
export async function inboxItem(s: TestSession): Promise<ReceivedHandDown> {
  const page = ok<{ items: ReceivedHandDown[] }>(await s.get("/api/cascade/inbox"));
  if (page.items.length !== 1) throw new Error(`inbox holds ${page.items.length}`);
  return page.items[0]!;
}

/** Hands the city's task 9 down to the bureaus. */
export async function handDownTask9(city: PublishedPlan, tenantIds: string[]): Promise<HandDown> {
  return ok<HandDown>(
    await city.supervisor.post(`/api/nodes/${city.task9.id}/hand-downs`, { tenantIds }),
    201,
  );
}

/**
 * The county's kindergartens report on its task 9 and the 学前教育科 approves both: the second kindergarten first
 * (占比 40, progress 20), a minute later the first (占比 60, progress 40), so the first's is the latest report.
 */
export async function reportAndApprove(t: TestApp, county: PublishedPlan): Promise<void> {
  const a = await assignTask9AndOpenCycle(county);
  const send = async (
    s: TestSession,
    assignmentId: string,
    progress: number,
    value: number,
    doneText: string,
  ) => {
    const report = ok<{ id: string; version: number }>(
      await s.post(`/api/assignments/${assignmentId}/reports`, {
        cycleId: a.cycle.id,
        progress,
        doneText,
        values: [{ indicatorId: a.indicatorId, value }],
        submit: true,
      }),
      201,
    );
    ok(
      await county.lead.post(`/api/reports/${report.id}/review`, {
        decision: "approve",
        version: report.version,
      }),
    );
  };
  await send(county.kg2, a.second.id, 20, 40, "完成第二幼儿园扩班");
  t.clock.advance(60_000);
  await send(county.kg1, a.assignment.id, 40, 60, "新增公办学位120个");
}

/** The county's task 9 as its own plan page shows it. */
export async function ownTask9(county: PublishedPlan) {
  const plan = ok<PlanDetail>(await county.supervisor.get(`/api/plans/${county.planId}`));
  const walk = (nodes: PlanDetail["nodes"]): PlanDetail["nodes"] =>
    nodes.flatMap((n) => [n, ...walk(n.children)]);
  return { plan, task9: walk(plan.nodes).find((n) => n.id === county.task9.id)!, all: walk(plan.nodes) };
}

/** How many audit rows of `action` a bureau has. */
export async function auditCount(t: TestApp, tenantId: string, action: string): Promise<number> {
  const rows = await (t.database.db as Db)
    .select({ id: auditLogs.id })
    .from(auditLogs)
    .where(and(eq(auditLogs.tenantId, tenantId), eq(auditLogs.action, action)));
  return rows.length;
}
