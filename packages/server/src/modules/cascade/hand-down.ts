import {
  cascadeListAbilities,
  defaultCascadeRollup,
  type HandDown,
  type HandDownCreateInput,
  type HandDownTarget,
  notificationLinks,
} from "@duban/domain";
import { AppError, invalid, notFound } from "../../errors.js";
import { authorize } from "../../http/authorize.js";
import type { ServiceContext } from "../../http/context.js";
import { audit } from "../audit/index.js";
import { notify } from "../notifications/index.js";
import { findNodeIndicators, findNodeWithPlan, findPlan } from "../plans/index.js";
import * as repo from "./cascade.repository.js";
import { handDownItem } from "./hand-down-item.js";
import { getHandDown } from "./rollup.service.js";
import { findTenantName } from "./tenants.repository.js";

type NodeIndicator = Awaited<ReturnType<typeof findNodeIndicators>>[number];

/** The node's indicators as targets, each added up by the 督查室's choice or by its default. */
function targetsOf(indicators: NodeIndicator[], input: HandDownCreateInput): HandDownTarget[] {
  const indexOf = new Map(indicators.map((i, n) => [i.id, n]));
  for (const [n, r] of input.rollups.entries()) {
    if (!indexOf.has(r.indicatorId))
      throw invalid([{ path: `rollups.${n}.indicatorId`, message: "该指标不属于这项任务" }]);
    if (r.baseIndicatorId !== null && (!indexOf.has(r.baseIndicatorId) || r.rollup !== "ratio"))
      throw invalid([
        { path: `rollups.${n}.baseIndicatorId`, message: "基数只能是同一任务的另一项指标，且只用于比率" },
      ]);
  }
  const chosen = new Map(input.rollups.map((r) => [r.indicatorId, r]));
  return indicators.map((i) => {
    const choice = chosen.get(i.id);
    const base = choice?.baseIndicatorId ?? null;
    return {
      indicatorId: i.id,
      name: i.name,
      comparator: i.comparator,
      value: i.targetValue,
      valueMax: i.targetMax,
      unit: i.unit,
      deadline: i.deadline,
      rollup: choice?.rollup ?? defaultCascadeRollup(i.unit),
      baseTarget: base === null || base === i.id ? null : indexOf.get(base)!,
    };
  });
}

/**
 * 下达: the 督查室 hands a task of a published plan — or one of its measures or indicators — down to chosen bureaus
 * directly below its own. The first hand-down of an item keeps its text, targets and due date as they stand;
 * handing it down again only adds bureaus that do not hold it yet, so a repeated request changes nothing. Each
 * bureau newly given it has its 督查室 told, once per link.
 */
export async function handDownNode(
  ctx: ServiceContext,
  nodeId: string,
  input: HandDownCreateInput,
): Promise<HandDown> {
  authorize(cascadeListAbilities(ctx.actor), "handDown");
  const { db } = ctx.database;
  const tenantId = ctx.actor.tenantId;
  const found = await findNodeWithPlan(db, tenantId, nodeId);
  if (!found) throw notFound("任务");
  const { node, plan } = found;
  if (node.level !== "task" && node.level !== "subtask")
    throw invalid([{ path: "nodeId", message: "只能下达任务，不能下达整个部分" }]);
  const [subordinates, nodeIndicators, planRow, superiorName] = await Promise.all([
    repo.findSubordinates(db, tenantId),
    findNodeIndicators(db, tenantId, nodeId),
    findPlan(db, tenantId, plan.id),
    findTenantName(db, tenantId),
  ]);
  if (planRow?.plan.status !== "published")
    throw new AppError("conflict", "只能下达已发布且未归档计划中的任务");
  const below = new Map(subordinates.map((s) => [s.id, s]));
  for (const [n, id] of input.tenantIds.entries())
    if (!below.has(id)) throw invalid([{ path: `tenantIds.${n}`, message: "不是本局的直属下级教育局" }]);
  const item = await handDownItem(ctx, { node, indicators: nodeIndicators, input });
  const targets = targetsOf(item.indicators, input);
  // Stamped with the service clock, as the link's later moves are: a past day's 县区总览 compares them.
  const now = ctx.clock.now();
  const id = await db.transaction(async (tx) => {
    const handDownId = await repo.upsertHandDown(tx, {
      tenantId,
      planId: plan.id,
      nodeId,
      measureId: item.measureId,
      indicatorId: item.indicatorId,
      title: item.title,
      text: item.text,
      dueDate: node.dueDate,
      targets,
      handedBy: ctx.actor.userId,
      createdAt: now,
    });
    const added = await repo.insertLinks(
      tx,
      input.tenantIds.map((to) => ({
        tenantId: to,
        fromTenantId: tenantId,
        handDownId,
        createdAt: now,
        updatedAt: now,
      })),
    );
    if (added.length > 0)
      await audit(ctx, tx, {
        action: "hand_down.create",
        entity: "hand_down",
        entityId: handDownId,
        summary: { node: node.title, item: item.title, to: added.map((a) => below.get(a.tenantId)!.name) },
      });
    for (const a of added)
      await notify(tx, {
        tenantId: a.tenantId,
        kind: "cascade.handed_down",
        recipients: { roles: ["supervisor"] },
        title: `${superiorName}下达：${item.title}`,
        body: item.text.slice(0, 200),
        link: notificationLinks.received(a.id),
        entity: "cascade_link",
        entityId: a.id,
        dedupeKey: `hand_down:${a.id}`,
        now: ctx.clock.now(),
      });
    return handDownId;
  });
  return getHandDown(ctx, id);
}
