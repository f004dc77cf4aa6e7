import { eq } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { cascadeLinks, handDowns, planNodes, plans, tenants } from "../db/schema.js";
import { buildTenant } from "./factories.js";
import type { TestSession } from "./session.js";

/** Fails a fixture step with the answer that broke it. */
function created<T = { id: string }>(res: { statusCode: number; body: string }, expected = 201): T {
  if (res.statusCode !== expected) throw new Error(`fixture step failed: ${res.statusCode} ${res.body}`);
  return JSON.parse(res.body) as T;
}

/**
 * Puts a tenant in the middle of a bureau chain for the refusal matrix: a superior above it that has handed it
 * an item (in its inbox, pending), and a subordinate below it to which its 督查室 has handed `nodeId` down.
 */
export async function buildMatrixCascade(
  db: Db,
  tenantId: string,
  supervisor: TestSession,
  nodeId: string,
): Promise<{ subordinate: string; handDown: string; received: string }> {
  const superior = await buildTenant(db, { name: `矩阵上级教育局${tenantId.slice(0, 6)}` });
  await db.update(tenants).set({ parentId: superior.id }).where(eq(tenants.id, tenantId));
  const subordinate = await buildTenant(db, { parentId: tenantId });
  const handDown = created(
    await supervisor.post(`/api/nodes/${nodeId}/hand-downs`, { tenantIds: [subordinate.id] }),
  ).id;
  // The superior's side is written directly: the matrix needs only its hand-down, not a whole plan of its own.
  const [plan] = await db
    .insert(plans)
    .values({ tenantId: superior.id, year: 2023, title: "上级2023年工作要点" })
    .returning({ id: plans.id });
  const [node] = await db
    .insert(planNodes)
    .values({
      tenantId: superior.id,
      planId: plan!.id,
      level: "task",
      title: "促进学前教育普及普惠发展",
      text: "全市公办幼儿园在园幼儿占比达到50%。",
      position: 0,
    })
    .returning({ id: planNodes.id });
  const [row] = await db
    .insert(handDowns)
    .values({
      tenantId: superior.id,
      planId: plan!.id,
      nodeId: node!.id,
      title: "促进学前教育普及普惠发展",
      text: "全市公办幼儿园在园幼儿占比达到50%。",
      dueDate: "2023-12-31",
      targets: [],
    })
    .returning({ id: handDowns.id });
  const [link] = await db
    .insert(cascadeLinks)
    .values({ tenantId, fromTenantId: superior.id, handDownId: row!.id })
    .returning({ id: cascadeLinks.id });
  return { subordinate: subordinate.id, handDown, received: link!.id };
}

/**
 * A fresh pending hand-down in the tenant's inbox from its superior (the one `buildMatrixCascade` set), written
 * directly on the superior's side, for a request that must meet it still pending.
 */
export async function freshReceived(db: Db, tenantId: string): Promise<string> {
  const [tenant] = await db
    .select({ parentId: tenants.parentId })
    .from(tenants)
    .where(eq(tenants.id, tenantId));
  const superiorId = tenant!.parentId!;
  const [existing] = await db
    .select({ planId: handDowns.planId })
    .from(handDowns)
    .where(eq(handDowns.tenantId, superiorId))
    .limit(1);
  const [node] = await db
    .insert(planNodes)
    .values({
      tenantId: superiorId,
      planId: existing!.planId,
      level: "task",
      title: "新下达任务",
      text: "新下达任务。",
      position: 1,
    })
    .returning({ id: planNodes.id });
  const [row] = await db
    .insert(handDowns)
    .values({
      tenantId: superiorId,
      planId: existing!.planId,
      nodeId: node!.id,
      title: "新下达任务",
      text: "新下达任务。",
      dueDate: "2023-12-31",
      targets: [],
    })
    .returning({ id: handDowns.id });
  const [link] = await db
    .insert(cascadeLinks)
    .values({ tenantId, fromTenantId: superiorId, handDownId: row!.id })
    .returning({ id: cascadeLinks.id });
  return link!.id;
}
