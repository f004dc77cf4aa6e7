import { and, desc, eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { planChanges, users } from "../../db/schema.js";

/** Records one change to a published plan: who, what, before, after and why. */
export async function insertPlanChange(db: DbOrTx, values: typeof planChanges.$inferInsert): Promise<void> {
  await db.insert(planChanges).values(values);
}

/** A plan's change history, newest first. */
export async function findPlanChanges(db: DbOrTx, tenantId: string, planId: string) {
  return db
    .select({ change: planChanges, actorName: users.name })
    .from(planChanges)
    .leftJoin(users, eq(users.id, planChanges.actorId))
    .where(and(eq(planChanges.tenantId, tenantId), eq(planChanges.planId, planId)))
    .orderBy(desc(planChanges.id))
    .limit(500);
}
