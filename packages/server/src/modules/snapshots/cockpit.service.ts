import {
  addDays,
  type Cockpit,
  type CockpitQuery,
  canViewPlanStatus,
  cockpitScopeOf,
  noticeLedgerAbilities,
  type PlanSnapshot,
  type SnapshotTrendPoint,
  shanghaiDate,
} from "@duban/domain";
import type { DbOrTx } from "../../db/client.js";
import { AppError, forbidden, invalid, notFound } from "../../errors.js";
import type { ServiceContext } from "../../http/context.js";
import { findUnit } from "../units/index.js";
import { buildCockpit, type CockpitView, scopedTrendPoint } from "./build-cockpit.js";
import * as repo from "./snapshots.repository.js";
import { findPlanTrend, loadPlanSnapshot, takePlanSnapshot, trendPoint } from "./snapshots.service.js";

/**
 * The cockpit of a plan as of a day, limited to what the actor leads or is assigned.
 *
 * Today (asOf left out or today's date) is computed live, so the leader sees a report approved an hour ago and
 * the figures equal the plan and task pages; an earlier day is read from its snapshot (or the latest before
 * it), never recomputed from today's data. The trend is every recorded day of the plan year up to asOf.
 */
export async function getCockpit(ctx: ServiceContext, planId: string, query: CockpitQuery): Promise<Cockpit> {
  const kind = cockpitScopeOf(ctx.actor);
  if (!kind) throw forbidden("您的角色没有领导驾驶舱，请从计划列表查看任务进展");
  const { db } = ctx.database;
  const { tenantId } = ctx.actor;
  const plan = await repo.findSnapshotPlan(db, tenantId, planId);
  if (!plan || !canViewPlanStatus(ctx.actor, plan.status)) throw notFound("计划");
  const now = ctx.clock.now();
  const today = shanghaiDate(now);
  const asOf = query.asOf ?? today;
  if (asOf > today)
    throw invalid([{ path: "asOf", message: `查询日期不能晚于今天（${today}），请重新选择` }]);
  const live = asOf === today;
  const snapshot = live
    ? await takePlanSnapshot(db, { tenantId, planId, now })
    : await loadPlanSnapshot(db, { tenantId, planId, asOf });
  if (!snapshot)
    throw new AppError("not_found", `${asOf} 及之前尚无该计划的进展记录，请选择计划发布之后的日期`);
  const unitId = kind === "plan" ? null : ctx.actor.unitId;
  const view: CockpitView = { kind, unitId };
  const unit = unitId ? await findUnit(db, tenantId, unitId) : null;
  return buildCockpit(snapshot, {
    plan,
    asOf,
    source: live ? "live" : "snapshot",
    view: { ...view, unitName: unit?.name ?? null },
    trend: await trendOf(db, { tenantId, planId, year: plan.year, view, snapshot, live }),
    raiseNotices: noticeLedgerAbilities(ctx.actor).create,
  });
}

/** Most months a scoped trend reads in full: one snapshot per month of the plan year. */
const SCOPED_TREND_MONTHS = 12;

/**
 * The trend up to the snapshot shown, ending with its own point. The whole plan reads the stored totals of every
 * day; a department or school needs its own part of each day, so it reads one full snapshot per month.
 */
async function trendOf(
  db: DbOrTx,
  at: {
    tenantId: string;
    planId: string;
    year: number;
    view: CockpitView;
    snapshot: PlanSnapshot;
    live: boolean;
  },
): Promise<SnapshotTrendPoint[]> {
  const { snapshot, view } = at;
  // A live view's own day is the live point, not the snapshot stored this morning.
  const to = at.live ? addDays(snapshot.day, -1) : snapshot.day;
  const from = `${Math.min(at.year, Number(to.slice(0, 4)))}-01-01`;
  const range = { tenantId: at.tenantId, planId: at.planId, from, to };
  const own =
    view.kind === "plan" ? trendPoint(snapshot.day, snapshot.totals) : scopedTrendPoint(snapshot, view);
  if (view.kind === "plan") {
    const stored = await findPlanTrend(db, range);
    return [...stored.filter((p) => p.day !== snapshot.day), own];
  }
  const days = (await findPlanTrend(db, range)).map((p) => p.day).filter((d) => d !== snapshot.day);
  const lastOfMonth = new Map<string, string>();
  for (const d of days) lastOfMonth.set(d.slice(0, 7), d);
  const sampled = [...lastOfMonth.values()].slice(-SCOPED_TREND_MONTHS);
  const points: SnapshotTrendPoint[] = [];
  for (const day of sampled) {
    const past = await loadPlanSnapshot(db, { tenantId: at.tenantId, planId: at.planId, asOf: day });
    if (past) points.push(scopedTrendPoint(past, view));
  }
  return [...points, own];
}
