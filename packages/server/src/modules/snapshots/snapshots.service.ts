import { type PlanSnapshot, type SnapshotTotals, type SnapshotTrendPoint, shanghaiDate } from "@duban/domain";
import type { Database, DbOrTx } from "../../db/client.js";
import { readTogether } from "../../db/read-together.js";
import { notFound } from "../../errors.js";
import { findPlanPoints } from "../indicator-formulas/index.js";
import { buildSnapshot } from "./build-snapshot.js";
import * as repo from "./snapshots.repository.js";

/**
 * The plan's state at `now`, computed from the live rows and not saved: lights and 序时进度 of the Shanghai day
 * of `now`, indicator values approved by then. Throws not-found for another tenant's or an unknown plan.
 */
export async function takePlanSnapshot(
  db: DbOrTx,
  at: { tenantId: string; planId: string; now: Date },
): Promise<PlanSnapshot> {
  const plan = await repo.findSnapshotPlan(db, at.tenantId, at.planId);
  if (!plan) throw notFound("计划");
  const day = shanghaiDate(at.now);
  const [sources, computed] = await readTogether(db, [
    () => repo.findSnapshotSources(db, { tenantId: at.tenantId, planId: plan.id, day, until: at.now }),
    () => findPlanPoints(db, { tenantId: at.tenantId, planId: plan.id, until: at.now }),
  ]);
  return buildSnapshot({ ...sources, computed }, plan, { day, takenAt: at.now });
}

/**
 * Records the plan's day unless it is already recorded: the unique key lets exactly one of several concurrent
 * writers (server processes, a publish and a scheduler pass) store it. True when this call stored it.
 */
export async function recordPlanSnapshot(
  db: DbOrTx,
  at: { tenantId: string; planId: string; now: Date },
): Promise<boolean> {
  const day = shanghaiDate(at.now);
  if (await repo.hasSnapshot(db, { ...at, day })) return false;
  const snapshot = await takePlanSnapshot(db, at);
  return repo.insertSnapshotOnce(db, {
    tenantId: at.tenantId,
    planId: at.planId,
    day,
    takenAt: at.now,
    totals: snapshot.totals,
    data: snapshot,
  });
}

/** Records today's snapshot of every published plan of the tenant; returns how many this call stored. */
export async function recordPlanSnapshots(
  database: Pick<Database, "db">,
  at: { tenantId: string; now: Date },
): Promise<number> {
  let stored = 0;
  for (const planId of await repo.findPublishedPlanIds(database.db, at.tenantId))
    if (await recordPlanSnapshot(database.db, { ...at, planId })) stored += 1;
  return stored;
}

/**
 * The plan's recorded state of `asOf` (YYYY-MM-DD), else the latest recorded before it; null when nothing that
 * old is recorded. Stored days are written by this module only and read back as written.
 */
export async function loadPlanSnapshot(
  db: DbOrTx,
  at: { tenantId: string; planId: string; asOf: string },
): Promise<PlanSnapshot | null> {
  const row = await repo.findSnapshotAsOf(db, at);
  return row ? (row.data as PlanSnapshot) : null;
}

/** The plan's recorded totals from `from` to `to` (YYYY-MM-DD, inclusive), oldest first: a trend line. */
export async function findPlanTrend(
  db: DbOrTx,
  at: { tenantId: string; planId: string; from: string; to: string },
): Promise<SnapshotTrendPoint[]> {
  const rows = await repo.findSnapshotTotals(db, at);
  return rows.map((r) => trendPoint(r.day, r.totals as SnapshotTotals));
}

/** A trend point from one day's totals. */
export function trendPoint(day: string, totals: SnapshotTotals): SnapshotTrendPoint {
  return { day, progress: totals.progress, expectedProgress: totals.expectedProgress, tasks: totals.tasks };
}

/**
 * Demo history: records the 1st of each month of every published plan's year before `now`, each computed with
 * that day as its clock (its lights, 序时进度 and the values approved by then; progress as it stands now), so a
 * demo plan published today still draws a trend. Days already recorded are left alone. Not for real tenants:
 * their history is what the daily job saw.
 */
export async function recordDemoHistory(
  database: Pick<Database, "db">,
  at: { tenantId: string; now: Date },
): Promise<number> {
  const today = shanghaiDate(at.now);
  let stored = 0;
  for (const planId of await repo.findPublishedPlanIds(database.db, at.tenantId)) {
    const plan = await repo.findSnapshotPlan(database.db, at.tenantId, planId);
    if (!plan) continue;
    for (let month = 1; month <= 12; month++) {
      const day = `${plan.year}-${String(month).padStart(2, "0")}-01`;
      if (day >= today) break;
      const now = new Date(`${day}T08:00:00+08:00`);
      if (await recordPlanSnapshot(database.db, { tenantId: at.tenantId, planId, now })) stored += 1;
    }
  }
  return stored;
}
