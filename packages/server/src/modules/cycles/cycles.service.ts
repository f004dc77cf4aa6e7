import {
  type CycleKind,
  type CyclePage,
  cycleAbilities,
  cyclePermissions,
  cycleTransitions,
  type PageQuery,
  pageFrom,
  planAbilities,
  shanghaiDate,
} from "@duban/domain";
import { AppError, invalid, notFound, staleVersion } from "../../errors.js";
import { authorize, transition } from "../../http/authorize.js";
import type { ServiceContext } from "../../http/context.js";
import { audit } from "../audit/index.js";
import { findPlan, updatePlanReporting } from "../plans/index.js";
import { defaultCycleWindow } from "./cycle-dates.js";
import { runCycleOpened } from "./cycle-opened-hook.js";
import * as repo from "./cycles.repository.js";

/** The API shape of a cycle with its counts. */
function toCycle(ctx: ServiceContext, row: Awaited<ReturnType<typeof repo.findPlanCycles>>[number]) {
  const c = row.cycle;
  return {
    id: c.id,
    planId: c.planId,
    name: c.name,
    kind: c.kind,
    startDate: c.startDate,
    dueDate: c.dueDate,
    status: c.status,
    expected: Number(row.expected),
    submitted: Number(row.submitted),
    approved: Number(row.approved),
    version: c.version,
    abilities: cycleAbilities(ctx.actor, c),
  };
}

/** A plan of the tenant, or 404. */
async function getPlan(ctx: ServiceContext, planId: string) {
  const found = await findPlan(ctx.database.db, ctx.actor.tenantId, planId);
  if (!found) throw notFound("计划");
  return found.plan;
}

/** A page of a plan's cycles; the supervision office may open the next one. */
export async function findCycles(ctx: ServiceContext, planId: string, query: PageQuery): Promise<CyclePage> {
  await getPlan(ctx, planId);
  const rows = await repo.findPlanCycles(ctx.database.db, ctx.actor.tenantId, planId);
  return pageFrom(
    rows.map((r) => toCycle(ctx, r)),
    query,
    { open: planAbilities(ctx.actor).manageCycles },
  );
}

/** Sets how often a plan is reported on and how far behind 序时进度 stays green. */
export async function updatePlanSettings(
  ctx: ServiceContext,
  planId: string,
  input: { cadence: CycleKind; cadenceDueDay: number; lightTolerance: number; version: number },
) {
  const plan = await getPlan(ctx, planId);
  authorize(planAbilities(ctx.actor), "manageCycles", "只有督查室可以设置填报周期");
  if (plan.version !== input.version) throw staleVersion();
  await ctx.database.db.transaction(async (tx) => {
    const row = await updatePlanReporting(
      tx,
      { tenantId: ctx.actor.tenantId, id: planId, version: input.version },
      { cadence: input.cadence, cadenceDueDay: input.cadenceDueDay, lightTolerance: input.lightTolerance },
    );
    if (!row) throw staleVersion();
    await audit(ctx, tx, {
      action: "plan.settings",
      entity: "plan",
      entityId: planId,
      summary: {
        cadence: input.cadence,
        cadenceDueDay: input.cadenceDueDay,
        lightTolerance: input.lightTolerance,
      },
    });
  });
}

/** Opens a reporting cycle (with the rounds of the forms filled every cycle); only one is open per plan at a time. */
export async function openCycle(
  ctx: ServiceContext,
  planId: string,
  input: { name?: string | undefined; startDate?: string | undefined; dueDate?: string | undefined },
) {
  const plan = await getPlan(ctx, planId);
  authorize(planAbilities(ctx.actor), "manageCycles", "只有督查室可以开启填报周期");
  const open = await repo.findOpenCycle(ctx.database.db, ctx.actor.tenantId, planId);
  if (open) throw new AppError("conflict", `“${open.name}”尚未关闭，请先关闭再开启新的填报周期`);
  const fallback = defaultCycleWindow(plan.cadence, plan.cadenceDueDay, shanghaiDate(ctx.clock.now()));
  const name = input.name ?? fallback?.name;
  const startDate = input.startDate ?? fallback?.startDate;
  const dueDate = input.dueDate ?? fallback?.dueDate;
  if (!name || !startDate || !dueDate)
    throw invalid([{ path: "dueDate", message: "临时填报须填写名称、开始和截止日期" }]);
  if (dueDate < startDate) throw invalid([{ path: "dueDate", message: "截止日期不能早于开始日期" }]);
  const row = await ctx.database.db.transaction(async (tx) => {
    const created = await repo.insertCycle(tx, {
      tenantId: ctx.actor.tenantId,
      planId,
      name,
      kind: input.name ? "adhoc" : plan.cadence,
      startDate,
      dueDate,
    });
    await audit(ctx, tx, {
      action: "cycle.open",
      entity: "report_cycle",
      entityId: created.id,
      summary: { name, startDate, dueDate },
    });
    await runCycleOpened(ctx, tx, created);
    return created;
  });
  return toCycle(ctx, { cycle: row, expected: 0, submitted: 0, approved: 0 });
}

/** Closes a cycle: from then on it refuses new reports. */
export async function closeCycle(ctx: ServiceContext, id: string, version: number) {
  const cycle = await repo.findCycle(ctx.database.db, ctx.actor.tenantId, id);
  if (!cycle) throw notFound("填报周期");
  authorize(cyclePermissions(ctx.actor), "close", "只有督查室可以关闭填报周期");
  transition(cycleTransitions, cycle.status, "close", "该填报周期已关闭");
  await ctx.database.db.transaction(async (tx) => {
    const closed = await repo.closeCycle(tx, { tenantId: ctx.actor.tenantId, id, version }, ctx.clock.now());
    if (!closed) throw staleVersion();
    await audit(ctx, tx, {
      action: "cycle.close",
      entity: "report_cycle",
      entityId: id,
      summary: { name: cycle.name },
    });
  });
}
