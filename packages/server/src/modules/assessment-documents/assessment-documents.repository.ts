import { and, asc, eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { assessmentResults, assessments, units } from "../../db/schema.js";

/** A run of the tenant with what its documents print: plan, day, state and the scheme frozen with it. */
export async function findAssessmentRun(db: DbOrTx, tenantId: string, id: string) {
  const [row] = await db
    .select({
      id: assessments.id,
      planId: assessments.planId,
      asOf: assessments.asOf,
      status: assessments.status,
      scheme: assessments.scheme,
      publishedAt: assessments.publishedAt,
      finalisedAt: assessments.finalisedAt,
    })
    .from(assessments)
    .where(and(eq(assessments.tenantId, tenantId), eq(assessments.id, id)));
  return row ?? null;
}

/** A run found by `findAssessmentRun`. */
export type AssessmentRunRow = NonNullable<Awaited<ReturnType<typeof findAssessmentRun>>>;

/** Every unit's result of a run with the unit's name, by category and rank. */
export async function findRunResults(db: DbOrTx, tenantId: string, assessmentId: string) {
  return db
    .select({
      unitId: assessmentResults.unitId,
      unitName: units.name,
      category: assessmentResults.category,
      total: assessmentResults.total,
      rank: assessmentResults.rank,
      grade: assessmentResults.grade,
      vetoed: assessmentResults.vetoed,
      gradeNote: assessmentResults.gradeNote,
      breakdown: assessmentResults.breakdown,
    })
    .from(assessmentResults)
    .innerJoin(
      units,
      and(eq(units.tenantId, assessmentResults.tenantId), eq(units.id, assessmentResults.unitId)),
    )
    .where(and(eq(assessmentResults.tenantId, tenantId), eq(assessmentResults.assessmentId, assessmentId)))
    .orderBy(asc(assessmentResults.category), asc(assessmentResults.rank));
}

/** A result row of `findRunResults`. */
export type RunResultRow = Awaited<ReturnType<typeof findRunResults>>[number];
