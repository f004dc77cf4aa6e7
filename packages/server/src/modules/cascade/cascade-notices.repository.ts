import { type CascadeNoticeStatus, liveCascadeNoticeStatuses } from "@duban/domain";
import { and, asc, count, desc, eq, inArray, sql } from "drizzle-orm";
import { alias, type PgSelect } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../../db/client.js";
import { preparedOnce } from "../../db/prepared-once.js";
import {
  cascadeLinks,
  cascadeNoticeEvents,
  cascadeNotices,
  handDowns,
  planNodes,
  tenants,
} from "../../db/schema.js";
import { idArray } from "../../db/sql-array.js";

/** A cross-bureau notice row. */
export type CascadeNoticeRow = typeof cascadeNotices.$inferSelect;

const fromTenant = alias(tenants, "from_tenant");
const toTenant = alias(tenants, "to_tenant");

const noticeColumns = {
  notice: cascadeNotices,
  from: { id: fromTenant.id, name: fromTenant.name },
  to: { id: toTenant.id, name: toTenant.name },
  item: { label: planNodes.label, title: handDowns.title },
};

/** Joins a select from the superior's notices to the handed-down item and both bureaus. */
function issuedJoins<T extends PgSelect>(qb: T) {
  return qb
    .innerJoin(handDowns, eq(handDowns.id, cascadeNotices.handDownId))
    .innerJoin(planNodes, eq(planNodes.id, handDowns.nodeId))
    .innerJoin(fromTenant, eq(fromTenant.id, cascadeNotices.tenantId))
    .innerJoin(toTenant, eq(toTenant.id, cascadeNotices.toTenantId));
}

/** The superior's side: its notices with both bureaus' names and the handed-down item. */
function issuedQuery(db: DbOrTx) {
  return issuedJoins(db.select(noticeColumns).from(cascadeNotices).$dynamic());
}

/** A notice as either side reads it. */
export type NoticeRead = Awaited<ReturnType<ReturnType<typeof issuedQuery>["where"]>>[number];

/**
 * Joins a select from the subordinate's own link rows to the notices: a notice is reached only through the link
 * it names, and only when addressed to the link's bureau.
 */
function receivedJoins<T extends PgSelect>(qb: T) {
  return qb
    .innerJoin(
      cascadeNotices,
      and(eq(cascadeNotices.linkId, cascadeLinks.id), eq(cascadeNotices.toTenantId, cascadeLinks.tenantId)),
    )
    .innerJoin(handDowns, eq(handDowns.id, cascadeLinks.handDownId))
    .innerJoin(planNodes, eq(planNodes.id, handDowns.nodeId))
    .innerJoin(fromTenant, eq(fromTenant.id, cascadeNotices.tenantId))
    .innerJoin(toTenant, eq(toTenant.id, cascadeLinks.tenantId));
}

/** The subordinate's side, starting from its own link rows. */
function receivedQuery(db: DbOrTx) {
  return receivedJoins(db.select(noticeColumns).from(cascadeLinks).$dynamic());
}

/** What a 我的工作 item names of a notice: its item, level, reason and dates. */
const waitingColumns = {
  id: cascadeNotices.id,
  handDownId: cascadeNotices.handDownId,
  level: cascadeNotices.level,
  reason: cascadeNotices.reason,
  replyDue: cascadeNotices.replyDue,
  status: cascadeNotices.status,
  createdAt: cascadeNotices.createdAt,
  updatedAt: cascadeNotices.updatedAt,
  label: planNodes.label,
  title: handDowns.title,
};

/** A notice waiting for a bureau, with the other bureau's name and which side of it the bureau is on. */
export interface WaitingNoticeRow {
  side: "received" | "issued";
  id: string;
  handDownId: string;
  level: (typeof cascadeNotices.$inferSelect)["level"];
  reason: string;
  replyDue: string;
  status: CascadeNoticeStatus;
  createdAt: Date;
  updatedAt: Date;
  label: string | null;
  title: string;
  bureau: string;
}

