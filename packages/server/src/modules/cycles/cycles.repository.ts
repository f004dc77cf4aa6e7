import { and, desc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { assignments, reportCycles, reports } from "../../db/schema.js";

/** A cycle row. */
export type CycleRow = typeof reportCycles.$inferSelect;

/** One cycle of the tenant, or null. */
export async function findCycle(db: DbOrTx, tenantId: string, id: string): Promise<CycleRow | null> {
  const [row] = await db
    .select()
    .from(reportCycles)
    .where(and(eq(reportCycles.tenantId, tenantId), eq(reportCycles.id, id)));
  return row ?? null;
}

/** The plan's open cycle, if any. */
export async function findOpenCycle(db: DbOrTx, tenantId: string, planId: string): Promise<CycleRow | null> {
  const [row] = await db
    .select()
    .from(reportCycles)
    .where(
      and(
        eq(reportCycles.tenantId, tenantId),
        eq(reportCycles.planId, planId),
        eq(reportCycles.status, "open"),
      ),
    )
    .orderBy(desc(reportCycles.startDate))
    .limit(1);
  return row ?? null;
}

/** A column of the outer report_cycles row, qualified: drizzle leaves one-table selects unqualified. */
const outer = (column: string) => sql.raw(`"report_cycles"."${column}"`);

/** A plan's cycles, newest first, with how many reports each expects, has received and has approved. */
export async function findPlanCycles(db: DbOrTx, tenantId: string, planId: string) {
  return db
    .select({
      cycle: reportCycles,
      expected: sql<number>`(select count(*)::int from ${assignments} a where a.plan_id = ${outer("plan_id")} and a.status = 'active')`,
      submitted: sql<number>`(select count(*)::int from ${reports} r where r.cycle_id = ${outer("id")} and r.status in ('submitted', 'approved'))`,
      approved: sql<number>`(select count(*)::int from ${reports} r where r.cycle_id = ${outer("id")} and r.status = 'approved')`,
    })
    .from(reportCycles)
    .where(and(eq(reportCycles.tenantId, tenantId), eq(reportCycles.planId, planId)))
    .orderBy(desc(reportCycles.startDate));
}

/** Inserts a cycle. */
export async function insertCycle(db: DbOrTx, values: typeof reportCycles.$inferInsert): Promise<CycleRow> {
  const [row] = await db.insert(reportCycles).values(values).returning();
  return row!;
}

/** Closes a cycle if its version still matches. */
export async function closeCycle(
  db: DbOrTx,
  key: { tenantId: string; id: string; version: number },
  now: Date,
) {
  const [row] = await db
    .update(reportCycles)
    .set({ status: "closed", closedAt: now, version: sql`${reportCycles.version} + 1` })
    .where(
      and(
        eq(reportCycles.tenantId, key.tenantId),
        eq(reportCycles.id, key.id),
        eq(reportCycles.version, key.version),
      ),
    )
    .returning();
  return row ?? null;
}
