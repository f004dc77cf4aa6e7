import {
  canViewPlanStatus,
  canViewPlans,
  type DraftNode,
  isPlanDateInRange,
  knownPlanDate,
  type PlanDraftEdit,
  type PlanTreeNode,
  planAbilities,
  planListAbilities,
} from "@duban/domain";
import { forbidden, notFound } from "../../errors.js";
import { authorize } from "../../http/authorize.js";
import type { ServiceContext } from "../../http/context.js";
import { audit } from "../audit/index.js";
import * as importsRepo from "./plan-imports.repository.js";
import { toPlanImport } from "./plan-imports.service.js";
import { getPlanDetail } from "./plan-page.js";
import { type PlanWithCounts, toPlanSummary } from "./plan-summary.js";
import * as repo from "./plans.repository.js";

/** A page of plans, optionally of one year, plus the years that have plans. */
export async function findPlansPage(
  ctx: ServiceContext,
  query: { page: number; pageSize: number; year?: number | undefined; q?: string | undefined },
) {
  if (!canViewPlans(ctx.actor)) throw forbidden("您的角色无权查看计划");
  // Those who may not read drafts never count them either, not even as a year that has plans.
  const publishedOnly = !canViewPlanStatus(ctx.actor, "draft");
  const [{ rows, total }, years] = await Promise.all([
    repo.findPlans(ctx.database.db, ctx.actor.tenantId, { ...query, publishedOnly }),
    repo.findPlanYears(ctx.database.db, ctx.actor.tenantId, publishedOnly),
  ]);
  return {
    items: rows.map((r) => toPlanSummary(ctx, r)),
    total,
    page: query.page,
    pageSize: query.pageSize,
    years,
    abilities: planListAbilities(ctx.actor),
  };
}

/** One plan of the tenant the actor may read, or 404. */
export async function getPlanRow(ctx: ServiceContext, id: string): Promise<PlanWithCounts> {
  const row = canViewPlans(ctx.actor) ? await repo.findPlan(ctx.database.db, ctx.actor.tenantId, id) : null;
  if (!row || !canViewPlanStatus(ctx.actor, row.plan.status)) throw notFound("计划");
  return row;
}

/**
 * Moves a plan date by whole years, keeping month and day. A stored value that is no date, or one moved out of
 * the years a draft accepts, is dropped: the copy is reviewed before publishing, and a blank is easy to see.
 */
export function shiftDate(date: string | null, years: number): string | null {
  const known = knownPlanDate(date);
  if (!known) return null;
  const [y, ...rest] = known.split("-");
  const joined = [String(Number(y) + years), ...rest].join("-");
  // 29 February has no twin in a common year.
  const shifted = joined.endsWith("-02-29") ? joined.replace(/-29$/, "-28") : joined;
  return isPlanDateInRange(shifted) ? shifted : null;
}

/** Turns a published node back into an editable draft node for another year. */
function toDraftNode(node: PlanTreeNode, years: number, nextKey: () => string): DraftNode {
  return {
    key: nextKey(),
    level: node.level,
    label: node.label,
    number: node.number,
    title: node.title,
    text: node.text,
    span: null,
    measures: node.measures.map((m) => ({ key: nextKey(), text: m.text, span: null })),
    targets: node.indicators.map((i) => ({
      key: nextKey(),
      text: i.sourceText ?? "",
      span: null,
      indicator: i.name,
      comparator: i.comparator,
      value: i.targetValue,
      valueMax: i.targetMax,
      unit: i.unit,
      deadline: shiftDate(i.deadline, years),
      hedge: i.hedge,
    })),
    milestones: node.milestones.map((m) => ({
      key: nextKey(),
      text: m.sourceText ?? "",
      span: null,
      title: m.title,
      deadline: shiftDate(m.deadline, years),
      hedge: m.hedge,
    })),
    ownersText: null,
    leadUnitId: node.leadUnit?.id ?? null,
    coUnitIds: node.coUnits.map((u) => u.id),
    deadline: shiftDate(node.deadline, years),
    children: node.children.map((c) => toDraftNode(c, years, nextKey)),
  };
}

/** Copies a plan into another year as a draft under review, dates moved by the difference in years. */
export async function copyPlan(ctx: ServiceContext, id: string, year: number) {
  authorize(planAbilities(ctx.actor), "copy", "只有督查室或系统管理员可以复制计划");
  const detail = await getPlanDetail(ctx, id);
  const years = year - detail.year;
  let n = 0;
  const nextKey = () => `k${++n}`;
  const draft: PlanDraftEdit = {
    title: detail.title.replaceAll(String(detail.year), String(year)),
    issuer: detail.issuer,
    year,
    docNumber: null,
    preamble: detail.preamble,
    nodes: detail.nodes.map((node) => toDraftNode(node, years, nextKey)),
  };
  const row = await ctx.database.db.transaction(async (tx) => {
    const created = await importsRepo.insertImport(tx, {
      tenantId: ctx.actor.tenantId,
      kind: "plan",
      // Listed as the draft's source among the imports under review.
      filename: `复制自 ${detail.title}`,
      format: "copy",
      sourceText: "",
      // A copy is not a document; its hash only has to be unique, so it never counts as a duplicate.
      sourceHash: `copy:${id}:${year}:${Date.now()}`,
      draft,
      warnings: [`由“${detail.title}”复制，请逐项核对${year}年的目标和时限`],
      createdBy: ctx.actor.userId,
    });
    await audit(ctx, tx, {
      action: "plan.copy",
      entity: "plan",
      entityId: id,
      summary: { year, importId: created.id },
    });
    return created;
  });
  return toPlanImport(ctx, row);
}

/** The original document of a plan, for download. */
export async function getPlanSourceFile(ctx: ServiceContext, id: string) {
  await getPlanRow(ctx, id);
  const file = await repo.findPlanFile(ctx.database.db, ctx.actor.tenantId, id);
  if (!file) throw notFound("原始文件");
  // Streamed from the store, as evidence is: a large scanned PDF is not held in memory once per download.
  return { file, ...(await ctx.files.open(file.sha256)) };
}
