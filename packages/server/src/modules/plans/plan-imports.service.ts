import { createHash } from "node:crypto";
import type { PlanDraftEdit, PlanImport } from "@duban/domain";
import type { PlanDraft } from "@duban/plan-parser";
import { AppError, forbidden, notFound, staleVersion } from "../../errors.js";
import type { Actor, ServiceContext } from "../../http/context.js";
import { audit } from "../../policy.js";
import { insertFile } from "../evidence/evidence.repository.js";
import { findKeywords } from "../unit-keywords/unit-keywords.repository.js";
import { findAllUnits } from "../units/units.repository.js";
import { draftFromParse } from "./draft-from-parse.js";
import { assertDraftUnits } from "./draft-units.js";
import * as repo from "./plan-imports.repository.js";
import { canImportPlans, canViewPlanStatus, canViewPlans } from "./plans.policy.js";

/** Hash of the text without whitespace, so re-wrapped or re-saved copies of a document still match. */
export function sourceHashOf(text: string): string {
  return createHash("sha256").update(text.replace(/\s+/g, "")).digest("hex");
}

/** Builds the API shape of an import. */
export async function toPlanImport(ctx: ServiceContext, row: repo.PlanImportRow): Promise<PlanImport> {
  const duplicateOf =
    row.status === "reviewing"
      ? await repo.findDuplicate(ctx.database.db, row.tenantId, row.sourceHash, row.id)
      : null;
  const manage = canImportPlans(ctx.actor) && row.status === "reviewing";
  return {
    id: row.id,
    status: row.status as PlanImport["status"],
    kind: row.kind as PlanImport["kind"],
    filename: row.filename,
    format: row.format,
    sourceText: row.sourceText,
    draft: row.draft as PlanDraftEdit,
    warnings: row.warnings as string[],
    duplicateOf,
    planId: row.planId,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    abilities: { update: manage, publish: manage, discard: manage },
  };
}

/** What a new import is made from: the text and its parse, made off the event loop by `files/read-plan-off-thread`. */
export interface NewImport {
  text: string;
  parsed: PlanDraft;
  filename: string | null;
  format: string;
  /** The uploaded document, already in the file store; its row is written with the import's. */
  file: { sha256: string; size: number; mime: string } | null;
  warnings: string[];
}

/** Keeps a parsed document's draft for review, with lead units suggested. */
export async function createImport(ctx: ServiceContext, input: NewImport): Promise<PlanImport> {
  if (!canImportPlans(ctx.actor)) throw forbidden("只有督查室或系统管理员可以导入计划");
  const { db } = ctx.database;
  const { parsed } = input;
  const [units, keywords] = await Promise.all([
    findAllUnits(db, ctx.actor.tenantId),
    findKeywords(db, ctx.actor.tenantId),
  ]);
  const draft = draftFromParse(parsed, { units, keywords }, ctx.clock.now().getFullYear());
  if (draft.nodes.length === 0)
    throw new AppError("bad_request", "没有从文档中识别出任何条目，请确认上传的是工作要点全文");
  const warnings = [...input.warnings, ...parsed.warnings];
  if (parsed.kind !== "plan")
    warnings.unshift(
      parsed.kind === "summary"
        ? "这份文档像是工作总结，而不是工作要点"
        : parsed.kind === "explanation"
          ? "这份文档像是政策解读，而不是工作要点"
          : "未能确认这是一份工作要点",
    );
  const row = await db.transaction(async (tx) => {
    // In the import's transaction: an import that fails leaves no file row behind.
    const file = input.file
      ? await insertFile(tx, {
          ...input.file,
          tenantId: ctx.actor.tenantId,
          filename: input.filename ?? "",
          createdBy: ctx.actor.userId,
        })
      : null;
    const created = await repo.insertImport(tx, {
      tenantId: ctx.actor.tenantId,
      kind: parsed.kind,
      filename: input.filename,
      format: input.format,
      fileId: file?.id ?? null,
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
  if (!canImportPlans(ctx.actor)) throw forbidden("只有督查室或系统管理员可以修改导入的计划");
  return getImport(ctx, id);
}

/** Checks that the actor may still change the import, at the version they read. */
export function assertEditable(actor: Actor, row: repo.PlanImportRow, version: number): void {
  if (!canImportPlans(actor)) throw forbidden("只有督查室或系统管理员可以修改导入的计划");
  if (row.status !== "reviewing")
    throw new AppError(
      "conflict",
      row.status === "published" ? "该计划已发布，不能再修改草稿" : "该导入已放弃",
    );
  if (row.version !== version) throw staleVersion();
}

/** Saves the reviewed draft; unit ids must be the tenant's. */
export async function saveImportDraft(
  ctx: ServiceContext,
  id: string,
  input: { draft: PlanDraftEdit; version: number },
): Promise<PlanImport> {
  const before = await getImportToChange(ctx, id);
  assertEditable(ctx.actor, before, input.version);
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
  assertEditable(ctx.actor, before, version);
  const row = await ctx.database.db.transaction(async (tx) => {
    const updated = await repo.updateImport(
      tx,
      { tenantId: ctx.actor.tenantId, id, version },
      { status: "discarded" },
    );
    if (!updated) throw staleVersion();
    await audit(ctx, tx, { action: "plan_import.discard", entity: "plan_import", entityId: id });
    return updated;
  });
  return toPlanImport(ctx, row);
}
