import type { CascadeLinkStatus } from "@duban/domain";
import { and, asc, count, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { alias, type PgSelect } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../../db/client.js";
import { preparedOnce } from "../../db/prepared-once.js";
import { cascadeLinks, handDowns, planNodes, plans, tenants } from "../../db/schema.js";
import { idArray } from "../../db/sql-array.js";

/** A hand-down row. */
export type HandDownRow = typeof handDowns.$inferSelect;
/** A link row. */
export type CascadeLinkRow = typeof cascadeLinks.$inferSelect;

/** The bureaus directly below one, by name. */
export async function findSubordinates(db: DbOrTx, tenantId: string) {
  return db
    .select({ id: tenants.id, name: tenants.name, code: tenants.code })
    .from(tenants)
    .where(eq(tenants.parentId, tenantId))
    .orderBy(asc(tenants.name), asc(tenants.id));
}

/** The tenant's hand-down of an item (a node as a whole, one of its measures or indicators), if it has one. */
export async function findHandDownOfItem(
  db: DbOrTx,
  tenantId: string,
  item: { nodeId: string; measureId: string | null; indicatorId: string | null },
) {
  const [row] = await db
    .select({ id: handDowns.id })
    .from(handDowns)
    .where(
      and(
        eq(handDowns.tenantId, tenantId),
        eq(handDowns.nodeId, item.nodeId),
        item.measureId ? eq(handDowns.measureId, item.measureId) : isNull(handDowns.measureId),
        item.indicatorId ? eq(handDowns.indicatorId, item.indicatorId) : isNull(handDowns.indicatorId),
      ),
    );
  return row ?? null;
}

/** Inserts a hand-down, or finds the item's existing one (handing down again adds bureaus to it). */
export async function upsertHandDown(db: DbOrTx, values: typeof handDowns.$inferInsert): Promise<string> {
  const [row] = await db
    .insert(handDowns)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: handDowns.id });
  if (row) return row.id;
  const item = {
    nodeId: values.nodeId,
    measureId: values.measureId ?? null,
    indicatorId: values.indicatorId ?? null,
  };
  return (await findHandDownOfItem(db, values.tenantId, item))!.id;
}

/** Gives a hand-down to bureaus that do not hold it yet; returns the links created. */
export async function insertLinks(db: DbOrTx, rows: (typeof cascadeLinks.$inferInsert)[]) {
  if (rows.length === 0) return [];
  return db
    .insert(cascadeLinks)
    .values(rows)
    .onConflictDoNothing()
    .returning({ id: cascadeLinks.id, tenantId: cascadeLinks.tenantId });
}

const handDownColumns = {
  handDown: handDowns,
  plan: { id: plans.id, title: plans.title },
  node: { id: planNodes.id, label: planNodes.label, title: planNodes.title },
};

/** A page of a plan's hand-downs, in plan order. */
export async function findHandDownsPage(
  db: DbOrTx,
  tenantId: string,
  filter: { planId: string; page: number; pageSize: number },
) {
  const where = and(eq(handDowns.tenantId, tenantId), eq(handDowns.planId, filter.planId));
  const [rows, [total]] = await Promise.all([
    db
      .select(handDownColumns)
      .from(handDowns)
      .innerJoin(plans, eq(plans.id, handDowns.planId))
      .innerJoin(planNodes, eq(planNodes.id, handDowns.nodeId))
      .where(where)
      .orderBy(asc(planNodes.position), asc(handDowns.createdAt), asc(handDowns.id))
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    db.select({ n: count() }).from(handDowns).where(where),
  ]);
  return { rows, total: Number(total?.n ?? 0) };
}

/** One hand-down of the tenant with its plan and node. */
export async function findHandDown(db: DbOrTx, tenantId: string, id: string) {
  const [row] = await db
    .select(handDownColumns)
    .from(handDowns)
    .innerJoin(plans, eq(plans.id, handDowns.planId))
    .innerJoin(planNodes, eq(planNodes.id, handDowns.nodeId))
    .where(and(eq(handDowns.tenantId, tenantId), eq(handDowns.id, id)));
  return row ?? null;
}

/** Sets counties' weights on a hand-down under its version; null when someone else changed it first. */
export async function updateCountyWeights(
  db: DbOrTx,
  key: { tenantId: string; id: string; version: number },
  weights: Record<string, number>,
) {
  const [row] = await db
    .update(handDowns)
    .set({
      countyWeights: sql`${handDowns.countyWeights} || ${JSON.stringify(weights)}::jsonb`,
      version: sql`${handDowns.version} + 1`,
    })
    .where(
      and(eq(handDowns.tenantId, key.tenantId), eq(handDowns.id, key.id), eq(handDowns.version, key.version)),
    )
    .returning({ id: handDowns.id });
  return row ?? null;
}

/**
 * Every county's link under the superior's hand-downs: the superior reaches the counties only from its own
 * hand-downs, through the link table.
 */