/**
 * In one named statement, the notices addressed to the tenant in the `received` states (found through its own
 * links; the issuer's name) and those it issued in the `issued` states (the addressee's name): the received ones
 * first, each side oldest first. 我的工作 runs it on every load of a 督查室's user.
 */
export async function findWaitingNotices(
  db: DbOrTx,
  key: { tenantId: string; received: CascadeNoticeStatus[]; issued: CascadeNoticeStatus[] },
): Promise<WaitingNoticeRow[]> {
  const name = "cascade_notices_waiting";
  const statusIn = (placeholder: string) =>
    sql`${cascadeNotices.status} = any(${sql.placeholder(placeholder)}::text[])`;
  return preparedOnce(db, name, () => {
    const side = (s: WaitingNoticeRow["side"]) =>
      sql<WaitingNoticeRow["side"]>`${sql.raw(`'${s}'`)}`.as("side");
    const received = receivedJoins(
      db
        .select({ ...waitingColumns, bureau: fromTenant.name, side: side("received") })
        .from(cascadeLinks)
        .$dynamic(),
    ).where(and(eq(cascadeLinks.tenantId, sql.placeholder("tenantId")), statusIn("received")));
    const issued = issuedJoins(
      db
        .select({ ...waitingColumns, bureau: toTenant.name, side: side("issued") })
        .from(cascadeNotices)
        .$dynamic(),
    ).where(and(eq(cascadeNotices.tenantId, sql.placeholder("tenantId")), statusIn("issued")));
    return received.unionAll(issued).orderBy(sql`"side" desc`, sql`"created_at"`, sql`"id"`).prepare(name);
  }).execute({ tenantId: key.tenantId, received: idArray(key.received), issued: idArray(key.issued) });
}

/** The subordinate's link to a hand-down of the superior, if it holds it. */
export async function findHeldLink(
  db: DbOrTx,
  key: { toTenantId: string; fromTenantId: string; handDownId: string },
) {
  const [row] = await db
    .select({ id: cascadeLinks.id, status: cascadeLinks.status, bureau: tenants.name })
    .from(cascadeLinks)
    .innerJoin(tenants, eq(tenants.id, cascadeLinks.tenantId))
    .where(
      and(
        eq(cascadeLinks.tenantId, key.toTenantId),
        eq(cascadeLinks.fromTenantId, key.fromTenantId),
        eq(cascadeLinks.handDownId, key.handDownId),
      ),
    );
  return row ?? null;
}

/** The live notice of the superior to a bureau on a hand-down, if there is one. */
export async function findLiveNotice(
  db: DbOrTx,
  key: { tenantId: string; handDownId: string; toTenantId: string },
) {
  const [row] = await db
    .select({ id: cascadeNotices.id })
    .from(cascadeNotices)
    .where(
      and(
        eq(cascadeNotices.tenantId, key.tenantId),
        eq(cascadeNotices.handDownId, key.handDownId),
        eq(cascadeNotices.toTenantId, key.toTenantId),
        inArray(cascadeNotices.status, [...liveCascadeNoticeStatuses]),
      ),
    );
  return row ?? null;
}

/** Inserts a notice; returns its id. */
export async function insertNotice(db: DbOrTx, values: typeof cascadeNotices.$inferInsert): Promise<string> {
  const [row] = await db.insert(cascadeNotices).values(values).returning({ id: cascadeNotices.id });
  return row!.id;
}

/** Gives a notice its 文号. */
export async function setNoticeNumber(db: DbOrTx, key: { tenantId: string; id: string }, text: string) {
  await db
    .update(cascadeNotices)
    .set({ documentNumber: text })
    .where(and(eq(cascadeNotices.tenantId, key.tenantId), eq(cascadeNotices.id, key.id)));
}

/** Records a step of a notice's history, owned by the bureau whose person took it. */
export async function insertEvent(db: DbOrTx, values: typeof cascadeNoticeEvents.$inferInsert) {
  await db.insert(cascadeNoticeEvents).values(values);
}

