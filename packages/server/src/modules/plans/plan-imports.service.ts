import { createHash } from "node:crypto";
import {
  canViewPlanStatus,
  canViewPlans,
  type DraftNode,
  type PlanDraftEdit,
  type PlanImport,
  type PlanImportAction,
  planImportAbilities,
  planImportPermissions,
  planImportTransitions,
  planListAbilities,
} from "@duban/domain";
import type { PlanDraft } from "@duban/plan-parser";
import { AppError, notFound, staleVersion } from "../../errors.js";
import { authorize, transition } from "../../http/authorize.js";
import type { Actor, ServiceContext } from "../../http/context.js";
import { audit } from "../audit/index.js";
import { findKeywords } from "../unit-keywords/index.js";
import { findAllUnits } from "../units/index.js";
import { draftFromParse, matchedKeywords } from "./draft-from-parse.js";
import { assertDraftUnits } from "./draft-units.js";
import * as repo from "./plan-imports.repository.js";

/** Hash of the text without whitespace, so re-wrapped or re-saved copies of a document still match. */
export function sourceHashOf(text: string): string {
  return createHash("sha256").update(text.replace(/\s+/g, "")).digest("hex");
}

/** Per task key, the keywords of its lead unit the task mentions; tasks whose document names the lead are left out. */
function leadKeywordsOf(
  nodes: DraftNode[],
  keywords: { keyword: string; unitId: string }[],
  out: Record<string, string[]> = {},
): Record<string, string[]> {
  for (const node of nodes) {
    if (node.leadUnitId && !node.ownersText?.lead.length) {
      const matched = matchedKeywords(node.leadUnitId, node, keywords);
      if (matched.length) out[node.key] = matched;
    }
    leadKeywordsOf(node.children, keywords, out);
  }
  return out;
}

/** Builds the API shape of an import. */
export async function toPlanImport(ctx: ServiceContext, row: repo.PlanImportRow): Promise<PlanImport> {
  const reviewing = row.status === "reviewing";
  const [duplicateOf, keywords] = reviewing
    ? await Promise.all([
        repo.findDuplicate(ctx.database.db, row.tenantId, row.sourceHash, row.id),
        findKeywords(ctx.database.db, row.tenantId),
      ])
    : [null, []];
  const draft = row.draft as PlanDraftEdit;
  return {
    id: row.id,
    status: row.status,
    kind: row.kind,
    filename: row.filename,
    format: row.format,
    sourceText: row.sourceText,
    draft,
    warnings: row.warnings as string[],
    duplicateOf,
    // Only a draft under review is edited; a published one keeps its units without the reasons.
    leadKeywords: leadKeywordsOf(draft.nodes, keywords),
    planId: row.planId,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    abilities: planImportAbilities(ctx.actor, row),
  };
}

/** What a new import is made from: the text and its parse, made off the event loop by `files/read-plan-off-thread`. */
export interface NewImport {
  text: string;
  parsed: PlanDraft;
  filename: string | null;
  format: string;
  /** The uploaded document already in the file store; its `files` row is written with the import. */
  file: { sha256: string; size: number; mime: string; filename: string } | null;
  warnings: string[];
}

