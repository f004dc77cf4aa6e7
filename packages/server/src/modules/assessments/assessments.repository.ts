import type { AssessmentUnitResult } from "@duban/domain";
import { and, asc, count, desc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import {
  assessmentAdjustments,
  assessmentAppeals,
  assessmentResults,
  assessments,
  units,
} from "../../db/schema.js";

/** A run row. */
export type AssessmentRow = typeof assessments.$inferSelect;
/** An appeal row. */
export type AppealRow = typeof assessmentAppeals.$inferSelect;
/** An adjustment row. */
export type AdjustmentRow = typeof assessmentAdjustments.$inferSelect;

/** Identifies one run of a tenant. */
export interface RunKey {
  tenantId: string;
  id: string;
}

/** How many units a run scored and how many of its appeals wait for a decision. */
const unitCount = sql<number>`(select count(*) from ${assessmentResults}
  where "assessment_results"."tenant_id" = "assessments"."tenant_id"
  and "assessment_results"."assessment_id" = "assessments"."id")`.mapWith(Number);
const pendingAppeals = sql<number>`(select count(*) from ${assessmentAppeals}
  where "assessment_appeals"."tenant_id" = "assessments"."tenant_id"
  and "assessment_appeals"."assessment_id" = "assessments"."id"
  and "assessment_appeals"."status" = 'pending')`.mapWith(Number);

/** Inserts a run. */
export async function insertRun(db: DbOrTx, values: typeof assessments.$inferInsert) {
  const [row] = await db.insert(assessments).values(values).returning({ id: assessments.id });
  return row!;
}

/** One run of the tenant with its counts, or null. */
export async function findRun(db: DbOrTx, key: RunKey) {
  const [row] = await db
    .select({ run: assessments, unitCount, pendingAppeals })
    .from(assessments)
    .where(and(eq(assessments.tenantId, key.tenantId), eq(assessments.id, key.id)));
  return row ?? null;
}

/** A plan's runs, newest first (the id breaks ties of a stopped clock), without their facts. */
export async function findPlanRuns(db: DbOrTx, key: { tenantId: string; planId: string }) {
  return db
    .select({
      run: {
        id: assessments.id,
        planId: assessments.planId,
        asOf: assessments.asOf,
        final: assessments.final,
        status: assessments.status,
        appealUntil: assessments.appealUntil,
        publishedAt: assessments.publishedAt,
        finalisedAt: assessments.finalisedAt,
        version: assessments.version,
        createdAt: assessments.createdAt,
      },
      unitCount,
      pendingAppeals,
    })
    .from(assessments)
    .where(and(eq(assessments.tenantId, key.tenantId), eq(assessments.planId, key.planId)))
    .orderBy(desc(assessments.createdAt), desc(assessments.id));
}

/**
 * Moves a run at `version` to a new state (or keeps it, bumping the version); null when it moved meanwhile.
 * `from` guards the state the service checked, so a concurrent publish or finalise cannot happen twice.
 */
export async function updateRun(
  db: DbOrTx,
  key: RunKey & { version: number; from: AssessmentRow["status"] },
  values: Partial<
    Pick<
      AssessmentRow,
      "status" | "appealUntil" | "publishedAt" | "publishedBy" | "finalisedAt" | "finalisedBy"
    >
  >,
) {
  const [row] = await db
    .update(assessments)
    .set({ ...values, version: sql`${assessments.version} + 1` })
    .where(
      and(
        eq(assessments.tenantId, key.tenantId),
        eq(assessments.id, key.id),
        eq(assessments.version, key.version),
        eq(assessments.status, key.from),
      ),
    )
    .returning({ id: assessments.id });
  return row ?? null;
}

/** Deletes a trial draft at `version` with its results and adjustments; false when it moved meanwhile. */
export async function deleteTrialRun(db: DbOrTx, key: RunKey & { version: number }): Promise<boolean> {
  const scope = { tenantId: key.tenantId, id: key.id };
  await db
    .delete(assessmentAdjustments)
    .where(
      and(
        eq(assessmentAdjustments.tenantId, scope.tenantId),
        eq(assessmentAdjustments.assessmentId, scope.id),
      ),
    );
  await deleteResults(db, scope);
  const rows = await db
    .delete(assessments)
    .where(
      and(
        eq(assessments.tenantId, key.tenantId),
        eq(assessments.id, key.id),
        eq(assessments.version, key.version),
        eq(assessments.status, "draft"),
        eq(assessments.final, false),
      ),
    )
    .returning({ id: assessments.id });
  return rows.length > 0;
}

async function deleteResults(db: DbOrTx, key: RunKey): Promise<void> {
  await db
    .delete(assessmentResults)
    .where(and(eq(assessmentResults.tenantId, key.tenantId), eq(assessmentResults.assessmentId, key.id)));
}

/** Replaces a run's results with freshly scored ones. */
export async function replaceResults(
  db: DbOrTx,
  key: RunKey,
  results: AssessmentUnitResult[],
): Promise<void> {
  await deleteResults(db, key);
  if (results.length === 0) return;
  await db.insert(assessmentResults).values(
    results.map((r) => ({
      tenantId: key.tenantId,
      assessmentId: key.id,
      unitId: r.unitId,
      category: r.category,
      total: r.total,
      rank: r.rank,
      grade: r.grade,
      vetoed: r.vetoed,
      gradeNote: r.gradeNote ?? null,
      breakdown: r.breakdown,
    })),
  );
}

/** A run's results in category and rank order, with unit names; `unitId` narrows them to one unit's row. */
export async function findResults(db: DbOrTx, key: RunKey & { unitId: string | null }) {
  return db
    .select({ result: assessmentResults, unitName: units.name })
    .from(assessmentResults)
    .innerJoin(units, and(eq(units.id, assessmentResults.unitId), eq(units.tenantId, key.tenantId)))
    .where(
      and(
        eq(assessmentResults.tenantId, key.tenantId),
        eq(assessmentResults.assessmentId, key.id),
        key.unitId ? eq(assessmentResults.unitId, key.unitId) : undefined,
      ),
    )
    .orderBy(asc(assessmentResults.category), asc(assessmentResults.rank));
}

/** How many units each category of a run holds. */
export async function countCategories(db: DbOrTx, key: RunKey) {
  return db
    .select({ category: assessmentResults.category, n: count() })
    .from(assessmentResults)
    .where(and(eq(assessmentResults.tenantId, key.tenantId), eq(assessmentResults.assessmentId, key.id)))
    .groupBy(assessmentResults.category);
}

/** Inserts an adjustment. */
export async function insertAdjustment(db: DbOrTx, values: typeof assessmentAdjustments.$inferInsert) {
  const [row] = await db.insert(assessmentAdjustments).values(values).returning();
  return row!;
}

/** A run's adjustments in the order they were made. */
export async function findAdjustments(db: DbOrTx, key: RunKey) {
  return db
    .select()
    .from(assessmentAdjustments)
    .where(
      and(eq(assessmentAdjustments.tenantId, key.tenantId), eq(assessmentAdjustments.assessmentId, key.id)),
    )
    .orderBy(asc(assessmentAdjustments.createdAt), asc(assessmentAdjustments.id));
}

/** Inserts an appeal; a second one of the same unit violates `assessment_appeals_unit_key`. */
export async function insertAppeal(db: DbOrTx, values: typeof assessmentAppeals.$inferInsert) {
  const [row] = await db.insert(assessmentAppeals).values(values).returning();
  return row!;
}

/** One appeal of the tenant with its unit's name, or null. */
export async function findAppeal(db: DbOrTx, key: RunKey) {
  const [row] = await db
    .select({ appeal: assessmentAppeals, unitName: units.name })
    .from(assessmentAppeals)
    .innerJoin(units, and(eq(units.id, assessmentAppeals.unitId), eq(units.tenantId, key.tenantId)))
    .where(and(eq(assessmentAppeals.tenantId, key.tenantId), eq(assessmentAppeals.id, key.id)));
  return row ?? null;
}

/** A run's appeals, oldest first, with unit names; `unitId` narrows them to one unit's. */
export async function findAppeals(db: DbOrTx, key: RunKey & { unitId: string | null }) {
  return db
    .select({ appeal: assessmentAppeals, unitName: units.name })
    .from(assessmentAppeals)
    .innerJoin(units, and(eq(units.id, assessmentAppeals.unitId), eq(units.tenantId, key.tenantId)))
    .where(
      and(
        eq(assessmentAppeals.tenantId, key.tenantId),
        eq(assessmentAppeals.assessmentId, key.id),
        key.unitId ? eq(assessmentAppeals.unitId, key.unitId) : undefined,
      ),
    )
    .orderBy(asc(assessmentAppeals.createdAt), asc(assessmentAppeals.id));
}

/** Decides a pending appeal; null when it was decided meanwhile. */
export async function decideAppeal(
  db: DbOrTx,
  key: RunKey,
  values: Pick<AppealRow, "status" | "decisionReason" | "decidedBy" | "decidedAt">,
) {
  const [row] = await db
    .update(assessmentAppeals)
    .set(values)
    .where(
      and(
        eq(assessmentAppeals.tenantId, key.tenantId),
        eq(assessmentAppeals.id, key.id),
        eq(assessmentAppeals.status, "pending"),
      ),
    )
    .returning({ id: assessmentAppeals.id });
  return row ?? null;
}

/** Of the runs `runIds`, those that scored the unit and those the unit has appealed. */
export async function findUnitStandings(
  db: DbOrTx,
  key: { tenantId: string; unitId: string; runIds: string[] },
): Promise<{ assessed: Set<string>; appealed: Set<string> }> {
  const [scored, appealed] = await Promise.all([
    db
      .select({ id: assessmentResults.assessmentId })
      .from(assessmentResults)
      .where(
        and(
          eq(assessmentResults.tenantId, key.tenantId),
          eq(assessmentResults.unitId, key.unitId),
          inArray(assessmentResults.assessmentId, key.runIds),
        ),
      ),
    db
      .select({ id: assessmentAppeals.assessmentId })
      .from(assessmentAppeals)
      .where(
        and(
          eq(assessmentAppeals.tenantId, key.tenantId),
          eq(assessmentAppeals.unitId, key.unitId),
          inArray(assessmentAppeals.assessmentId, key.runIds),
        ),
      ),
  ]);
  return { assessed: new Set(scored.map((r) => r.id)), appealed: new Set(appealed.map((r) => r.id)) };
}

/**
 * A run's state read under a share lock for the rest of the transaction: an appeal holds it while it is
 * written, so a concurrent finalise waits for it and then counts it as pending.
 */
export async function lockRunState(db: DbOrTx, key: RunKey) {
  const [row] = await db
    .select({ status: assessments.status, appealUntil: assessments.appealUntil })
    .from(assessments)
    .where(and(eq(assessments.tenantId, key.tenantId), eq(assessments.id, key.id)))
    .for("share");
  return row ?? null;
}

/** How many of a run's appeals wait for a decision. */
export async function countPendingAppeals(db: DbOrTx, key: RunKey): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(assessmentAppeals)
    .where(
      and(
        eq(assessmentAppeals.tenantId, key.tenantId),
        eq(assessmentAppeals.assessmentId, key.id),
        eq(assessmentAppeals.status, "pending"),
      ),
    );
  return row?.n ?? 0;
}
