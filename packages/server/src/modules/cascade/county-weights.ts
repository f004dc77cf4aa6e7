import { cascadeListAbilities, type HandDown, type HandDownWeightsInput } from "@duban/domain";
import { AppError, invalid, notFound, staleVersion } from "../../errors.js";
import type { ServiceContext } from "../../http/context.js";
import { audit } from "../audit/index.js";
import * as repo from "./cascade.repository.js";
import { getHandDown } from "./rollup.service.js";

/**
 * `PUT /api/hand-downs/:id/weights`: the superior's 督查室 weighs the counties a hand-down went to in its
 * roll-up's progress (a county left out keeps its weight). Only counties holding the hand-down may be named;
 * a stale version is refused. The weights change and the audit row are written together.
 */
export async function setCountyWeights(
  ctx: ServiceContext,
  id: string,
  input: HandDownWeightsInput,
): Promise<HandDown> {
  if (!cascadeListAbilities(ctx.actor).handDown)
    throw new AppError("forbidden", "只有督查室可以设置各县的汇总权重");
  const { db } = ctx.database;
  const read = await repo.findHandDown(db, ctx.actor.tenantId, id);
  if (!read) throw notFound("下达任务");
  const links = await repo.findCountyLinks(db, ctx.actor.tenantId, [id]);
  const held = new Map(links.map((l) => [l.tenant.id, l.tenant.name]));
  const issues = input.weights.flatMap((w, i) =>
    held.has(w.tenantId) ? [] : [{ path: `weights.${i}.tenantId`, message: "该教育局未收到这项下达任务" }],
  );
  if (issues.length > 0) throw invalid(issues);
  const weights = Object.fromEntries(input.weights.map((w) => [w.tenantId, w.weight]));
  await db.transaction(async (tx) => {
    const moved = await repo.updateCountyWeights(
      tx,
      { tenantId: ctx.actor.tenantId, id, version: input.version },
      weights,
    );
    if (!moved) throw staleVersion();
    await audit(ctx, tx, {
      action: "hand_down.weights",
      entity: "hand_down",
      entityId: id,
      summary: {
        title: read.handDown.title,
        weights: input.weights.map((w) => `${held.get(w.tenantId)}：${w.weight}`),
      },
    });
  });
  return getHandDown(ctx, id);
}
