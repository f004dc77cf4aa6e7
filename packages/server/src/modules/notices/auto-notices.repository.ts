import { and, desc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { reportCycles, reports } from "../../db/schema.js";

/**
 * The assignments that reported nothing (submitted or approved) in each plan's last `n` closed cycles, among
 * those that already existed when those cycles were due: an assignment made later owed no report.
 */
export async function findSilentAssignments(
  db: DbOrTx,
  tenantId: string,
  items: { id: string; planId: string; createdDay: string }[],
  n: number,
): Promise<Set<string>> {
  const silent = new Set<string>();
  const planIds = [...new Set(items.map((i) => i.planId))];
  if (planIds.length === 0) return silent;
  const closed = await db
    .select({ id: reportCycles.id, planId: reportCycles.planId, dueDate: reportCycles.dueDate })
    .from(reportCycles)
    .where(
      and(
        eq(reportCycles.tenantId, tenantId),
        inArray(reportCycles.planId, planIds),
        eq(reportCycles.status, "closed"),
      ),
    )
    .orderBy(desc(reportCycles.dueDate));
  const lastByPlan = new Map<string, typeof closed>();
  for (const c of closed) {
    const list = lastByPlan.get(c.planId) ?? [];
    if (list.length < n) lastByPlan.set(c.planId, [...list, c]);
  }
  const cycleIds = [...lastByPlan.values()].flat().map((c) => c.id);
  if (cycleIds.length === 0) return silent;
  const reported = await db
    .select({ assignmentId: reports.assignmentId })
    .from(reports)
    .where(
      and(
        eq(reports.tenantId, tenantId),
        inArray(reports.cycleId, cycleIds),
        inArray(reports.status, ["submitted", "approved"]),
      ),
    );
  const spoke = new Set(reported.map((r) => r.assignmentId));
  for (const item of items) {
    const cycles = lastByPlan.get(item.planId) ?? [];
    const owed = cycles.length === n && cycles.every((c) => c.dueDate >= item.createdDay);
    if (owed && !spoke.has(item.id)) silent.add(item.id);
  }
  return silent;
}
