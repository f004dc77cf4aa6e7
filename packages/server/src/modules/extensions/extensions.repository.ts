import type { ExtensionStatus } from "@duban/domain";
import { and, count, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { preparedOnce } from "../../db/prepared-once.js";
import { extensionRequests, planNodes, units } from "../../db/schema.js";

/** An extension request row. */
export type ExtensionRow = typeof extensionRequests.$inferSelect;

const detail = {
  request: extensionRequests,
  node: {
    id: planNodes.id,
    title: planNodes.title,
    leadUnitId: planNodes.leadUnitId,
    planId: planNodes.planId,
  },
  unitName: units.name,
};

/** Requests of the tenant matching the filters, newest first, one page. */
export async function findExtensions(
  db: DbOrTx,
  tenantId: string,
  filter: {
    status?: ExtensionStatus | undefined;
    unitId?: string | undefined;
    page: number;
    pageSize: number;
  },
) {
  const e = extensionRequests;
  const where = and(
    eq(e.tenantId, tenantId),
    filter.status ? eq(e.status, filter.status) : undefined,
    filter.unitId ? eq(e.unitId, filter.unitId) : undefined,
  );
  const items = await select(db, where)
    .orderBy(desc(e.createdAt), desc(e.id))
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize);
  const [total] = await db.select({ n: count() }).from(e).where(where);
  return { items, total: total?.n ?? 0 };
}

/** The request with its task and unit. */
function select(db: DbOrTx, where: SQL | undefined) {
  return db
    .select(detail)
    .from(extensionRequests)
    .innerJoin(planNodes, eq(planNodes.id, extensionRequests.nodeId))
    .innerJoin(units, eq(units.id, extensionRequests.unitId))
    .where(where);
}

/** A request with its task and unit. */
export type ExtensionDetail = Awaited<ReturnType<typeof findExtensions>>["items"][number];

/** One request with context, or null. */
export async function findExtension(
  db: DbOrTx,
  tenantId: string,
  id: string,
): Promise<ExtensionDetail | null> {
  const [row] = await select(db, and(eq(extensionRequests.tenantId, tenantId), eq(extensionRequests.id, id)));
  return row ?? null;
}

/** Whether an assignment already has a request awaiting a decision. */
export async function hasPendingExtension(db: DbOrTx, tenantId: string, assignmentId: string) {
  const [row] = await db
    .select({ id: extensionRequests.id })
    .from(extensionRequests)
    .where(
      and(
        eq(extensionRequests.tenantId, tenantId),
        eq(extensionRequests.assignmentId, assignmentId),
        inArray(extensionRequests.status, ["pending_lead", "pending_supervisor"]),
      ),
    );
  return !!row;
}

/** Inserts a request. */
export async function insertExtension(
  db: DbOrTx,
  values: typeof extensionRequests.$inferInsert,
): Promise<ExtensionRow> {
  const [row] = await db.insert(extensionRequests).values(values).returning();
  return row!;
}

/** Updates a request if its version still matches; null when it changed meanwhile. */
export async function updateExtension(
  db: DbOrTx,
  key: { tenantId: string; id: string; version: number },
  values: Partial<typeof extensionRequests.$inferInsert>,
): Promise<ExtensionRow | null> {
  const e = extensionRequests;
  const [row] = await db
    .update(e)
    .set({ ...values, version: sql`${e.version} + 1` })
    .where(and(eq(e.tenantId, key.tenantId), eq(e.id, key.id), eq(e.version, key.version)))
    .returning();
  return row ?? null;
}

/**
 * In one named statement, the requests waiting at the lead step on tasks `leadUnitId` leads (none when null) and,
 * when `office`, those waiting at the office's step: the lead step's first, each oldest first.
 */
export function findPendingExtensions(
  db: DbOrTx,
  key: { tenantId: string; leadUnitId: string | null; office: boolean },
): Promise<ExtensionDetail[]> {
  const name = "extensions_pending";
  const e = extensionRequests;
  return preparedOnce(db, name, () =>
    select(
      db,
      and(
        eq(e.tenantId, sql.placeholder("tenantId")),
        sql`((${e.status} = 'pending_lead' and ${planNodes.leadUnitId} = ${sql.placeholder("leadUnitId")}::uuid)
          or (${sql.placeholder("office")}::boolean and ${e.status} = 'pending_supervisor'))`,
      ),
    )
      .orderBy(sql`${e.status} = 'pending_supervisor'`, e.createdAt, e.id)
      .prepare(name),
  ).execute({ tenantId: key.tenantId, leadUnitId: key.leadUnitId, office: key.office });
}
