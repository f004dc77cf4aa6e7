import {
  type CycleFiling,
  type CycleUrgeResult,
  canViewFiling,
  type FilingStanding,
  type FilingUnit,
  filingAbilities,
  shanghaiDate,
  urgeOutcome,
} from "@duban/domain";
import { forbidden, notFound } from "../../errors.js";
import { authorize } from "../../http/authorize.js";
import type { ServiceContext } from "../../http/context.js";
import { audit } from "../audit/index.js";
import { findCycle } from "../cycles/index.js";
import { notify } from "../notifications/index.js";
import * as repo from "./ledger.repository.js";

/** A cycle of the tenant the actor may read the 报送情况 of, or 403 / 404. */
async function getFilingCycle(ctx: ServiceContext, id: string) {
  if (!canViewFiling(ctx.actor)) throw forbidden("只有督查室、局领导或系统管理员可以查看报送情况");
  const cycle = await findCycle(ctx.database.db, ctx.actor.tenantId, id);
  if (!cycle) throw notFound("填报周期");
  return cycle;
}

/** Where one assignment's report stands: submitted or approved counts as in; draft, returned or none as missing. */
function standingOf(row: { reportStatus: string | null; late: boolean | null }): FilingStanding {
  if (row.reportStatus !== "submitted" && row.reportStatus !== "approved") return "missing";
  return row.late ? "late" : "on_time";
}

const standingOrder: Record<FilingStanding, number> = { missing: 0, late: 1, on_time: 2 };

/** The cycle's units with their counts: missing first, then late, then on time, by name within each. */
async function filingUnits(
  ctx: ServiceContext,
  cycle: { id: string; planId: string },
): Promise<FilingUnit[]> {
  const rows = await repo.findCycleFilings(ctx.database.db, ctx.actor.tenantId, cycle);
  const byUnit = new Map<string, FilingUnit & { last: number }>();
  for (const row of rows) {
    const u = byUnit.get(row.unitId) ?? {
      unit: { id: row.unitId, name: row.unitName },
      due: 0,
      onTime: 0,
      late: 0,
      missing: 0,
      standing: "on_time" as FilingStanding,
      lastSubmittedAt: null,
      last: 0,
    };
    const standing = standingOf(row);
    u.due++;
    if (standing === "missing") u.missing++;
    else if (standing === "late") u.late++;
    else u.onTime++;
    if (standingOrder[standing] < standingOrder[u.standing]) u.standing = standing;
    if (standing !== "missing" && row.submittedAt && row.submittedAt.getTime() > u.last)
      u.last = row.submittedAt.getTime();
    byUnit.set(row.unitId, u);
  }
  return [...byUnit.values()]
    .sort(
      (a, b) =>
        standingOrder[a.standing] - standingOrder[b.standing] || a.unit.name.localeCompare(b.unit.name, "zh"),
    )
    .map(({ last, ...u }) => ({ ...u, lastSubmittedAt: last ? new Date(last).toISOString() : null }));
}

/** A cycle's 报送情况: every unit owing reports, and how many it has in on time, late, or not at all. */
export async function getCycleFiling(ctx: ServiceContext, id: string): Promise<CycleFiling> {
  const cycle = await getFilingCycle(ctx, id);
  const units = await filingUnits(ctx, cycle);
  const count = (s: FilingStanding) => units.filter((u) => u.standing === s).length;
  return {
    cycle: {
      id: cycle.id,
      planId: cycle.planId,
      name: cycle.name,
      startDate: cycle.startDate,
      dueDate: cycle.dueDate,
      status: cycle.status,
    },
    totals: { units: units.length, onTime: count("on_time"), late: count("late"), missing: count("missing") },
    units,
    abilities: filingAbilities(ctx.actor, cycle),
  };
}

/**
 * 一键催报: reminds every unit with a report missing in the cycle, through the one notification path. The
 * dedupe key names the cycle, the unit and the Shanghai day, so each unit is told at most once a day however
 * often (or however many people at once) the button is pressed; a unit told already counts as skipped.
 */
export async function urgeCycle(ctx: ServiceContext, id: string): Promise<CycleUrgeResult> {
  const cycle = await getFilingCycle(ctx, id);
  authorize(filingAbilities(ctx.actor, cycle), "urge", "只有督查室可以催报，且填报周期须未关闭");
  const missing = (await filingUnits(ctx, cycle)).filter((u) => u.missing > 0);
  const now = ctx.clock.now();
  const today = shanghaiDate(now);
  const reminded = await ctx.database.db.transaction(async (tx) => {
    let told = 0;
    for (const u of missing) {
      const users = await notify(tx, {
        tenantId: ctx.actor.tenantId,
        kind: "reminder_urge",
        recipients: { unitId: u.unit.id },
        title: `催报：${cycle.name}尚有 ${u.missing} 项未报送`,
        body: `${u.unit.name}：${cycle.name}的进展报送截止于 ${cycle.dueDate}，尚有 ${u.missing} 项未报送，请尽快填报。`,
        link: "/",
        entity: "report_cycle",
        entityId: cycle.id,
        dedupeKey: `urge:${cycle.id}:${u.unit.id}:${today}`,
        now,
      });
      if (users > 0) told++;
    }
    await audit(ctx, tx, {
      action: "cycle.urge",
      entity: "report_cycle",
      entityId: cycle.id,
      summary: { name: cycle.name, missing: missing.length, reminded: told },
    });
    return told;
  });
  return urgeOutcome(missing.length, reminded);
}
