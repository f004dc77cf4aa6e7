import {
  type PlanAction,
  type PlanSummary,
  planPermissions,
  planTransitions,
  shanghaiDate,
} from "@duban/domain";
import { staleVersion } from "../../errors.js";
import { authorize, transition } from "../../http/authorize.js";
import type { ServiceContext } from "../../http/context.js";
import { audit } from "../audit/index.js";
import { toPlanSummary } from "./plan-summary.js";
import * as repo from "./plans.repository.js";
import { getPlanRow } from "./plans.service.js";

const refusals: Record<PlanAction, string> = {
  archive: "只有已发布的计划可以归档",
  unarchive: "该计划未归档",
};

/**
 * 归档 a published plan (every 催办 and automatic 督办单 on it stops; it stays readable), or take an archived one
 * back. Taking back a plan whose year is over keeps it live: the office asked to follow it up again.
 */
export async function changePlanArchive(
  ctx: ServiceContext,
  id: string,
  input: { action: PlanAction; version: number },
): Promise<PlanSummary> {
  authorize(planPermissions(ctx.actor), input.action, "只有督查室或系统管理员可以归档计划");
  const { plan } = await getPlanRow(ctx, id);
  const status = transition(planTransitions, plan.status, input.action, () => refusals[input.action]);
  const year = Number(shanghaiDate(ctx.clock.now()).slice(0, 4));
  const livePastYear = plan.livePastYear || (input.action === "unarchive" && plan.year < year);
  await ctx.database.db.transaction(async (tx) => {
    const updated = await repo.updatePlanStatus(
      tx,
      { tenantId: ctx.actor.tenantId, id, version: input.version },
      { status, livePastYear },
    );
    if (!updated) throw staleVersion();
    await audit(ctx, tx, {
      action: `plan.${input.action}`,
      entity: "plan",
      entityId: id,
      summary: { title: plan.title, year: plan.year },
    });
  });
  return toPlanSummary(ctx, await getPlanRow(ctx, id));
}
