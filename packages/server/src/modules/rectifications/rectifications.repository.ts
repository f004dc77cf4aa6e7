import { isRectificationLive, type RectificationFilter, rectificationStatuses } from "@duban/domain";
import { and, asc, count, desc, eq, ilike, inArray, lt, or, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { preparedOnce } from "../../db/prepared-once.js";
import { files, inspections, planNodes, rectifications, supervisionNotices, units } from "../../db/schema.js";
import { idArray } from "../../db/sql-array.js";

/** A rectification row. */
export type RectificationRow = typeof rectifications.$inferSelect;

/** Where the ledger looks: the tenant, the actor's unit when it sees only its own, the filters. */
export interface LedgerScope extends RectificationFilter {
  tenantId: string;
  /** Set for schools: only this unit's items. */
  ownUnitId?: string | null;
  /** Today in Shanghai, for the overdue rule. */
  today: string;
}

/** The states an item can still be overdue in: every one it may yet move on from. */
const liveStatuses = rectificationStatuses.filter(isRectificationLive);

/** Overdue: past the deadline and not yet closed out. */
function overdueSql(today: string): SQL {
  return and(lt(rectifications.deadline, today), inArray(rectifications.status, liveStatuses))!;
}

/** The WHERE clause of a ledger query. */
function ledgerWhere(s: LedgerScope): SQL {
  const parts: (SQL | undefined)[] = [eq(rectifications.tenantId, s.tenantId)];
  if (s.ownUnitId) parts.push(eq(rectifications.unitId, s.ownUnitId));
  if (s.unitId) parts.push(eq(rectifications.unitId, s.unitId));
  if (s.source) parts.push(eq(rectifications.source, s.source));
  if (s.status) parts.push(eq(rectifications.status, s.status));
  if (s.overdue === "true") parts.push(overdueSql(s.today));
  if (s.overdue === "false") parts.push(sql`not (${overdueSql(s.today)})`);
  if (s.q) {
    const like = `%${s.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    parts.push(
      or(
        ilike(rectifications.problem, like),
        ilike(rectifications.requirement, like),
        ilike(rectifications.responsiblePerson, like),
        ilike(units.name, like),
      ),
    );
  }
  return and(...parts)!;
}

/** The columns every ledger row carries. */
const rowColumns = { item: rectifications, unitName: units.name };

/** One page of the ledger, nearest deadline first, with the total. */
export async function findRectificationPage(
  db: DbOrTx,
  scope: LedgerScope,
  page: { page: number; pageSize: number },
) {
  const where = ledgerWhere(scope);
  const [rows, [total]] = await Promise.all([
    db
      .select(rowColumns)
      .from(rectifications)
      .innerJoin(units, eq(units.id, rectifications.unitId))
      .where(where)
      .orderBy(asc(rectifications.deadline), desc(rectifications.createdAt))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    db
      .select({ n: count() })
      .from(rectifications)
      .innerJoin(units, eq(units.id, rectifications.unitId))
      .where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** Every ledger row matching the filters (for the export), in unit then deadline order, up to `max`. */
export function findRectificationRows(db: DbOrTx, scope: LedgerScope, max: number) {
  return db
    .select(rowColumns)
    .from(rectifications)
    .innerJoin(units, eq(units.id, rectifications.unitId))
    .where(ledgerWhere(scope))
    .orderBy(
      asc(units.sortOrder),
      asc(units.name),
      asc(rectifications.deadline),
      asc(rectifications.createdAt),
    )
    .limit(max);
}

/**
 * In one named statement, the items a unit may submit (`submitStatuses`, of `unitId`) and those the actor may
 * verify (`verifyStatuses`, of any unit): the first `max` of each status in the export's order, grouped by status
 * in the order the two lists give (they do not overlap) — as reading each status of each scope on its own would.
 */
export function findWaitingRectifications(
  db: DbOrTx,
  key: { tenantId: string; unitId: string | null; submitStatuses: string[]; verifyStatuses: string[] },
  max: number,
): Promise<LedgerRow[]> {
  const name = "rectifications_waiting";
  const r = rectifications;
  const p = (placeholder: string) => sql.placeholder(placeholder);
  const waiting = (alias: string) =>
    sql`${sql.identifier(alias)}."tenant_id" = ${p("tenantId")}
      and ((${sql.identifier(alias)}."unit_id" = ${p("unitId")}::uuid
        and ${sql.identifier(alias)}."status" = any(${p("submit")}::text[]))
      or ${sql.identifier(alias)}."status" = any(${p("verify")}::text[]))`;
  return preparedOnce(db, name, () =>
    db
      .select(rowColumns)
      .from(r)
      .innerJoin(units, eq(units.id, r.unitId))
      .where(
        and(
          sql`${waiting("rectifications")}`,
          sql`${r.id} in (select "ranked"."id" from (select "w"."id", row_number() over (partition by "w"."status"
            order by "wu"."sort_order", "wu"."name", "w"."deadline", "w"."created_at") as "n"
            from "rectifications" "w" join "units" "wu" on "wu"."id" = "w"."unit_id"
            where ${waiting("w")}) "ranked" where "ranked"."n" <= ${p("max")})`,
        ),
      )
      .orderBy(
        sql`array_position(${p("statuses")}::text[], ${r.status})`,
        asc(units.sortOrder),
        asc(units.name),
        asc(r.deadline),
        asc(r.createdAt),
      )
      .prepare(name),
  ).execute({
    tenantId: key.tenantId,
    unitId: key.unitId,
    submit: idArray(key.unitId ? key.submitStatuses : []),
    verify: idArray(key.verifyStatuses),
    statuses: idArray([...(key.unitId ? key.submitStatuses : []), ...key.verifyStatuses]),
    max,
  });
}

/**
 * The lead department（牵头科室）of the task each of these 督办单 was raised on, by notice id: the link a 整改 item
 * found through 督办 has to a task. Notices whose task has no lead department are left out.
 */
export async function findNoticeLeadDepartments(
  db: DbOrTx,
  tenantId: string,
  noticeIds: string[],
): Promise<Map<string, string>> {
  if (noticeIds.length === 0) return new Map();
  const rows = await db
    .select({ noticeId: supervisionNotices.id, lead: units.name })
    .from(supervisionNotices)
    .innerJoin(planNodes, eq(planNodes.id, supervisionNotices.nodeId))
    .innerJoin(units, eq(units.id, planNodes.leadUnitId))
    .where(and(eq(supervisionNotices.tenantId, tenantId), inArray(supervisionNotices.id, noticeIds)));
  return new Map(rows.map((r) => [r.noticeId, r.lead]));
}

/** Ledger counts grouped by unit, source, status and deadline: the raw material of the statistics. */
export function countRectifications(db: DbOrTx, scope: LedgerScope) {
  // Grouped by deadline rather than by an "overdue" expression: a bound parameter inside GROUP BY is not
  // recognised by PostgreSQL as the same expression as in the SELECT list.
  return db
    .select({
      unitId: rectifications.unitId,
      unitName: units.name,
      source: rectifications.source,
      status: rectifications.status,
      deadline: rectifications.deadline,
      n: count(),
    })
    .from(rectifications)
    .innerJoin(units, eq(units.id, rectifications.unitId))
    .where(ledgerWhere(scope))
    .groupBy(
      rectifications.unitId,
      units.name,
      rectifications.source,
      rectifications.status,
      rectifications.deadline,
    );
}

/** One item of the tenant with its unit's name, or null. */
export async function findRectification(db: DbOrTx, tenantId: string, id: string) {
  const [row] = await db
    .select(rowColumns)
    .from(rectifications)
    .innerJoin(units, eq(units.id, rectifications.unitId))
    .where(and(eq(rectifications.tenantId, tenantId), eq(rectifications.id, id)));
  return row ?? null;
}

/** A ledger row with its unit's name. */
export type LedgerRow = NonNullable<Awaited<ReturnType<typeof findRectification>>>;

/** Inserts an item. */
export async function insertRectification(
  db: DbOrTx,
  values: typeof rectifications.$inferInsert,
): Promise<RectificationRow> {
  const [row] = await db.insert(rectifications).values(values).returning();
  return row!;
}

/** Updates an item if its version still matches; null when someone else changed it first. */
export async function updateRectification(
  db: DbOrTx,
  key: { tenantId: string; id: string; version: number },
  values: Partial<typeof rectifications.$inferInsert>,
): Promise<RectificationRow | null> {
  const [row] = await db
    .update(rectifications)
    .set({ ...values, version: sql`${rectifications.version} + 1`, updatedAt: new Date() })
    .where(
      and(
        eq(rectifications.tenantId, key.tenantId),
        eq(rectifications.id, key.id),
        eq(rectifications.version, key.version),
      ),
    )
    .returning();
  return row ?? null;
}

/** The stored files behind the items' evidence, in one query. */
export async function findEvidenceFiles(db: DbOrTx, tenantId: string, ids: string[]) {
  if (ids.length === 0) return [];
  const name = "rectification_files";
  return preparedOnce(db, name, () =>
    db
      .select()
      .from(files)
      .where(
        and(
          eq(files.tenantId, sql.placeholder("tenantId")),
          sql`${files.id} = any(${sql.placeholder("ids")}::uuid[])`,
        ),
      )
      .prepare(name),
  ).execute({ tenantId, ids: idArray([...new Set(ids)]) });
}

/**
 * The tenant's record an item says it came from (a 督导 visit or a 督办单), or null: an item may only point at a
 * record of its own tenant, so the lookup is scoped like every other.
 */
export async function findSourceRecord(
  db: DbOrTx,
  tenantId: string,
  source: "inspection" | "supervision",
  id: string,
): Promise<{ unitId: string; inspectorId: string | null } | null> {
  if (source === "inspection") {
    const [row] = await db
      .select({ unitId: inspections.unitId, inspectorId: inspections.inspectorId })
      .from(inspections)
      .where(and(eq(inspections.tenantId, tenantId), eq(inspections.id, id)));
    return row ?? null;
  }
  const [row] = await db
    .select({ unitId: supervisionNotices.unitId })
    .from(supervisionNotices)
    .where(and(eq(supervisionNotices.tenantId, tenantId), eq(supervisionNotices.id, id)));
  return row ? { unitId: row.unitId, inspectorId: null } : null;
}
