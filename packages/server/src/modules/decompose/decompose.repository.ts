import { and, desc, eq, max, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { indicators, measures, milestones, nodeClosures, planNodes, users } from "../../db/schema.js";

/** What a task's edit may set; its version always moves by one. */
export type NodeChange = Omit<Partial<typeof planNodes.$inferInsert>, "version">;

/** Changes a task at the version read; null when someone changed it first. */
export async function updateNodeAtVersion(
  db: DbOrTx,
  target: { tenantId: string; id: string; version: number },
  values: NodeChange,
) {
  const [row] = await db
    .update(planNodes)
    .set({ ...values, version: sql`${planNodes.version} + 1` })
    .where(
      and(
        eq(planNodes.tenantId, target.tenantId),
        eq(planNodes.id, target.id),
        eq(planNodes.version, target.version),
      ),
    )
    .returning();
  return row ?? null;
}

/** The next position after a node's existing items. */
async function nextPosition(
  db: DbOrTx,
  tenantId: string,
  table: typeof measures | typeof indicators | typeof milestones,
  nodeId: string,
) {
  const [row] = await db
    .select({ n: max(table.position) })
    .from(table)
    .where(and(eq(table.tenantId, tenantId), eq(table.nodeId, nodeId)));
  return (row?.n ?? -1) + 1;
}

/** Where a new item of a task belongs. */
type NodeItemBase = { tenantId: string; planId: string; nodeId: string };

/** Adds a measure after the task's others; returns its id. */
export async function insertMeasure(db: DbOrTx, base: NodeItemBase, text: string): Promise<string> {
  const [row] = await db
    .insert(measures)
    .values({ ...base, position: await nextPosition(db, base.tenantId, measures, base.nodeId), text })
    .returning({ id: measures.id });
  return row!.id;
}

/** Adds an indicator after the task's others; returns its id. */
export async function insertIndicator(
  db: DbOrTx,
  base: NodeItemBase,
  values: Omit<typeof indicators.$inferInsert, keyof NodeItemBase | "position">,
): Promise<string> {
  const [row] = await db
    .insert(indicators)
    .values({ ...base, position: await nextPosition(db, base.tenantId, indicators, base.nodeId), ...values })
    .returning({ id: indicators.id });
  return row!.id;
}

/** Adds a milestone after the task's others; returns its id. */
export async function insertMilestone(
  db: DbOrTx,
  base: NodeItemBase,
  values: Pick<typeof milestones.$inferInsert, "title" | "deadline">,
): Promise<string> {
  const [row] = await db
    .insert(milestones)
    .values({ ...base, position: await nextPosition(db, base.tenantId, milestones, base.nodeId), ...values })
    .returning({ id: milestones.id });
  return row!.id;
}

/** One indicator of the tenant, or null. */
export async function findIndicator(db: DbOrTx, tenantId: string, id: string) {
  const [row] = await db
    .select()
    .from(indicators)
    .where(and(eq(indicators.tenantId, tenantId), eq(indicators.id, id)));
  return row ?? null;
}

/** Changes an indicator's target or aggregation. */
export async function updateIndicatorValues(
  db: DbOrTx,
  target: { tenantId: string; id: string },
  values: Partial<typeof indicators.$inferInsert>,
): Promise<void> {
  await db
    .update(indicators)
    .set(values)
    .where(and(eq(indicators.tenantId, target.tenantId), eq(indicators.id, target.id)));
}

/** Records a close-out request. */
export async function insertClosure(db: DbOrTx, values: typeof nodeClosures.$inferInsert): Promise<void> {
  await db.insert(nodeClosures).values(values);
}

/** Decides the task's open close-out request. */
export async function decideOpenClosure(
  db: DbOrTx,
  target: { tenantId: string; nodeId: string },
  values: {
    status: "confirmed" | "returned";
    decidedBy: string;
    decidedAt: Date;
    decisionReason: string | null;
  },
): Promise<void> {
  await db
    .update(nodeClosures)
    .set(values)
    .where(
      and(
        eq(nodeClosures.tenantId, target.tenantId),
        eq(nodeClosures.nodeId, target.nodeId),
        eq(nodeClosures.status, "requested"),
      ),
    );
}

/** The close-out requests of a task with who asked, newest first. */
export async function findNodeClosures(db: DbOrTx, tenantId: string, nodeId: string) {
  return db
    .select({ closure: nodeClosures, requester: users.name })
    .from(nodeClosures)
    .leftJoin(users, eq(users.id, nodeClosures.requestedBy))
    .where(and(eq(nodeClosures.tenantId, tenantId), eq(nodeClosures.nodeId, nodeId)))
    .orderBy(desc(nodeClosures.createdAt));
}
