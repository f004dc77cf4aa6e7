import type { CycleKind } from "@duban/domain";
import {
  and,
  asc,
  count,
  desc,
  eq,
  getTableColumns,
  gte,
  ilike,
  inArray,
  ne,
  or,
  type SQL,
  sql,
} from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { dataVersionOf } from "../../db/data-version.js";
import { preparedOnce } from "../../db/prepared-once.js";
import {
  assignmentIndicators,
  assignments,
  files,
  indicators,
  measures,
  milestones,
  planNodes,
  plans,
} from "../../db/schema.js";
import { likePattern } from "../audit/index.js";

/** A plan row. */
export type PlanRow = typeof plans.$inferSelect;

/**
 * A plan's columns as its list, its page and the modules reading one plan need them: all but the document's full
 * text (`source_text`), which nothing shows, so a plan page read by many does not carry it along each time.
 */
const { sourceText: _sourceText, ...planColumns } = getTableColumns(plans);

/** The outer plan's id, written out in full: drizzle leaves columns of a one-table select unqualified. */
const outerPlanId = sql.raw(`"plans"."id"`);

/** Counts of what a plan holds, as correlated subqueries so a page is one query. */
const counts = {
  sectionCount: sql<number>`(select count(*)::int from ${planNodes} where ${planNodes.planId} = ${outerPlanId} and ${planNodes.level} = 'section')`,
  taskCount: sql<number>`(select count(*)::int from ${planNodes} where ${planNodes.planId} = ${outerPlanId} and ${planNodes.level} in ('task', 'subtask'))`,
  indicatorCount: sql<number>`(select count(*)::int from ${indicators} where ${indicators.planId} = ${outerPlanId})`,
  milestoneCount: sql<number>`(select count(*)::int from ${milestones} where ${milestones.planId} = ${outerPlanId})`,
};

