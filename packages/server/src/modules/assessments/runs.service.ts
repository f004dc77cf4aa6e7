import {
  type AssessmentAdjustment,
  type AssessmentResultView,
  type AssessmentView,
  assessmentAbilities,
  assessmentPermissions,
  type CreateAssessmentInput,
  canReadAssessments,
  canSeeAssessment,
  isAfterDate,
  managesAssessments,
  type PageQuery,
  pageFrom,
  scoreAssessment,
  seesAllAssessments,
  shanghaiDate,
} from "@duban/domain";
import type { DbOrTx } from "../../db/client.js";
import { AppError, forbidden, invalid, notFound } from "../../errors.js";
import { authorize } from "../../http/authorize.js";
import type { ServiceContext } from "../../http/context.js";
import { audit } from "../audit/index.js";
import * as repo from "./assessments.repository.js";
import { gatherAssessmentFacts } from "./gather-facts.js";
import { getPlanRow, planScheme } from "./scheme.service.js";
import { lockScheme } from "./schemes.repository.js";

/** The message of a write that lost the race with another on the same run. */
export const staleRun = "该考评已被他人修改，请刷新后再操作";

type RunSummary = Pick<
  repo.AssessmentRow,
  | "id"
  | "planId"
  | "asOf"
  | "final"
  | "status"
  | "appealUntil"
  | "publishedAt"
  | "finalisedAt"
  | "version"
  | "createdAt"
>;

/** A run as listed and opened, with what the actor may do with it now. */
function toView(
  ctx: ServiceContext,
  row: { run: RunSummary; unitCount: number; pendingAppeals: number },
  standing: { assessedUnit: boolean; appealed: boolean },
): AssessmentView {
  const r = row.run;
  return {
    id: r.id,
    planId: r.planId,
    asOf: r.asOf,
    final: r.final,
    status: r.status,
    appealUntil: r.appealUntil,
    publishedAt: r.publishedAt?.toISOString() ?? null,
    finalisedAt: r.finalisedAt?.toISOString() ?? null,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    unitCount: row.unitCount,
    // Other units' appeals are theirs: a unit's people read 0.
    pendingAppeals: seesAllAssessments(ctx.actor) ? row.pendingAppeals : 0,
    abilities: assessmentAbilities(ctx.actor, r, { today: shanghaiDate(ctx.clock.now()), ...standing }),
  };
}

/** Whether the actor's unit was scored in each run, and has appealed it. */
async function standingsOf(ctx: ServiceContext, runIds: string[]) {
  const unitId = ctx.actor.unitId;
  if (!unitId || runIds.length === 0) return { assessed: new Set<string>(), appealed: new Set<string>() };
  return repo.findUnitStandings(ctx.database.db, { tenantId: ctx.actor.tenantId, unitId, runIds });
}

/** One run the actor may see, or 404 (a draft is as unseen by a unit as another bureau's run). */
export async function getRunRow(ctx: ServiceContext, id: string) {
  const row = await repo.findRun(ctx.database.db, { tenantId: ctx.actor.tenantId, id });
  if (!row || !canSeeAssessment(ctx.actor, row.run)) throw notFound("考评");
  return row;
}

/** One run as the API shows it. */
export async function getAssessment(ctx: ServiceContext, id: string): Promise<AssessmentView> {
  const row = await getRunRow(ctx, id);
  const s = await standingsOf(ctx, [id]);
  return toView(ctx, row, { assessedUnit: s.assessed.has(id), appealed: s.appealed.has(id) });
}

/** A plan's runs, newest first: all of them for the 督查室 and leaders, the published ones for a unit. */
export async function findAssessments(ctx: ServiceContext, planId: string, query: PageQuery) {
  if (!canReadAssessments(ctx.actor)) throw forbidden("您无权查看考评");
  await getPlanRow(ctx, planId);
  const rows = (await repo.findPlanRuns(ctx.database.db, { tenantId: ctx.actor.tenantId, planId })).filter(
    (r) => canSeeAssessment(ctx.actor, r.run),
  );
  const s = await standingsOf(
    ctx,
    rows.map((r) => r.run.id),
  );
  const items = rows.map((r) =>
    toView(ctx, r, { assessedUnit: s.assessed.has(r.run.id), appealed: s.appealed.has(r.run.id) }),
  );
  return pageFrom(items, query, { run: managesAssessments(ctx.actor) });
}

/** The adjustments of a run as the scoring function takes them. */
export async function runAdjustments(db: DbOrTx, key: repo.RunKey): Promise<AssessmentAdjustment[]> {
  const rows = await repo.findAdjustments(db, key);
  return rows.map((a) => ({
    id: a.id,
    unitId: a.unitId,
    itemKey: a.itemKey,
    points: a.points,
    reason: a.reason,
    source: a.source,
  }));
}

