import {
  type AssessmentEntryView,
  type AssessmentItem,
  assessmentEntryAbilities,
  assessmentEntryListAbilities,
  assessmentEntryPermissions,
  type CreateAssessmentEntryInput,
  canCreateAssessmentEntry,
  canReadAssessmentEntries,
  categoryOf,
  type PageQuery,
  pageFrom,
  type RevokeAssessmentEntryInput,
} from "@duban/domain";
import { AppError, forbidden, invalid, notFound } from "../../errors.js";
import { authorize } from "../../http/authorize.js";
import type { ServiceContext } from "../../http/context.js";
import { audit } from "../audit/index.js";
import { findAttachableFiles } from "../evidence/index.js";
import { findUnit } from "../units/index.js";
import { getPlanRow, planScheme } from "./scheme.service.js";
import * as repo from "./schemes.repository.js";

type EntryWithNames = Awaited<ReturnType<typeof repo.findPlanEntries>>[number];

function toView(ctx: ServiceContext, r: EntryWithNames): AssessmentEntryView {
  const e = r.entry;
  return {
    id: e.id,
    planId: e.planId,
    unitId: e.unitId,
    unitName: r.unitName,
    itemKey: e.itemKey,
    points: e.points,
    reason: e.reason,
    fileIds: e.fileIds,
    createdBy: { id: e.createdBy, name: r.authorName },
    createdAt: e.createdAt.toISOString(),
    revokedAt: e.revokedAt?.toISOString() ?? null,
    revokeReason: e.revokeReason,
    abilities: assessmentEntryAbilities(ctx.actor, { createdBy: e.createdBy, revoked: e.revokedAt !== null }),
  };
}

/** A plan's entries: all of them for the 督查室 and leaders, the ones a department entered for it. */
export async function findAssessmentEntries(ctx: ServiceContext, planId: string, query: PageQuery) {
  if (!canReadAssessmentEntries(ctx.actor)) throw forbidden("您无权查看考评加减分");
  await getPlanRow(ctx, planId);
  const abilities = assessmentEntryListAbilities(ctx.actor);
  const rows = await repo.findPlanEntries(ctx.database.db, {
    tenantId: ctx.actor.tenantId,
    planId,
    createdBy: abilities.seeAll ? null : ctx.actor.userId,
  });
  return pageFrom(
    rows.map((r) => toView(ctx, r)),
    query,
    abilities,
  );
}

/** 400 naming `points` unless they go the way the item allows and stay within its cap. */
function assertPoints(item: AssessmentItem, points: number): void {
  const wrong = (message: string) => invalid([{ path: "points", message }], message);
  if (item.kind === "veto") {
    if (points !== 0) throw wrong("一票否决项不计分值，分值请填 0");
    return;
  }
  if (item.kind !== "manual") return;
  if (points === 0) throw wrong("加减分不能为 0");
  if (points > 0 && points > item.maxBonus)
    throw wrong(
      item.maxBonus === 0 ? `“${item.label}”只能扣分` : `“${item.label}”加分不能超过 ${item.maxBonus} 分`,
    );
  if (points < 0 && -points > item.maxDeduction)
    throw wrong(
      item.maxDeduction === 0
        ? `“${item.label}”只能加分`
        : `“${item.label}”扣分不能超过 ${item.maxDeduction} 分`,
    );
}

/**
 * The 督查室 or a department enters a 加分 / 扣分 (the 督查室 also a 一票否决) for a unit under a manual or veto
 * item of the unit's category, with a reason and the evidence files it uploaded.
 */
export async function createAssessmentEntry(
  ctx: ServiceContext,
  planId: string,
  input: CreateAssessmentEntryInput,
): Promise<AssessmentEntryView> {
  authorize(assessmentEntryListAbilities(ctx.actor), "create", "只有督查室和科室可以录入考评加减分");
  await getPlanRow(ctx, planId);
  const db = ctx.database.db;
  const tenantId = ctx.actor.tenantId;
  const unit = await findUnit(db, tenantId, input.unitId);
  if (!unit) throw invalid([{ path: "unitId", message: "单位不存在" }]);
  const { scheme } = await planScheme(db, { tenantId, planId });
  const category = categoryOf(scheme, { unitKind: unit.kind, schoolType: unit.schoolType });
  if (!category) throw invalid([{ path: "unitId", message: "该单位不属于考评方案的任何类别" }]);
  const item = category.items.find((i) => i.key === input.itemKey);
  if (!item || (item.kind !== "manual" && item.kind !== "veto"))
    throw invalid([{ path: "itemKey", message: `“${category.label}”类别没有该加减分或一票否决项` }]);
  if (!canCreateAssessmentEntry(ctx.actor, item.kind)) throw forbidden("一票否决只能由督查室录入");
  assertPoints(item, input.points);
  const fileIds = [...new Set(input.fileIds ?? [])];
  await findAttachableFiles(db, ctx.actor, fileIds);
  const id = await db.transaction(async (tx) => {
    const row = await repo.insertEntry(tx, {
      tenantId,
      planId,
      unitId: unit.id,
      itemKey: item.key,
      points: input.points,
      reason: input.reason,
      fileIds,
      createdBy: ctx.actor.userId,
      createdAt: ctx.clock.now(),
    });
    await audit(ctx, tx, {
      action: "assessment_entry.create",
      entity: "assessment_entry",
      entityId: row.id,
      summary: { unit: unit.name, item: item.label, points: input.points },
    });
    return row.id;
  });
  return getEntryView(ctx, planId, id);
}

async function getEntryView(ctx: ServiceContext, planId: string, id: string) {
  const [row] = await repo.findPlanEntries(ctx.database.db, {
    tenantId: ctx.actor.tenantId,
    planId,
    createdBy: null,
    id,
  });
  if (!row) throw notFound("加减分记录");
  return toView(ctx, row);
}

/**
 * Revokes an entry with a reason: the 督查室 any, a department its own (another's is as unseen as another
 * bureau's). The entry stays on record and no longer counts in runs computed after.
 */
export async function revokeAssessmentEntry(
  ctx: ServiceContext,
  id: string,
  input: RevokeAssessmentEntryInput,
): Promise<AssessmentEntryView> {
  if (!canReadAssessmentEntries(ctx.actor)) throw forbidden("您无权撤销考评加减分");
  const db = ctx.database.db;
  const tenantId = ctx.actor.tenantId;
  const entry = await repo.findEntry(db, { tenantId, id });
  const seeAll = assessmentEntryListAbilities(ctx.actor).seeAll;
  if (!entry || (!seeAll && entry.createdBy !== ctx.actor.userId)) throw notFound("加减分记录");
  authorize(assessmentEntryPermissions(ctx.actor, entry), "revoke", "只有督查室或录入人可以撤销");
  if (entry.revokedAt) throw new AppError("conflict", "该加减分已撤销");
  await db.transaction(async (tx) => {
    const done = await repo.revokeEntry(
      tx,
      { tenantId, id },
      { revokedAt: ctx.clock.now(), revokedBy: ctx.actor.userId, revokeReason: input.reason },
    );
    if (!done) throw new AppError("conflict", "该加减分已撤销");
    await audit(ctx, tx, {
      action: "assessment_entry.revoke",
      entity: "assessment_entry",
      entityId: id,
      summary: { reason: input.reason },
    });
  });
  return getEntryView(ctx, entry.planId, id);
}
