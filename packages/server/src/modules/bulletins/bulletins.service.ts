import {
  type Bulletin,
  type BulletinCreateInput,
  type BulletinPage,
  type BulletinSummary,
  type BulletinUpdateInput,
  type BulletinVersionInput,
  bulletinAbilities,
  bulletinListAbilities,
  bulletinPermissions,
  bulletinTransitions,
  canSeeBulletin,
  draftBulletin,
  isAfterDate,
  type PageQuery,
  seesAllBulletins,
  shanghaiDate,
} from "@duban/domain";
import { AppError, invalid, notFound } from "../../errors.js";
import { authorize, transition } from "../../http/authorize.js";
import type { ServiceContext } from "../../http/context.js";
import { audit } from "../audit/index.js";
import { findPlan } from "../plans/index.js";
import { loadPlanSnapshot } from "../snapshots/index.js";
import { findAllUnits } from "../units/index.js";
import * as repo from "./bulletins.repository.js";

/** The message of a write that lost the race: someone saved, issued or deleted the 通报 first. */
export const staleMessage = "该通报已被他人修改或印发，请刷新后再操作（您的修改仍保留在编辑器中）";

/** The list shape of a bulletin. */
function toSummary(ctx: ServiceContext, b: repo.BulletinRow): BulletinSummary {
  return {
    id: b.id,
    planId: b.planId,
    title: b.title,
    from: b.periodFrom,
    to: b.periodTo,
    status: b.status,
    number: b.number,
    issuedAt: b.issuedAt?.toISOString() ?? null,
    version: b.version,
    updatedAt: b.updatedAt.toISOString(),
    abilities: bulletinAbilities(ctx.actor, b),
  };
}

/** The plan of the tenant, or 404. */
async function getPlanRow(ctx: ServiceContext, planId: string) {
  const row = await findPlan(ctx.database.db, ctx.actor.tenantId, planId);
  if (!row) throw notFound("计划");
  return row.plan;
}

/** One bulletin the actor may see, or 404 (a draft is as invisible to a unit as another bureau's 通报). */
export async function getBulletinRow(ctx: ServiceContext, id: string) {
  const row = await repo.findBulletin(ctx.database.db, { tenantId: ctx.actor.tenantId, id });
  if (!row || !canSeeBulletin(ctx.actor, row.bulletin)) throw notFound("通报");
  return row;
}

/** One bulletin with its body, as the API shows it. */
export async function getBulletin(ctx: ServiceContext, id: string): Promise<Bulletin> {
  const { bulletin: b, issuerName } = await getBulletinRow(ctx, id);
  return {
    ...toSummary(ctx, b),
    content: b.content,
    issuedBy: b.issuedBy ? { id: b.issuedBy, name: issuerName ?? "" } : null,
    namedUnitIds: b.namedUnitIds,
  };
}

/** A page of a plan's bulletins: all of them for the 督查室 and leaders, the issued ones naming it for a unit. */
export async function findBulletins(
  ctx: ServiceContext,
  planId: string,
  query: PageQuery,
): Promise<BulletinPage> {
  await getPlanRow(ctx, planId);
  const abilities = bulletinListAbilities(ctx.actor);
  const all = seesAllBulletins(ctx.actor);
  if (!all && !ctx.actor.unitId)
    return { items: [], total: 0, page: query.page, pageSize: query.pageSize, abilities };
  const { rows, total } = await repo.findPlanBulletins(
    ctx.database.db,
    { tenantId: ctx.actor.tenantId, planId, unitId: all ? null : ctx.actor.unitId },
    query,
  );
  return {
    items: rows.map((r) => toSummary(ctx, r)),
    total,
    page: query.page,
    pageSize: query.pageSize,
    abilities,
  };
}

/**
 * The 督查室 drafts a 通报 for a period from the plan's snapshots of its end (`to`, its as-of day) and its start:
 * the end must be a day already lived and recorded.
 */
