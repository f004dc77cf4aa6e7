import { createHash } from "node:crypto";
import {
  canManagePublicPage,
  type PublicPlan,
  type PublicSettings,
  type PublicSettingsInput,
  shanghaiDate,
} from "@duban/domain";
import { AppError, invalid, notFound, staleVersion } from "../../errors.js";
import { authorize } from "../../http/authorize.js";
import type { AppDeps, ServiceContext } from "../../http/context.js";
import { audit } from "../audit/index.js";
import { loadPlanSnapshot, takePlanSnapshot } from "../snapshots/index.js";
import * as repo from "./public.repository.js";
import { buildPublicPlan } from "./public-plan.js";

/** One answer for every plan the public may not see, so none is told apart from one that does not exist. */
const NOT_PUBLIC = "该计划未公开或不存在，请核对网址";

/** The public page with its ETag, a hash of exactly what is sent. */
export interface PublicPlanAnswer {
  body: PublicPlan;
  etag: string;
}

/**
 * The public page of a plan as of its latest snapshot (computed now when the daily job has not run yet). An
 * unknown bureau, an unknown or draft plan and a plan not made public all answer the same 404, so nobody
 * learns that a private plan exists.
 */
export async function getPublicPlan(
  deps: AppDeps,
  params: { tenantSlug: string; planId: string },
): Promise<PublicPlanAnswer> {
  const db = deps.database.db;
  const tenant = await repo.findTenantBySlug(db, params.tenantSlug);
  const plan = tenant ? await repo.findReadablePlan(db, tenant.id, params.planId) : null;
  if (!tenant || !plan?.isPublic) throw new AppError("not_found", NOT_PUBLIC);
  const key = { tenantId: tenant.id, planId: plan.id };
  const now = deps.clock.now();
  const snapshot =
    (await loadPlanSnapshot(db, { ...key, asOf: shanghaiDate(now) })) ??
    (await takePlanSnapshot(db, { ...key, now }));
  const flags = await repo.findPublicFlags(db, tenant.id, plan.id);
  const body = buildPublicPlan(snapshot, flags, {
    bureau: tenant.name,
    plan: { id: plan.id, title: plan.title, year: plan.year },
  });
  const etag = `"${createHash("sha256").update(JSON.stringify(body)).digest("base64url").slice(0, 27)}"`;
  return { body, etag };
}

/** What a plan publishes, for its page's settings (any role that reads the plan; `edit` for the office). */
export async function getPublicSettings(ctx: ServiceContext, planId: string): Promise<PublicSettings> {
  const db = ctx.database.db;
  const plan = await repo.findReadablePlan(db, ctx.actor.tenantId, planId);
  if (!plan) throw notFound("计划");
  const [flags, slug] = await Promise.all([
    repo.findPublicFlags(db, ctx.actor.tenantId, planId),
    repo.findTenantSlug(db, ctx.actor.tenantId),
  ]);
  return {
    planId,
    public: plan.isPublic,
    version: plan.version,
    path: `/public/${slug}/${planId}`,
    nodes: flags.nodes,
    indicators: flags.indicators,
    abilities: { edit: canManagePublicPage(ctx.actor) },
  };
}

/** Sets what a plan publishes: the switch and exactly the listed sections, tasks and indicators. */
export async function setPublicSettings(
  ctx: ServiceContext,
  planId: string,
  input: PublicSettingsInput,
): Promise<PublicSettings> {
  authorize({ edit: canManagePublicPage(ctx.actor) }, "edit", "只有督查室或系统管理员可以设置公开范围");
  const db = ctx.database.db;
  const plan = await repo.findReadablePlan(db, ctx.actor.tenantId, planId);
  if (!plan) throw notFound("计划");
  const flags = await repo.findPublicFlags(db, ctx.actor.tenantId, planId);
  assertOwnIds(input.nodeIds, flags.nodes, "nodeIds");
  assertOwnIds(input.indicatorIds, flags.indicators, "indicatorIds");
  await db.transaction(async (tx) => {
    const key = { tenantId: ctx.actor.tenantId, planId, version: input.version };
    if (!(await repo.updatePublicFlags(tx, key, input))) throw staleVersion();
    await audit(ctx, tx, {
      action: "plan.public_settings",
      entity: "plan",
      entityId: planId,
      summary: {
        title: plan.title,
        public: input.public,
        nodes: input.nodeIds.length,
        indicators: input.indicatorIds.length,
      },
    });
  });
  return getPublicSettings(ctx, planId);
}

/** 400 when an id is not one of the plan's own nodes or indicators. */
function assertOwnIds(ids: string[], own: { id: string }[], field: string): void {
  const known = new Set(own.map((o) => o.id));
  const unknown = ids.findIndex((id) => !known.has(id));
  if (unknown >= 0)
    throw invalid([{ path: `${field}.${unknown}`, message: "不是该计划的条目，请刷新页面后重试" }]);
}
