import { weightedProgress } from "@duban/domain";
import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { assignments, planNodes } from "../../db/schema.js";

/** Recomputes a task's progress as the weighted mean of its active assignments' progress. */
export async function rollupNodeProgress(db: DbOrTx, tenantId: string, nodeId: string): Promise<number> {
  const rows = await db
    .select({ progress: assignments.progress, weight: assignments.weight })
    .from(assignments)
    .where(
      and(
        eq(assignments.tenantId, tenantId),
        eq(assignments.nodeId, nodeId),
        eq(assignments.status, "active"),
      ),
    );
  const progress = weightedProgress(rows);
  await db
    .update(planNodes)
    .set({ progress, updatedAt: sql`now()` })
    .where(and(eq(planNodes.tenantId, tenantId), eq(planNodes.id, nodeId)));
  return progress;
}
