import {
  type DraftNode,
  type PastYearMode,
  type PlanDraftEdit,
  planDateEnd,
  shanghaiDate,
} from "@duban/domain";
import type { DbOrTx } from "../../db/client.js";
import { AppError, staleVersion } from "../../errors.js";
import type { ServiceContext } from "../../http/context.js";
import { audit } from "../audit/index.js";
import { recordPlanSnapshot } from "../snapshots/index.js";
import { assertDraftUnits } from "./draft-units.js";
import * as repo from "./plan-imports.repository.js";
import { assertEditable, getImportToChange } from "./plan-imports.service.js";
import { insertNodeItems, insertPlan, insertPlanNode } from "./plans.repository.js";

/** Percentages are averaged across units; counts and amounts add up. */
export function defaultAggregation(unit: string): "average" | "sum" {
  return unit === "%" ? "average" : "sum";
}

/** Inserts a node, its items and its children, depth first, keeping the document order. */
async function insertNode(
  tx: DbOrTx,
  at: { tenantId: string; planId: string; parentId: string | null; position: number; year: number },
  node: DraftNode,
): Promise<void> {
  const nodeId = await insertPlanNode(tx, {
    tenantId: at.tenantId,
    planId: at.planId,
    parentId: at.parentId,
    level: node.level,
    label: node.label,
    number: node.number,
    title: node.title,
    text: node.text,
    spanStart: node.span?.[0] ?? null,
    spanEnd: node.span?.[1] ?? null,
    position: at.position,
    leadUnitId: node.leadUnitId,
    coUnitIds: node.coUnitIds,
    deadline: node.deadline,
    // A 工作要点 runs the calendar year; a task's own deadline, when it has one, ends its window.
    startDate: `${at.year}-01-01`,
    dueDate: planDateEnd(node.deadline ?? String(at.year)),
  });
  const base = { tenantId: at.tenantId, planId: at.planId, nodeId };
  const span = (s: [number, number] | null) => ({ spanStart: s?.[0] ?? null, spanEnd: s?.[1] ?? null });
  await insertNodeItems(tx, {
    measures: node.measures.map((m, i) => ({ ...base, position: i, text: m.text, ...span(m.span) })),
    indicators: node.targets.map((t, i) => ({
      ...base,
      position: i,
      name: t.indicator,
      comparator: t.comparator,
      targetValue: t.value,
      targetMax: t.valueMax,
      unit: t.unit,
      // A target without its own date takes the task's deadline, else the plan year.
      deadline: t.deadline ?? node.deadline ?? String(at.year),
      hedge: t.hedge,
      aggregation: defaultAggregation(t.unit),
      sourceText: t.text,
      ...span(t.span),
    })),
    milestones: node.milestones.map((m, i) => ({
      ...base,
      position: i,
      title: m.title,
      deadline: m.deadline ?? node.deadline,
      hedge: m.hedge,
      sourceText: m.text,
      ...span(m.span),
    })),
  });
  for (const [i, child] of node.children.entries())
    await insertNode(tx, { ...at, parentId: nodeId, position: i }, child);
}

/** Publishes a reviewed import: the plan and its whole tree in one transaction, or nothing at all. */
export async function publishImport(
  ctx: ServiceContext,
  id: string,
  input: { version: number; allowDuplicate?: boolean | undefined; pastYear?: PastYearMode | undefined },
): Promise<{ planId: string }> {
  const row = await getImportToChange(ctx, id);
  const status = assertEditable(ctx.actor, row, { action: "publish", version: input.version });
  const duplicate = await repo.findDuplicate(ctx.database.db, ctx.actor.tenantId, row.sourceHash, row.id);
  if (duplicate?.kind === "plan" && !input.allowDuplicate)
    throw new AppError("conflict", `同一份文档已发布为“${duplicate.title}”，确认仍要再次发布吗？`, {
      duplicateOf: duplicate,
    });
  const draft = row.draft as PlanDraftEdit;
  const thisYear = Number(shanghaiDate(ctx.clock.now()).slice(0, 4));
  // Every date of a plan whose year is over is past: followed up, it would raise 逾期 everywhere at once. The
  // office says whether it is a record of that year or work it still follows up.
  if (draft.year < thisYear && !input.pastYear)
    throw new AppError(
      "conflict",
      `这是 ${draft.year} 年的计划，年度已过：请选择作为存档（不催办、不自动督办）发布，还是继续督办`,
      { pastYear: draft.year },
    );
  const record = draft.year < thisYear && input.pastYear === "record";
  return ctx.database.db.transaction(async (tx) => {
    const planId = await insertPlan(tx, {
      tenantId: ctx.actor.tenantId,
      year: draft.year,
      title: draft.title,
      issuer: draft.issuer,
      docNumber: draft.docNumber,
      preamble: draft.preamble,
      importId: row.id,
      fileId: row.fileId,
      sourceText: row.sourceText,
      sourceHash: row.sourceHash,
      publishedBy: ctx.actor.userId,
      publishedAt: ctx.clock.now(),
      status: record ? "archived" : "published",
      livePastYear: draft.year < thisYear && input.pastYear === "live",
    });
    for (const [i, node] of draft.nodes.entries())
      await insertNode(
        tx,
        { tenantId: ctx.actor.tenantId, planId, parentId: null, position: i, year: draft.year },
        node,
      );
    // Units may have been disabled since the draft was saved; checking here rolls the whole plan back.
    await assertDraftUnits(tx, ctx.actor.tenantId, draft);
    const updated = await repo.updateImport(
      tx,
      { tenantId: ctx.actor.tenantId, id, version: input.version },
      { status, planId },
    );
    if (!updated) throw staleVersion();
    // Backfill: a plan's history starts the day it is published (an archived record has none to follow).
    if (!record) await recordPlanSnapshot(tx, { tenantId: ctx.actor.tenantId, planId, now: ctx.clock.now() });
    await audit(ctx, tx, {
      action: "plan.publish",
      entity: "plan",
      entityId: planId,
      summary: { title: draft.title, year: draft.year, importId: id, ...(record ? { archived: true } : {}) },
    });
    return { planId };
  });
}
