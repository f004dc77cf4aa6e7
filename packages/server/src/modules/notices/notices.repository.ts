import { type NoticeLevel, type NoticeStatus, noticeStatusesAllowing } from "@duban/domain";
import { and, asc, count, desc, eq, ilike, inArray, lt, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../../db/client.js";
import { preparedOnce } from "../../db/prepared-once.js";
import { noticeEvents, planNodes, supervisionNotices, units } from "../../db/schema.js";
import { idArray } from "../../db/sql-array.js";

/** A notice row. */
export type NoticeRow = typeof supervisionNotices.$inferSelect;

/** Filters the ledger and its export apply; `today` judges overdue replies. */
export interface NoticeFilter {
  level?: NoticeLevel;
  status?: NoticeStatus;
  unitId?: string;
  planId?: string;
  overdueReply?: boolean;
  /** A keyword in the reason, the task's title or the unit's name. */
  q?: string | undefined;
  today: string;
}

/** The lead department of a notice's task（牵头科室）, joined as a second copy of units. */
const leadUnits = alias(units, "lead_units");

/** The SQL of the ledger's filters, always scoped to the tenant. */
function whereOf(tenantId: string, f: NoticeFilter): SQL | undefined {
  const n = supervisionNotices;
  return and(
    eq(n.tenantId, tenantId),
    f.level ? eq(n.level, f.level) : undefined,
    f.status ? eq(n.status, f.status) : undefined,
    f.unitId ? eq(n.unitId, f.unitId) : undefined,
    f.planId ? eq(n.planId, f.planId) : undefined,
    // Overdue reply: the deadline passed and the unit still owes an answer.
    f.overdueReply
      ? and(lt(n.replyDue, f.today), inArray(n.status, noticeStatusesAllowing("reply")))
      : undefined,
    f.q ? keyword(f.q) : undefined,
  );
}

/** The keyword filter: a plain substring (LIKE's wildcards escaped) of the reason, task title or unit name. */
function keyword(q: string): SQL | undefined {
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return or(ilike(supervisionNotices.reason, like), ilike(planNodes.title, like), ilike(units.name, like));
}

const detail = {
  notice: supervisionNotices,
  node: {
    id: planNodes.id,
    title: planNodes.title,
    label: planNodes.label,
    leadUnitId: planNodes.leadUnitId,
  },
  unitName: units.name,
  leadUnitName: leadUnits.name,
};

/** One page of the ledger, newest first; `pageSize` 0 means every row (for the export). */
export async function findNotices(
  db: DbOrTx,
  tenantId: string,
  filter: NoticeFilter & { page: number; pageSize: number },
) {
  const where = whereOf(tenantId, filter);
  const base = db
    .select(detail)
    .from(supervisionNotices)
    .innerJoin(planNodes, eq(planNodes.id, supervisionNotices.nodeId))
    .innerJoin(units, eq(units.id, supervisionNotices.unitId))
    .leftJoin(leadUnits, eq(leadUnits.id, planNodes.leadUnitId))
    .where(where)
    // Notices are dated by the app's clock, and one scan raises many at the same instant: among those, the one
    // whose history starts later (events are numbered as written) is newer.
    .orderBy(...ledgerOrder());
  const items = filter.pageSize
    ? await base.limit(filter.pageSize).offset((filter.page - 1) * filter.pageSize)
    : await base;
  // The count joins what the keyword may match: the task's title and the unit's name.
  const [total] = await db
    .select({ n: count() })
    .from(supervisionNotices)
    .innerJoin(planNodes, eq(planNodes.id, supervisionNotices.nodeId))
    .innerJoin(units, eq(units.id, supervisionNotices.unitId))
    .where(where);
  return { items, total: total?.n ?? 0 };
}

/** The ledger's order: newest first, and among same-instant notices the one whose history starts later. */
function ledgerOrder() {
  return [
    desc(supervisionNotices.createdAt),
    desc(
      sql`(select min(e.id) from ${noticeEvents} e where e.tenant_id = ${supervisionNotices.tenantId} and e.notice_id = ${supervisionNotices.id})`,
    ),
    asc(supervisionNotices.id),
  ];
}

/**
 * In one named statement, the notices a unit may answer (`replyStatuses`, of `unitId`) and those the office may
 * decide (`decideStatuses`, of any unit): grouped by status in the order the two lists give (they do not
 * overlap), each group in the ledger's order — as reading each status of each scope on its own would list them.
 */
export function findWaitingNotices(
  db: DbOrTx,
  key: { tenantId: string; unitId: string | null; replyStatuses: string[]; decideStatuses: string[] },
): Promise<NoticeDetail[]> {
  const name = "notices_waiting";
  const n = supervisionNotices;
  return preparedOnce(db, name, () =>
    db
      .select(detail)
      .from(n)
      .innerJoin(planNodes, eq(planNodes.id, n.nodeId))
      .innerJoin(units, eq(units.id, n.unitId))
      .leftJoin(leadUnits, eq(leadUnits.id, planNodes.leadUnitId))
      .where(
        and(
          eq(n.tenantId, sql.placeholder("tenantId")),
          sql`((${n.unitId} = ${sql.placeholder("unitId")}::uuid and ${n.status} = any(${sql.placeholder("reply")}::text[]))
            or ${n.status} = any(${sql.placeholder("decide")}::text[]))`,
        ),
      )
      .orderBy(
        sql`array_position(${sql.placeholder("statuses")}::text[], ${n.status}::text)`,
        ...ledgerOrder(),
      )
      .prepare(name),
  ).execute({
    tenantId: key.tenantId,
    unitId: key.unitId,
    reply: idArray(key.unitId ? key.replyStatuses : []),
    decide: idArray(key.decideStatuses),
    statuses: idArray([...(key.unitId ? key.replyStatuses : []), ...key.decideStatuses]),
  });
}

/** A notice with its task and unit. */
export type NoticeDetail = Awaited<ReturnType<typeof findNotices>>["items"][number];

/** One notice with context, or null. */
export async function findNotice(db: DbOrTx, tenantId: string, id: string): Promise<NoticeDetail | null> {
  const [row] = await db
    .select(detail)
    .from(supervisionNotices)
    .innerJoin(planNodes, eq(planNodes.id, supervisionNotices.nodeId))
    .innerJoin(units, eq(units.id, supervisionNotices.unitId))
    .leftJoin(leadUnits, eq(leadUnits.id, planNodes.leadUnitId))
    .where(and(eq(supervisionNotices.tenantId, tenantId), eq(supervisionNotices.id, id)));
  return row ?? null;
}

/**
 * Inserts a notice; null when a live automatic notice for the item already exists (unique key). Its creation time
 * comes from the app's clock, never the database's: the 督办通知单's 成文日期 and the reply days count from it.
 */
export async function insertNotice(
  db: DbOrTx,
  values: typeof supervisionNotices.$inferInsert & { createdAt: Date },
): Promise<NoticeRow | null> {
  const [row] = await db.insert(supervisionNotices).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

/** Writes the 文号 a new notice was given, in the transaction that created it. */
export async function setNoticeNumber(
  db: DbOrTx,
  key: { tenantId: string; id: string },
  documentNumber: string,
): Promise<void> {
  const n = supervisionNotices;
  await db
    .update(n)
    .set({ documentNumber })
    .where(and(eq(n.tenantId, key.tenantId), eq(n.id, key.id)));
}

/** Updates a notice if its version still matches; null when it changed meanwhile. */
export async function updateNotice(
  db: DbOrTx,
  key: { tenantId: string; id: string; version: number },
  values: Partial<typeof supervisionNotices.$inferInsert>,
): Promise<NoticeRow | null> {
  const n = supervisionNotices;
  const [row] = await db
    .update(n)
    .set({ ...values, version: sql`${n.version} + 1`, updatedAt: new Date() })
    .where(and(eq(n.tenantId, key.tenantId), eq(n.id, key.id), eq(n.version, key.version)))
    .returning();
  return row ?? null;
}

/** Appends a step to a notice's history, dated by the app's clock (a reply's date counts in the reply days). */
export async function insertNoticeEvent(
  db: DbOrTx,
  values: typeof noticeEvents.$inferInsert & { createdAt: Date },
): Promise<void> {
  await db.insert(noticeEvents).values(values);
}

/** The history of notices, oldest first, grouped by notice. */
export async function findNoticeEvents(db: DbOrTx, tenantId: string, noticeIds: string[]) {
  const map = new Map<string, (typeof noticeEvents.$inferSelect)[]>();
  if (noticeIds.length === 0) return map;
  const rows = await db
    .select()
    .from(noticeEvents)
    .where(and(eq(noticeEvents.tenantId, tenantId), inArray(noticeEvents.noticeId, noticeIds)))
    .orderBy(asc(noticeEvents.id));
  for (const r of rows) map.set(r.noticeId, [...(map.get(r.noticeId) ?? []), r]);
  return map;
}

/** Every automatic notice of the tenant, newest first: what the scan compares the lights with. */
export async function findAutoNotices(db: DbOrTx, tenantId: string): Promise<NoticeRow[]> {
  return db
    .select()
    .from(supervisionNotices)
    .where(and(eq(supervisionNotices.tenantId, tenantId), eq(supervisionNotices.source, "auto")))
    .orderBy(desc(supervisionNotices.createdAt));
}

/** A live (not yet accepted or closed) notice of `level` for the unit on the task, or null: a second would repeat it. */
export async function findLiveNotice(
  db: DbOrTx,
  key: { tenantId: string; nodeId: string; unitId: string; level: NoticeLevel },
): Promise<NoticeRow | null> {
  const n = supervisionNotices;
  const [row] = await db
    .select()
    .from(n)
    .where(
      and(
        eq(n.tenantId, key.tenantId),
        eq(n.nodeId, key.nodeId),
        eq(n.unitId, key.unitId),
        eq(n.level, key.level),
        inArray(n.status, noticeStatusesAllowing("close")),
      ),
    )
    .orderBy(desc(n.createdAt), asc(n.id))
    .limit(1);
  return row ?? null;
}