/** A page of the tenant's plans, newest year first. */
export async function findPlans(
  db: DbOrTx,
  tenantId: string,
  query: {
    page: number;
    pageSize: number;
    year?: number | undefined;
    q?: string | undefined;
    publishedOnly: boolean;
  },
) {
  const c: SQL[] = [eq(plans.tenantId, tenantId)];
  // Published and archived plans are for everyone; only drafts are kept from some.
  if (query.publishedOnly) c.push(ne(plans.status, "draft"));
  if (query.year) c.push(eq(plans.year, query.year));
  if (query.q) c.push(ilike(plans.title, likePattern(query.q)));
  const where = and(...c);
  const [rows, [total]] = await Promise.all([
    db
      .select({ plan: planColumns, ...counts })
      .from(plans)
      .where(where)
      .orderBy(desc(plans.year), desc(plans.createdAt))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(plans).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** The years the tenant has plans for (published ones only, if asked), newest first. */
export async function findPlanYears(db: DbOrTx, tenantId: string, publishedOnly: boolean): Promise<number[]> {
  const rows = await db
    .selectDistinct({ year: plans.year })
    .from(plans)
    .where(and(eq(plans.tenantId, tenantId), publishedOnly ? ne(plans.status, "draft") : undefined))
    .orderBy(desc(plans.year));
  return rows.map((r) => r.year);
}

/**
 * The key of the plan reads, as placeholders: read on most pages, they are named statements, so PostgreSQL plans
 * them once per connection rather than on every read (~0.2 ms each).
 */
const planKey = and(eq(plans.tenantId, sql.placeholder("tenantId")), eq(plans.id, sql.placeholder("id")));

/** One plan of the tenant with its counts, or null. */
export async function findPlan(db: DbOrTx, tenantId: string, id: string) {
  const statement = preparedOnce(db, "find_plan", () =>
    db
      .select({ plan: planColumns, ...counts })
      .from(plans)
      .where(planKey)
      .prepare("find_plan"),
  );
  const [row] = await statement.execute({ tenantId, id });
  return row ?? null;
}

/**
 * One plan of the tenant with its counts and the tenant's data version (see `dataVersions`: it moves with every
 * committed write to a table the plan page is computed from), in one statement so both are of one moment: a page
 * computed after this read is at least as new as that version. Null for no such plan.
 */
export async function findPlanWithVersion(db: DbOrTx, tenantId: string, id: string) {
  const statement = preparedOnce(db, "find_plan_with_version", () =>
    db
      .select({
        plan: planColumns,
        ...counts,
        dataVersion: dataVersionOf(sql`${sql.placeholder("tenantId")}`),
      })
      .from(plans)
      .where(planKey)
      .prepare("find_plan_with_version"),
  );
  const [row] = await statement.execute({ tenantId, id });
  return row ?? null;
}

/** Every node and item of a plan, in document order. */
export async function findPlanContents(db: DbOrTx, tenantId: string, planId: string) {
  const scope = <T extends typeof planNodes | typeof measures | typeof indicators | typeof milestones>(
    t: T,
  ) => and(eq(t.tenantId, tenantId), eq(t.planId, planId));
  const [nodeRows, measureRows, indicatorRows, milestoneRows] = await Promise.all([
    db.select().from(planNodes).where(scope(planNodes)).orderBy(asc(planNodes.position)),
    db.select().from(measures).where(scope(measures)).orderBy(asc(measures.position)),
    db.select().from(indicators).where(scope(indicators)).orderBy(asc(indicators.position)),
    db.select().from(milestones).where(scope(milestones)).orderBy(asc(milestones.position)),
  ]);
  return { nodeRows, measureRows, indicatorRows, milestoneRows };
}

/** The uploaded file a plan was published from, or null. */
export async function findPlanFile(db: DbOrTx, tenantId: string, planId: string) {
  const [row] = await db
    .select({ file: files })
    .from(plans)
    .innerJoin(files, eq(files.id, plans.fileId))
    .where(and(eq(plans.tenantId, tenantId), eq(plans.id, planId)));
  return row?.file ?? null;
}

/** One node of a plan with the plan's light settings, or null. */
export async function findNodeWithPlan(db: DbOrTx, tenantId: string, nodeId: string) {
  const [row] = await db
    .select({
      node: planNodes,
      plan: { id: plans.id, year: plans.year, title: plans.title, lightTolerance: plans.lightTolerance },
    })
    .from(planNodes)
    .innerJoin(plans, eq(plans.id, planNodes.planId))
    .where(and(eq(planNodes.tenantId, tenantId), eq(planNodes.id, nodeId)));
  return row ?? null;
}

/** Active assignments per node of a plan. */
export async function countAssignments(
  db: DbOrTx,
  tenantId: string,
  planId: string,
): Promise<Map<string, number>> {
  const rows = await db
    .select({ nodeId: assignments.nodeId, n: count() })
    .from(assignments)
    .where(
      and(
        eq(assignments.tenantId, tenantId),
        eq(assignments.planId, planId),
        eq(assignments.status, "active"),
      ),
    )
    .groupBy(assignments.nodeId);
  return new Map(rows.map((r) => [r.nodeId, Number(r.n)]));
}

/** The units expected to report each indicator of a plan: those with an active assignment that includes it. */
export async function findIndicatorUnits(db: DbOrTx, tenantId: string, planId: string) {
  return db
    .select({ indicatorId: assignmentIndicators.indicatorId, unitId: assignments.unitId })
    .from(assignmentIndicators)
    .innerJoin(assignments, eq(assignments.id, assignmentIndicators.assignmentId))
    .where(
      and(
        eq(assignmentIndicators.tenantId, tenantId),
        eq(assignments.planId, planId),
        eq(assignments.status, "active"),
      ),
    );
}

/** Sets a plan's reporting cadence and light tolerance at the version read; null when it moved. */
export async function updatePlanReporting(
  db: DbOrTx,
  target: { tenantId: string; id: string; version: number },
  values: { cadence: CycleKind; cadenceDueDay: number; lightTolerance: number },
): Promise<PlanRow | null> {
  const [row] = await db
    .update(plans)
    .set({ ...values, version: sql`${plans.version} + 1` })
    .where(
      and(eq(plans.tenantId, target.tenantId), eq(plans.id, target.id), eq(plans.version, target.version)),
    )
    .returning();
  return row ?? null;
}

/**
 * The plans whose open work is followed up (催办, automatic 督办单) in `year`: published, and of this year or
 * later unless kept live — `isPlanFollowedUp` of the domain, in SQL, for queries joined to `plans`.
 */
export function followedUpPlan(year: number): SQL {
  return and(eq(plans.status, "published"), or(gte(plans.year, year), eq(plans.livePastYear, true)))!;
}

/** Sets a plan's status (and whether a past year's plan stays live) at the version read; null when it moved. */
export async function updatePlanStatus(
  db: DbOrTx,
  target: { tenantId: string; id: string; version: number },
  values: Pick<typeof plans.$inferInsert, "status" | "livePastYear">,
): Promise<PlanRow | null> {
  const [row] = await db
    .update(plans)
    .set({ ...values, version: sql`${plans.version} + 1`, updatedAt: new Date() })
    .where(
      and(eq(plans.tenantId, target.tenantId), eq(plans.id, target.id), eq(plans.version, target.version)),
    )
    .returning();
  return row ?? null;
}

/** Inserts a published plan; returns its id. */
export async function insertPlan(db: DbOrTx, values: typeof plans.$inferInsert): Promise<string> {
  const [row] = await db.insert(plans).values(values).returning({ id: plans.id });
  return row!.id;
}

/** Inserts one node of a plan's tree; returns its id. */
export async function insertPlanNode(db: DbOrTx, values: typeof planNodes.$inferInsert): Promise<string> {
  const [row] = await db.insert(planNodes).values(values).returning({ id: planNodes.id });
  return row!.id;
}

/** Inserts a node's measures, indicators and milestones as published, each kind in one statement. */
export async function insertNodeItems(
  db: DbOrTx,
  items: {
    measures: (typeof measures.$inferInsert)[];
    indicators: (typeof indicators.$inferInsert)[];
    milestones: (typeof milestones.$inferInsert)[];
  },
): Promise<void> {
  if (items.measures.length) await db.insert(measures).values(items.measures);
  if (items.indicators.length) await db.insert(indicators).values(items.indicators);
  if (items.milestones.length) await db.insert(milestones).values(items.milestones);
}

/** The unit and target of each of the tenant's indicators among `ids`: what a reported value is checked against. */
export async function findIndicatorRules(db: DbOrTx, tenantId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: indicators.id,
      unit: indicators.unit,
      targetValue: indicators.targetValue,
      targetMax: indicators.targetMax,
    })
    .from(indicators)
    .where(and(eq(indicators.tenantId, tenantId), inArray(indicators.id, ids)));
}

/** A node's measures, in order. */
export async function findNodeMeasures(db: DbOrTx, tenantId: string, nodeId: string) {
  return db
    .select({ id: measures.id, text: measures.text })
    .from(measures)
    .where(and(eq(measures.tenantId, tenantId), eq(measures.nodeId, nodeId)))
    .orderBy(asc(measures.position), asc(measures.id));
}

/** A node's indicators in order, as a hand-down snapshots them. */
export async function findNodeIndicators(db: DbOrTx, tenantId: string, nodeId: string) {
  return db
    .select({
      id: indicators.id,
      name: indicators.name,
      comparator: indicators.comparator,
      targetValue: indicators.targetValue,
      targetMax: indicators.targetMax,
      unit: indicators.unit,
      deadline: indicators.deadline,
    })
    .from(indicators)
    .where(and(eq(indicators.tenantId, tenantId), eq(indicators.nodeId, nodeId)))
    .orderBy(asc(indicators.position), asc(indicators.id));
}