/** Scores a run again from its frozen scheme and facts with all its adjustments, and rewrites its results. */
export async function rescoreRun(
  db: DbOrTx,
  run: Pick<repo.AssessmentRow, "tenantId" | "id" | "scheme" | "facts">,
) {
  const key = { tenantId: run.tenantId, id: run.id };
  const results = scoreAssessment(run.scheme, run.facts, await runAdjustments(db, key));
  await repo.replaceResults(db, key, results);
}

/**
 * The 督查室 computes a run as of a day that has been lived: gathers the facts, scores them by the plan's scheme
 * (the default until one is saved), and stores the run with the scheme and facts copied in and its results, in
 * one transaction. A formal run（正式考评）locks the scheme.
 */
export async function createAssessment(
  ctx: ServiceContext,
  planId: string,
  input: CreateAssessmentInput,
): Promise<{ id: string }> {
  if (!managesAssessments(ctx.actor)) throw forbidden("只有督查室可以进行考评");
  await getPlanRow(ctx, planId);
  const today = shanghaiDate(ctx.clock.now());
  if (isAfterDate(input.asOf, today)) {
    const message = `考评日期不能晚于今天（${today}）`;
    throw invalid([{ path: "asOf", message }], message);
  }
  const db = ctx.database.db;
  const tenantId = ctx.actor.tenantId;
  const now = ctx.clock.now();
  const { scheme, row: schemeRow } = await planScheme(db, { tenantId, planId });
  const facts = await gatherAssessmentFacts(db, tenantId, planId, input.asOf, now);
  const results = scoreAssessment(scheme, facts, []);
  return db.transaction(async (tx) => {
    const run = await repo.insertRun(tx, {
      tenantId,
      planId,
      asOf: input.asOf,
      final: input.final,
      scheme,
      facts,
      createdBy: ctx.actor.userId,
      createdAt: now,
    });
    await repo.replaceResults(tx, { tenantId, id: run.id }, results);
    const scoredVersion = schemeRow?.version ?? 0;
    const lock = { tenantId, planId, scheme, updatedBy: ctx.actor.userId, at: now, scoredVersion };
    if (input.final && !(await lockScheme(tx, lock)))
      throw new AppError("conflict", "考评方案刚被修改，本次考评未保存，请重新进行正式考评");
    await audit(ctx, tx, {
      action: "assessment.run",
      entity: "assessment",
      entityId: run.id,
      summary: { asOf: input.asOf, final: input.final, units: results.length },
    });
    return { id: run.id };
  });
}

/** The 督查室 deletes a trial run（试评）it no longer needs; a formal run stays on record (409). */
export async function deleteAssessment(ctx: ServiceContext, id: string, input: { version: number }) {
  const { run } = await getRunRow(ctx, id);
  authorize(assessmentPermissions(ctx.actor), "delete", "只有督查室可以删除试评");
  if (run.final) throw new AppError("conflict", "正式考评不能删除，只有试评可以删除");
  if (run.version !== input.version) throw new AppError("stale_version", staleRun);
  await ctx.database.db.transaction(async (tx) => {
    const gone = await repo.deleteTrialRun(tx, { tenantId: ctx.actor.tenantId, id, version: input.version });
    if (!gone) throw new AppError("stale_version", staleRun);
    await audit(ctx, tx, {
      action: "assessment.delete",
      entity: "assessment",
      entityId: id,
      summary: { asOf: run.asOf },
    });
  });
}

/**
 * A run's results with each unit's category size, in the scheme's category order then by rank: every row for
 * the 督查室 and leaders; for a unit's people only their own row, and only once published. Anything else is 404,
 * so another unit's row is never seen.
 */
export async function findAssessmentResultRows(
  ctx: ServiceContext,
  id: string,
): Promise<AssessmentResultView[]> {
  const { run } = await getRunRow(ctx, id);
  const key = { tenantId: ctx.actor.tenantId, id };
  const all = seesAllAssessments(ctx.actor);
  const [rows, sizes] = await Promise.all([
    repo.findResults(ctx.database.db, { ...key, unitId: all ? null : ctx.actor.unitId }),
    repo.countCategories(ctx.database.db, key),
  ]);
  if (!all && rows.length === 0) throw notFound("考评结果");
  const sizeOf = new Map(sizes.map((s) => [s.category, s.n]));
  const categories = run.scheme.categories;
  const order = (key: string) => categories.findIndex((c) => c.key === key);
  return rows
    .map(({ result: r, unitName }) => ({
      unitId: r.unitId,
      unitName,
      category: r.category,
      categoryLabel: categories[order(r.category)]?.label ?? r.category,
      total: r.total,
      rank: r.rank,
      categorySize: sizeOf.get(r.category) ?? 0,
      grade: r.grade,
      vetoed: r.vetoed,
      gradeNote: r.gradeNote,
      breakdown: r.breakdown,
    }))
    .sort((a, b) => order(a.category) - order(b.category) || a.rank - b.rank);
}

/** A page of a run's results, as `findAssessmentResultRows` orders and filters them. */
export async function getAssessmentResults(ctx: ServiceContext, id: string, query: PageQuery) {
  return pageFrom(await findAssessmentResultRows(ctx, id), query, {});
}