/** Keeps a parsed document's draft for review, with lead units suggested. */
export async function createImport(ctx: ServiceContext, input: NewImport): Promise<PlanImport> {
  authorize(planListAbilities(ctx.actor), "import", "只有督查室或系统管理员可以导入计划");
  const { db } = ctx.database;
  const { parsed } = input;
  const [units, keywords] = await Promise.all([
    findAllUnits(db, ctx.actor.tenantId),
    findKeywords(db, ctx.actor.tenantId),
  ]);
  const unknownOwners: string[] = [];
  const draft = draftFromParse(parsed, { units, keywords }, ctx.clock.now().getFullYear(), unknownOwners);
  if (draft.nodes.length === 0)
    throw new AppError("bad_request", "没有从文档中识别出任何条目，请确认上传的是工作要点全文");
  const warnings = [...input.warnings, ...parsed.warnings, ...[...new Set(unknownOwners)].slice(0, 20)];
  if (parsed.kind !== "plan")
    warnings.unshift(
      parsed.kind === "summary"
        ? "这份文档像是工作总结，而不是工作要点"
        : parsed.kind === "explanation"
          ? "这份文档像是政策解读，而不是工作要点"
          : "未能确认这是一份工作要点",
    );
  // The file row and the import commit together, so a refused import leaves no orphan file row.
  const row = await db.transaction(async (tx) => {
    const fileId = input.file
      ? await repo.insertPlanFile(tx, {
          tenantId: ctx.actor.tenantId,
          createdBy: ctx.actor.userId,
          ...input.file,
        })
      : null;
    const created = await repo.insertImport(tx, {
      tenantId: ctx.actor.tenantId,
      kind: parsed.kind,
      filename: input.filename,
      format: input.format,
      fileId,
      sourceText: input.text,
      sourceHash: sourceHashOf(input.text),
      draft,
      warnings,
      createdBy: ctx.actor.userId,
    });
    await audit(ctx, tx, {
      action: "plan_import.create",
      entity: "plan_import",
      entityId: created.id,
      summary: { filename: input.filename, title: draft.title },
    });
    return created;
  });
  return toPlanImport(ctx, row);
}

/** One import the actor may see, or 404: a draft not yet published only for those who import plans. */
export async function getImport(ctx: ServiceContext, id: string): Promise<repo.PlanImportRow> {
  const row = canViewPlans(ctx.actor) ? await repo.findImport(ctx.database.db, ctx.actor.tenantId, id) : null;
  if (!row || !canViewPlanStatus(ctx.actor, row.status)) throw notFound("导入记录");
  return row;
}

/** An import the actor means to change: a role that never may is refused (403) before anything is looked up. */
export async function getImportToChange(ctx: ServiceContext, id: string): Promise<repo.PlanImportRow> {
  authorize(planImportPermissions(ctx.actor), "update", "只有督查室或系统管理员可以修改导入的计划");
  return getImport(ctx, id);
}

/**
 * Checks that the actor may still take the action on the import, at the version they read; returns the status
 * the action leads to.
 */
export function assertEditable(
  actor: Actor,
  row: repo.PlanImportRow,
  input: { action: PlanImportAction; version: number },
) {
  authorize(planImportPermissions(actor), input.action, "只有督查室或系统管理员可以修改导入的计划");
  const status = transition(planImportTransitions, row.status, input.action, (from) =>
    from === "published" ? "该计划已发布，不能再修改草稿" : "该导入已放弃",
  );
  if (row.version !== input.version) throw staleVersion();
  return status;
}

/** Saves the reviewed draft; unit ids must be the tenant's. */
export async function saveImportDraft(
  ctx: ServiceContext,
  id: string,
  input: { draft: PlanDraftEdit; version: number },
): Promise<PlanImport> {
  const before = await getImportToChange(ctx, id);
  assertEditable(ctx.actor, before, { action: "update", version: input.version });
  await assertDraftUnits(ctx.database.db, ctx.actor.tenantId, input.draft);
  const row = await ctx.database.db.transaction(async (tx) => {
    const updated = await repo.updateImport(
      tx,
      { tenantId: ctx.actor.tenantId, id, version: input.version },
      { draft: input.draft },
    );
    if (!updated) throw staleVersion();
    await audit(ctx, tx, {
      action: "plan_import.update",
      entity: "plan_import",
      entityId: id,
      summary: { title: input.draft.title },
    });
    return updated;
  });
  return toPlanImport(ctx, row);
}

/** Gives up an import; it stays on record but leaves the review list. */
export async function discardImport(ctx: ServiceContext, id: string, version: number): Promise<PlanImport> {
  const before = await getImportToChange(ctx, id);
  const status = assertEditable(ctx.actor, before, { action: "discard", version });
  const row = await ctx.database.db.transaction(async (tx) => {
    const updated = await repo.updateImport(tx, { tenantId: ctx.actor.tenantId, id, version }, { status });
    if (!updated) throw staleVersion();
    await audit(ctx, tx, { action: "plan_import.discard", entity: "plan_import", entityId: id });
    return updated;
  });
  return toPlanImport(ctx, row);
}
