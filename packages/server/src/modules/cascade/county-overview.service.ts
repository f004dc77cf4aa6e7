import {
  addDays,
  type CountyOverview,
  type CountyOverviewItem,
  type CountyOverviewQuery,
  canReadCountyOverview,
  countyOverview,
  shanghaiDate,
} from "@duban/domain";
import { forbidden, invalid, notFound } from "../../errors.js";
import type { ServiceContext } from "../../http/context.js";
import { findPlan } from "../plans/index.js";
import * as repo from "./county-overview.repository.js";
import { CountyStates } from "./county-state.js";
import { CountyStatesAsOf } from "./county-state-as-of.js";
import { statusAt } from "./link-status-at.js";

type PlanRow = NonNullable<Awaited<ReturnType<typeof findPlan>>>["plan"];

/** The 县区总览's figures with the plan they are of. */
export interface CountyOverviewRead {
  plan: PlanRow;
  /** The day the figures stand for. */
  day: string;
  items: number;
  overview: ReturnType<typeof countyOverview>;
}

/**
 * Refuses anyone but a superior bureau's 督查室 and leaders (403 before any plan is looked up, so a county's
 * 督查室 learns nothing of its city's plans), then finds the plan of the actor's own bureau or answers 404.
 */
async function superiorPlan(ctx: ServiceContext, planId: string): Promise<PlanRow> {
  const { db } = ctx.database;
  const subordinates = await repo.countSubordinates(db, ctx.actor.tenantId);
  if (!canReadCountyOverview(ctx.actor, { subordinates }))
    throw forbidden("县区总览仅供设有下级教育局的督查室和局领导查看");
  const found = await findPlan(db, ctx.actor.tenantId, planId);
  if (!found) throw notFound("计划");
  return found.plan;
}

/**
 * Each county's items of the plan as the overview adds them up: the link's state and, once linked, what the
 * county's linked item sends up — its approved light, progress, latest approval and target values, read through
 * the link as `CountyStates` does for the roll-up (never a draft, a person or a file of the county). Today is
 * read live; an earlier day from the counties' snapshots of it (`CountyStatesAsOf`).
 */
async function countyItems(ctx: ServiceContext, planId: string, day: string, live: boolean) {
  const links = await repo.findPlanCountyLinks(ctx.database.db, ctx.actor.tenantId, planId);
  const states = live
    ? new CountyStates(
        ctx,
        links.map((l) => l.link.tenantId),
      )
    : new CountyStatesAsOf(ctx, day);
  const end = new Date(`${addDays(day, 1)}T00:00:00+08:00`);
  const held = links.flatMap((l) => {
    const status = live ? l.link.status : statusAt(l.link, end);
    return status ? [{ ...l, status }] : [];
  });
  const items = await Promise.all(
    held.map(async ({ link, status, handDown, tenant }): Promise<CountyOverviewItem> => {
      const state =
        status === "linked" && link.nodeId
          ? await states.read(link.tenantId, link.nodeId, handDown.targets)
          : null;
      return {
        tenant,
        status,
        dueDate: handDown.dueDate,
        light: state?.light ?? null,
        progress: state?.progress ?? null,
        approvedAt: state?.summary?.approvedAt ?? null,
        values: state?.values ?? handDown.targets.map(() => null),
      };
    }),
  );
  return { items, handDowns: new Set(held.map((l) => l.handDown.id)).size };
}

/**
 * The 县区总览 of one plan of the actor's bureau on a day (today when left out): the API's and the 上级通报's
 * figures. A day after today is refused.
 */
export async function readCountyOverview(
  ctx: ServiceContext,
  planId: string,
  asOf?: string,
): Promise<CountyOverviewRead> {
  const plan = await superiorPlan(ctx, planId);
  const today = shanghaiDate(ctx.clock.now());
  const day = asOf ?? today;
  if (day > today) throw invalid([{ path: "asOf", message: `日期不能晚于今天（${today}），请重新选择` }]);
  const { items, handDowns } = await countyItems(ctx, planId, day, day === today);
  return { plan, day, items: handDowns, overview: countyOverview(items, day) };
}

/** `GET /api/cascade/overview`: the counties of the plan's hand-downs as units, ranked, with the totals. */
export async function getCountyOverview(
  ctx: ServiceContext,
  query: CountyOverviewQuery,
): Promise<CountyOverview> {
  const read = await readCountyOverview(ctx, query.planId);
  return {
    plan: { id: read.plan.id, title: read.plan.title },
    asOf: read.day,
    itemCount: read.items,
    counties: read.overview.rows.map((r) => ({
      rank: r.rank,
      tenant: r.tenant,
      handedDown: r.handedDown,
      pending: r.pending,
      linked: r.linked,
      returned: r.returned,
      light: r.light,
      lights: r.lights,
      progress: r.progress,
      overdue: r.overdue,
      lastApprovedAt: r.lastApprovedAt,
      coverage: r.coverage,
    })),
    totals: read.overview.totals,
  };
}