/** Moves a notice under its version (the superior's row, keyed by the superior); null when someone moved it first. */
export async function updateNotice(
  db: DbOrTx,
  key: { tenantId: string; id: string; version: number },
  set: { status: CascadeNoticeStatus },
  now: Date,
) {
  const [row] = await db
    .update(cascadeNotices)
    .set({ ...set, version: sql`${cascadeNotices.version} + 1`, updatedAt: now })
    .where(
      and(
        eq(cascadeNotices.tenantId, key.tenantId),
        eq(cascadeNotices.id, key.id),
        eq(cascadeNotices.version, key.version),
      ),
    )
    .returning({ id: cascadeNotices.id });
  return row ?? null;
}

/** One notice the tenant issued. */
export async function findIssuedNotice(db: DbOrTx, tenantId: string, id: string): Promise<NoticeRead | null> {
  const [row] = await issuedQuery(db).where(
    and(eq(cascadeNotices.tenantId, tenantId), eq(cascadeNotices.id, id)),
  );
  return row ?? null;
}

/** A page of the notices the tenant issued on one of its hand-downs, newest first. */
export async function findIssuedPage(
  db: DbOrTx,
  tenantId: string,
  filter: { handDownId: string; page: number; pageSize: number },
) {
  const where = and(eq(cascadeNotices.tenantId, tenantId), eq(cascadeNotices.handDownId, filter.handDownId));
  const [rows, [total]] = await Promise.all([
    issuedQuery(db)
      .where(where)
      .orderBy(desc(cascadeNotices.createdAt), asc(cascadeNotices.id))
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    db.select({ n: count() }).from(cascadeNotices).where(where),
  ]);
  return { rows, total: Number(total?.n ?? 0) };
}

/** One notice addressed to the tenant, found through its own link. */
export async function findReceivedNotice(
  db: DbOrTx,
  tenantId: string,
  id: string,
): Promise<NoticeRead | null> {
  const [row] = await receivedQuery(db).where(
    and(eq(cascadeLinks.tenantId, tenantId), eq(cascadeNotices.id, id)),
  );
  return row ?? null;
}

/** A page of the notices addressed to the tenant, newest first. */
export async function findReceivedPage(
  db: DbOrTx,
  tenantId: string,
  filter: { status?: CascadeNoticeStatus | undefined; page: number; pageSize: number },
) {
  const where = and(
    eq(cascadeLinks.tenantId, tenantId),
    filter.status ? eq(cascadeNotices.status, filter.status) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    receivedQuery(db)
      .where(where)
      .orderBy(desc(cascadeNotices.createdAt), asc(cascadeNotices.id))
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    db
      .select({ n: count() })
      .from(cascadeLinks)
      .innerJoin(
        cascadeNotices,
        and(eq(cascadeNotices.linkId, cascadeLinks.id), eq(cascadeNotices.toTenantId, cascadeLinks.tenantId)),
      )
      .where(where),
  ]);
  return { rows, total: Number(total?.n ?? 0) };
}

/**
 * The histories of notices, oldest step first: only the steps the two bureaus of each notice took (`tenantIds`
 * are the reader's bureau and the other side's), with the name of the bureau that took each.
 */
export async function findEvents(db: DbOrTx, tenantIds: string[], noticeIds: string[]) {
  if (noticeIds.length === 0) return [];
  return db
    .select({ event: cascadeNoticeEvents, bureau: tenants.name })
    .from(cascadeNoticeEvents)
    .innerJoin(tenants, eq(tenants.id, cascadeNoticeEvents.tenantId))
    .where(
      and(
        inArray(cascadeNoticeEvents.tenantId, [...new Set(tenantIds)]),
        inArray(cascadeNoticeEvents.noticeId, noticeIds),
      ),
    )
    .orderBy(asc(cascadeNoticeEvents.createdAt), asc(cascadeNoticeEvents.id));
}