export async function createBulletin(
  ctx: ServiceContext,
  planId: string,
  input: BulletinCreateInput,
): Promise<Bulletin> {
  authorize(bulletinListAbilities(ctx.actor), "create", "只有督查室可以起草督查通报");
  const plan = await getPlanRow(ctx, planId);
  const today = shanghaiDate(ctx.clock.now());
  if (isAfterDate(input.to, today)) {
    const message = `通报期间的结束日期不能晚于今天（${today}）`;
    throw invalid([{ path: "to", message }], message);
  }
  const db = ctx.database.db;
  const key = { tenantId: ctx.actor.tenantId, planId };
  const [end, start, units] = await Promise.all([
    loadPlanSnapshot(db, { ...key, asOf: input.to }),
    loadPlanSnapshot(db, { ...key, asOf: input.from }),
    findAllUnits(db, ctx.actor.tenantId, { includeDisabled: true }),
  ]);
  if (!end)
    throw new AppError(
      "conflict",
      `截至${input.to}该计划还没有进度记录，无法生成通报；进度记录每天自动生成，请选择更晚的结束日期`,
    );
  const draft = draftBulletin(end, start, {
    planTitle: plan.title,
    from: input.from,
    to: input.to,
    unitNames: Object.fromEntries(units.map((u) => [u.id, u.name])),
  });
  const id = await db.transaction(async (tx) => {
    const row = await repo.insertBulletin(tx, {
      tenantId: ctx.actor.tenantId,
      planId,
      title: input.title,
      periodFrom: input.from,
      periodTo: input.to,
      content: draft.content,
      namedUnitIds: draft.namedUnitIds,
      createdBy: ctx.actor.userId,
      createdAt: ctx.clock.now(),
      updatedAt: ctx.clock.now(),
    });
    await audit(ctx, tx, {
      action: "bulletin.create",
      entity: "bulletin",
      entityId: row.id,
      summary: { title: input.title, from: input.from, to: input.to },
    });
    return row.id;
  });
  return getBulletin(ctx, id);
}

/** Saves the 督查室's edit of a draft: 409 on a stale version, and always once it is issued. */
export async function updateBulletin(
  ctx: ServiceContext,
  id: string,
  input: BulletinUpdateInput,
): Promise<Bulletin> {
  const { bulletin } = await getBulletinRow(ctx, id);
  authorize(bulletinPermissions(ctx.actor), "edit", "只有督查室可以修改督查通报");
  transition(bulletinTransitions, bulletin.status, "edit", "该通报已印发，正文和文号不能再修改");
  if (bulletin.version !== input.version) throw new AppError("stale_version", staleMessage);
  await ctx.database.db.transaction(async (tx) => {
    const saved = await repo.updateDraft(
      tx,
      { tenantId: ctx.actor.tenantId, id, version: input.version },
      { title: input.title, content: input.content, updatedAt: ctx.clock.now() },
    );
    if (!saved) throw new AppError("stale_version", staleMessage);
    await audit(ctx, tx, { action: "bulletin.update", entity: "bulletin", entityId: id });
  });
  return getBulletin(ctx, id);
}

/** Deletes a draft the 督查室 no longer wants; an issued 通报 stays on record. */
export async function deleteBulletin(
  ctx: ServiceContext,
  id: string,
  input: BulletinVersionInput,
): Promise<void> {
  const { bulletin } = await getBulletinRow(ctx, id);
  authorize(bulletinPermissions(ctx.actor), "delete", "只有督查室可以删除通报草稿");
  transition(bulletinTransitions, bulletin.status, "delete", "该通报已印发，不能删除");
  if (bulletin.version !== input.version) throw new AppError("stale_version", staleMessage);
  await ctx.database.db.transaction(async (tx) => {
    const gone = await repo.deleteDraft(tx, { tenantId: ctx.actor.tenantId, id, version: input.version });
    if (!gone) throw new AppError("stale_version", staleMessage);
    await audit(ctx, tx, {
      action: "bulletin.delete",
      entity: "bulletin",
      entityId: id,
      summary: { title: bulletin.title },
    });
  });
}
