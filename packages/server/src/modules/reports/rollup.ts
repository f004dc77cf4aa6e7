import { weightedProgressOfSums } from "@duban/domain";
import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { assignments, planNodes } from "../../db/schema.js";

const num = (expr: ReturnType<typeof sql>) => expr.mapWith(Number);

/**
 * Recomputes a task's progress as the weighted mean of its active assignments' progress. The database returns
 * the sums in one row, so a task assigned to 300 schools costs one row, not 300, on every approval.
 */
export async function rollupNodeProgress(db: DbOrTx, tenantId: string, nodeId: string): Promise<number> {
  const [sums] = await db
    .select({
      count: num(sql`count(*)`),
      totalWeight: num(sql`coalesce(sum(${assignments.weight}), 0)`),
      weightedSum: num(sql`coalesce(sum(${assignments.progress} * ${assignments.weight}), 0)`),
      plainSum: num(sql`coalesce(sum(${assignments.progress}), 0)`),
      min: num(sql`coalesce(min(${assignments.progress}), 0)`),
      max: num(sql`coalesce(max(${assignments.progress}), 0)`),
    })
    .from(assignments)
    .where(
      and(
        eq(assignments.tenantId, tenantId),
        eq(assignments.nodeId, nodeId),
        eq(assignments.status, "active"),
      ),
    );
  const progress = weightedProgressOfSums(sums!);
  await db
    .update(planNodes)
    .set({ progress, updatedAt: sql`now()` })
    .where(and(eq(planNodes.tenantId, tenantId), eq(planNodes.id, nodeId)));
  return progress;
}
