import {
  type AssessmentScheme,
  type AssessmentSchemeView,
  assessmentSchemeAbilities,
  type CopyAssessmentSchemeInput,
  canReadAssessments,
  defaultAssessmentScheme,
  managesAssessments,
  type SaveAssessmentSchemeInput,
} from "@duban/domain";
import type { DbOrTx } from "../../db/client.js";
import { AppError, forbidden, notFound, uniqueViolation } from "../../errors.js";
import type { ServiceContext } from "../../http/context.js";
import { audit } from "../audit/index.js";
import { findPlan } from "../plans/index.js";
import * as repo from "./schemes.repository.js";

/** The message of a save that lost the race. */
const staleScheme = "考评方案已被他人修改，请刷新后再保存";
/** The message of a save after the first formal run. */
export const lockedScheme =
  "考评方案已在正式考评中使用并锁定，不能再修改；如需调整，请在下一年度的计划中修改";

/** The plan of the tenant, or 404. */
export async function getPlanRow(ctx: ServiceContext, planId: string) {
  const row = await findPlan(ctx.database.db, ctx.actor.tenantId, planId);
  if (!row) throw notFound("计划");
  return row.plan;
}

/** The scheme a plan is scored by: its saved one, else the default. */
export async function planScheme(
  db: DbOrTx,
  key: { tenantId: string; planId: string },
): Promise<{ scheme: AssessmentScheme; row: repo.SchemeRow | null }> {
  const row = await repo.findScheme(db, key);
  return { scheme: row?.scheme ?? defaultAssessmentScheme(), row };
}

function toView(ctx: ServiceContext, planId: string, found: Awaited<ReturnType<typeof planScheme>>) {
  const { row, scheme } = found;
  return {
    planId,
    scheme,
    version: row?.version ?? 0,
    isDefault: row === null,
    lockedAt: row?.lockedAt?.toISOString() ?? null,
    abilities: assessmentSchemeAbilities(ctx.actor, { locked: !!row?.lockedAt }),
  } satisfies AssessmentSchemeView;
}

/** A plan's scheme as the editor reads it: the default (version 0) until the 督查室 first saves one. */
export async function getAssessmentScheme(
  ctx: ServiceContext,
  planId: string,
): Promise<AssessmentSchemeView> {
  if (!canReadAssessments(ctx.actor)) throw forbidden("您无权查看考评方案");
  await getPlanRow(ctx, planId);
  return toView(ctx, planId, await planScheme(ctx.database.db, { tenantId: ctx.actor.tenantId, planId }));
}

/**
 * Writes `scheme` over the plan's at the version the editor saw: 409 when someone saved first, and always once
 * the first formal run locked it.
 */
async function writeScheme(
  ctx: ServiceContext,
  planId: string,
  input: { scheme: AssessmentScheme; version: number },
  event: { action: "assessment_scheme.save" | "assessment_scheme.copy"; summary?: unknown },
): Promise<AssessmentSchemeView> {
  const tenantId = ctx.actor.tenantId;
  const current = await repo.findScheme(ctx.database.db, { tenantId, planId });
  if (current?.lockedAt) throw new AppError("conflict", lockedScheme);
  if ((current?.version ?? 0) !== input.version) throw new AppError("stale_version", staleScheme);
  const now = ctx.clock.now();
  try {
    await ctx.database.db.transaction(async (tx) => {
      const values = { scheme: input.scheme, updatedBy: ctx.actor.userId, updatedAt: now };
      if (current) {
        const saved = await repo.updateScheme(tx, { tenantId, planId, version: input.version }, values);
        if (!saved) {
          const again = await repo.findScheme(tx, { tenantId, planId });
          throw new AppError(
            again?.lockedAt ? "conflict" : "stale_version",
            again?.lockedAt ? lockedScheme : staleScheme,
          );
        }
      } else await repo.insertScheme(tx, { tenantId, planId, ...values, version: 1, createdAt: now });
      await audit(ctx, tx, {
        action: event.action,
        entity: "plan",
        entityId: planId,
        summary: event.summary,
      });
    });
  } catch (err) {
    // Two first saves at once: the plan's unique key lets one in, the other saw a stale version 0.
    if (uniqueViolation(err)) throw new AppError("stale_version", staleScheme);
    throw err;
  }
  return getAssessmentScheme(ctx, planId);
}

/** The 督查室 saves the plan's scheme (checked field by field by its schema). */
export async function saveAssessmentScheme(
  ctx: ServiceContext,
  planId: string,
  input: SaveAssessmentSchemeInput,
): Promise<AssessmentSchemeView> {
  if (!managesAssessments(ctx.actor)) throw forbidden("只有督查室可以修改考评方案");
  await getPlanRow(ctx, planId);
  return writeScheme(ctx, planId, input, {
    action: "assessment_scheme.save",
    summary: { categories: input.scheme.categories.length, total: input.scheme.total },
  });
}

/** The 督查室 takes another plan's scheme (last year's) for this plan; another tenant's plan is 404. */
export async function copyAssessmentScheme(
  ctx: ServiceContext,
  planId: string,
  input: CopyAssessmentSchemeInput,
): Promise<AssessmentSchemeView> {
  if (!managesAssessments(ctx.actor)) throw forbidden("只有督查室可以修改考评方案");
  await getPlanRow(ctx, planId);
  const source = await getPlanRow(ctx, input.fromPlanId);
  const { scheme } = await planScheme(ctx.database.db, { tenantId: ctx.actor.tenantId, planId: source.id });
  return writeScheme(
    ctx,
    planId,
    { scheme, version: input.version },
    { action: "assessment_scheme.copy", summary: { fromPlanId: source.id, fromTitle: source.title } },
  );
}