export async function findCountyLinks(db: DbOrTx, tenantId: string, handDownIds: string[]) {
  if (handDownIds.length === 0) return [];
  return db
    .select({ link: cascadeLinks, tenant: { id: tenants.id, name: tenants.name } })
    .from(handDowns)
    .innerJoin(cascadeLinks, eq(cascadeLinks.handDownId, handDowns.id))
    .innerJoin(tenants, eq(tenants.id, cascadeLinks.tenantId))
    .where(and(eq(handDowns.tenantId, tenantId), inArray(handDowns.id, handDownIds)))
    .orderBy(asc(tenants.name), asc(tenants.id));
}

const superiorNode = alias(planNodes, "superior_node");
const ownNode = alias(planNodes, "own_node");
const fromTenant = alias(tenants, "from_tenant");

const receivedColumns = {
  link: cascadeLinks,
  handDown: handDowns,
  from: { id: fromTenant.id, name: fromTenant.name },
  superiorNode: { label: superiorNode.label, title: superiorNode.title },
  ownNode: { id: ownNode.id, planId: ownNode.planId, label: ownNode.label, title: ownNode.title },
};

/** Joins a select from the link table to the superior's item and name: what a bureau reads through its link. */
function throughLink<T extends PgSelect>(qb: T) {
  return qb
    .innerJoin(handDowns, eq(handDowns.id, cascadeLinks.handDownId))
    .innerJoin(fromTenant, eq(fromTenant.id, cascadeLinks.fromTenantId))
    .innerJoin(superiorNode, eq(superiorNode.id, handDowns.nodeId));
}

/** The received hand-downs of the tenant matching `where`: the superior's text is read through the link. */
function receivedQuery(db: DbOrTx) {
  return throughLink(db.select(receivedColumns).from(cascadeLinks).$dynamic()).leftJoin(
    ownNode,
    eq(ownNode.id, cascadeLinks.nodeId),
  );
}

/** A received hand-down with the superior's item and the own node it is linked to. */
export type ReceivedRow = Awaited<ReturnType<ReturnType<typeof receivedQuery>["where"]>>[number];

/** A page of the tenant's inbox, newest first. */
export async function findInboxPage(
  db: DbOrTx,
  tenantId: string,
  filter: { status?: CascadeLinkStatus | undefined; page: number; pageSize: number },
) {
  const where = and(
    eq(cascadeLinks.tenantId, tenantId),
    filter.status ? eq(cascadeLinks.status, filter.status) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    receivedQuery(db)
      .where(where)
      .orderBy(desc(cascadeLinks.createdAt), asc(cascadeLinks.id))
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    db.select({ n: count() }).from(cascadeLinks).where(where),
  ]);
  return { rows, total: Number(total?.n ?? 0) };
}

/**
 * The tenant's received hand-downs in some states, oldest first, with only what a 我的工作 item names: the
 * superior, the item, its kind and due date.
 */
export async function findReceivedIn(db: DbOrTx, tenantId: string, statuses: CascadeLinkStatus[]) {
  const columns = {
    id: cascadeLinks.id,
    status: cascadeLinks.status,
    handedAt: cascadeLinks.createdAt,
    from: fromTenant.name,
    label: superiorNode.label,
    title: handDowns.title,
    dueDate: handDowns.dueDate,
    measureId: handDowns.measureId,
    indicatorId: handDowns.indicatorId,
  };
  // Named, the states as an array: 我的工作 runs it on every load of a 督查室's user.
  const name = "cascade_links_received_in";
  return preparedOnce(db, name, () =>
    throughLink(db.select(columns).from(cascadeLinks).$dynamic())
      .where(
        and(
          eq(cascadeLinks.tenantId, sql.placeholder("tenantId")),
          sql`${cascadeLinks.status} = any(${sql.placeholder("statuses")}::text[])`,
        ),
      )
      .orderBy(asc(cascadeLinks.createdAt), asc(cascadeLinks.id))
      .prepare(name),
  ).execute({ tenantId, statuses: idArray(statuses) });
}

/** One received hand-down of the tenant. */
export async function findReceived(db: DbOrTx, tenantId: string, id: string): Promise<ReceivedRow | null> {
  const [row] = await receivedQuery(db).where(
    and(eq(cascadeLinks.tenantId, tenantId), eq(cascadeLinks.id, id)),
  );
  return row ?? null;
}

/** The received hand-downs linked to one own node. */
export async function findNodeReceived(db: DbOrTx, tenantId: string, nodeId: string) {
  return receivedQuery(db)
    .where(and(eq(cascadeLinks.tenantId, tenantId), eq(cascadeLinks.nodeId, nodeId)))
    .orderBy(asc(cascadeLinks.createdAt), asc(cascadeLinks.id));
}

/** Moves a link under its version; null when someone else changed it first. */
export async function updateLink(
  db: DbOrTx,
  key: { tenantId: string; id: string; version: number },
  set: Partial<
    Pick<CascadeLinkRow, "status" | "nodeId" | "returnReason" | "returnedAt" | "linkedAt" | "linkedBy">
  >,
  now: Date,
) {
  const [row] = await db
    .update(cascadeLinks)
    .set({ ...set, version: sql`${cascadeLinks.version} + 1`, updatedAt: now })
    .where(
      and(
        eq(cascadeLinks.tenantId, key.tenantId),
        eq(cascadeLinks.id, key.id),
        eq(cascadeLinks.version, key.version),
      ),
    )
    .returning({ id: cascadeLinks.id });
  return row ?? null;
}
