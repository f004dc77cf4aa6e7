import {
  addDays,
  type Cockpit,
  type CockpitQuery,
  canViewPlanStatus,
  cockpitSchema,
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
 * The cockpit of a plan as of a day, limited to what the actor leads or is assigned, as the JSON body of the
 * answer. It is checked against `cockpitSchema` and serialized once per computation: an answer of a few hundred
 * KB costs more to validate and stringify than to build from a stored snapshot, and twenty leaders opening the
 * same screen get the same bytes.
 *
 * Today (asOf left out or today's date) is computed live, so the leader sees a report approved an hour ago and
 * the figures equal the plan and task pages, and kept until the tenant's data version moves (its `takenAt` is
 * when it was computed); an earlier day is read from its snapshot (or the latest before
 * it), never recomputed from today's data. The trend is every recorded day of the plan year up to asOf.
 */
export async function getCockpitJson(
  ctx: ServiceContext,
  planId: string,
  query: CockpitQuery,
): Promise<Buffer> {
  const kind = cockpitScopeOf(ctx.actor);
  if (!kind) throw forbidden("您的角色没有领导驾驶舱，请从计划列表查看任务进展");
  const { db } = ctx.database;
  const { tenantId } = ctx.actor;
  const now = ctx.clock.now();
  const today = shanghaiDate(now);
  const asOf = query.asOf ?? today;
  const plan = await repo.findCockpitPlan(db, { tenantId, planId, asOf });
  if (!plan || !canViewPlanStatus(ctx.actor, plan.status)) throw notFound("计划");
  if (asOf > today)
    throw invalid([{ path: "asOf", message: `查询日期不能晚于今天（${today}），请重新选择` }]);
  const live = asOf === today;
  const unitId = kind === "plan" ? null : ctx.actor.unitId;
  const raiseNotices = noticeLedgerAbilities(ctx.actor).create;
  if (live) {
    // Today's answer is kept while the tenant's data version stands still: any committed write to a table the
    // figures come from, by any server process, moves it. Callers asking while it is being computed share that
    // computation: twenty leaders opening the screen at nine o'clock cost one reading of the plan, not twenty.
    const key = [tenantId, planId, today, kind, unitId, raiseNotices].join("|");
    const kept = liveCockpits.get(key);
    if (kept?.version === plan.dataVersion) return kept.body;
    return shared(`${key}|${plan.dataVersion}`, async () => {
      const snapshot = await takePlanSnapshot(db, { tenantId, planId, now });
      const body = serialize(
        await assemble(db, { tenantId, plan, asOf, kind, unitId, raiseNotices, snapshot, live }),
      );
      keep(liveCockpits, key, { version: plan.dataVersion, body });
      return body;
    });
  }
  // A past day's answer never changes (snapshots are append-only): built once per day, view and abilities.
  const day = plan.snapshotDay;
  const key = day ? [tenantId, planId, day, asOf, kind, unitId, raiseNotices].join("|") : null;
  const cached = key ? pastCockpits.get(key) : undefined;
  if (cached) return cached;
  const snapshot = day ? await loadPlanSnapshot(db, { tenantId, planId, asOf: day }) : null;
  if (!snapshot)
    throw new AppError("not_found", `${asOf} 及之前尚无该计划的进展记录，请选择计划发布之后的日期`);
  const body = serialize(
    await assemble(db, { tenantId, plan, asOf, kind, unitId, raiseNotices, snapshot, live }),
  );
  if (key) keep(pastCockpits, key, body);
  return body;
}

/** The answer's bytes, checked against the contract as the route's serializer would check them. */
function serialize(cockpit: Cockpit): Buffer {
  return Buffer.from(JSON.stringify(cockpitSchema.parse(cockpit)));
}

/** The cockpit of one snapshot for one view, with its trend. */
async function assemble(
  db: DbOrTx,
  at: {
    tenantId: string;
    plan: { id: string; title: string; year: number };
    asOf: string;
    kind: CockpitView["kind"];
    unitId: string | null;
    raiseNotices: boolean;
    snapshot: PlanSnapshot;
    live: boolean;
  },
): Promise<Cockpit> {
  const { tenantId, plan, snapshot } = at;
  const view: CockpitView = { kind: at.kind, unitId: at.unitId };
  const unit = at.unitId ? await findUnit(db, tenantId, at.unitId) : null;
  const trend = await trendOf(db, {
    tenantId,
    planId: plan.id,
    year: plan.year,
    view,
    snapshot,
    live: at.live,
  });
  return buildCockpit(snapshot, {
    plan,
    asOf: at.asOf,
    source: at.live ? "live" : "snapshot",
    view: { ...view, unitName: unit?.name ?? null },
    trend,
    raiseNotices: at.raiseNotices,
  });
}

/** Today's cockpits being computed, by plan, day and view. */
const inFlight = new Map<string, Promise<Buffer>>();

/** Joins the computation under way for `key`, or starts one; it is forgotten once done, so no answer goes stale. */
function shared(key: string, make: () => Promise<Buffer>): Promise<Buffer> {
  const running = inFlight.get(key);
  if (running) return running;
  const started = make().finally(() => inFlight.delete(key));
  inFlight.set(key, started);
  return started;
}

/** Past days' cockpits already built, most recent last; a few dozen screens of a few hundred KB each. */
const pastCockpits = new Map<string, Buffer>();
/** Today's cockpits by plan, day and view, with the data version they were computed at. */
const liveCockpits = new Map<string, { version: string; body: Buffer }>();
const COCKPITS_KEPT = 32;

/** Keeps an answer, forgetting the oldest past the limit. */
function keep<T>(map: Map<string, T>, key: string, value: T): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > COCKPITS_KEPT) map.delete(map.keys().next().value!);
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
