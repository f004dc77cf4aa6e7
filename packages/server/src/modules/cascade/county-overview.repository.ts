import { and, asc, count, eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { cascadeLinks, handDowns, tenants } from "../../db/schema.js";

/**
 * Every county's link under the superior's hand-downs of one plan, with the hand-down's due date and targets:
 * the 县区总览 reaches the counties only from the superior's own hand-downs, through the link table.
 */
export async function findPlanCountyLinks(db: DbOrTx, tenantId: string, planId: string) {
  return db
    .select({
      link: {
        tenantId: cascadeLinks.tenantId,
        status: cascadeLinks.status,
        nodeId: cascadeLinks.nodeId,
        createdAt: cascadeLinks.createdAt,
        linkedAt: cascadeLinks.linkedAt,
        returnedAt: cascadeLinks.returnedAt,
      },
      handDown: { id: handDowns.id, dueDate: handDowns.dueDate, targets: handDowns.targets },
      tenant: { id: tenants.id, name: tenants.name },
    })
    .from(handDowns)
    .innerJoin(cascadeLinks, eq(cascadeLinks.handDownId, handDowns.id))
    .innerJoin(tenants, eq(tenants.id, cascadeLinks.tenantId))
    .where(and(eq(handDowns.tenantId, tenantId), eq(handDowns.planId, planId)))
    .orderBy(asc(tenants.name), asc(tenants.id), asc(handDowns.createdAt), asc(handDowns.id));
}

/** How many bureaus sit directly below one. */
export async function countSubordinates(db: DbOrTx, tenantId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(tenants).where(eq(tenants.parentId, tenantId));
  return Number(row?.n ?? 0);
}
