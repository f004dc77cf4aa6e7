import {
  canCreateRectification,
  canSeeInspection,
  canSeeRectification,
  isRectificationLive,
  nextRectificationStatus,
  notificationLinks,
  type Rectification,
  type RectificationAction,
  type RectificationCreateInput,
  type RectificationQuery,
  rectificationAbilities,
  rectificationLedgerAbilities,
  rectificationPermissions,
  rectificationStatuses,
  seesAllRectifications,
  shanghaiDate,
} from "@duban/domain";
import type { DbOrTx } from "../../db/client.js";
import { forbidden, invalid, notFound } from "../../errors.js";
import { authorize } from "../../http/authorize.js";
import type { ServiceContext } from "../../http/context.js";
import { audit } from "../audit/index.js";
import { toFileRef } from "../evidence/index.js";
import { notifyUnit } from "../notifications/index.js";
import { findUnit } from "../units/index.js";
import * as repo from "./rectifications.repository.js";

/** Today in Shanghai by the app's clock: the day the overdue rule compares deadlines with. */
export function todayOf(ctx: ServiceContext): string {
  return shanghaiDate(ctx.clock.now());
}

/** The ledger scope of the actor: schools are held to their own unit whatever they ask for. */
export function ledgerScope(ctx: ServiceContext, filter: Omit<repo.LedgerScope, "tenantId" | "today">) {
  return {
    ...filter,
    tenantId: ctx.actor.tenantId,
    today: todayOf(ctx),
    ownUnitId: seesAllRectifications(ctx.actor)
      ? null
      : (ctx.actor.unitId ?? "00000000-0000-0000-0000-000000000000"),
  };
}

/** Builds the API shape of items, loading their evidence files in one query. */
export async function toRectifications(
  ctx: ServiceContext,
  rows: repo.LedgerRow[],
): Promise<Rectification[]> {
  const fileRows = await repo.findEvidenceFiles(
    ctx.database.db,
    ctx.actor.tenantId,
    rows.flatMap((r) => r.item.fileIds),
  );
  const today = todayOf(ctx);
  return rows.map(({ item: r, unitName }) => ({
    id: r.id,
    unit: { id: r.unitId, name: unitName },
    problem: r.problem,
    requirement: r.requirement,
    deadline: r.deadline,
    responsiblePerson: r.responsiblePerson,
    source: r.source,
    sourceId: r.sourceId,
    status: r.status,
    overdue: isRectificationLive(r.status) && r.deadline < today,
    measures: r.measures,
    files: r.fileIds.flatMap((id) => fileRows.filter((f) => f.id === id).map(toFileRef)),
    submittedAt: r.submittedAt?.toISOString() ?? null,
    verifierId: r.verifierId,
    verifiedAt: r.verifiedAt?.toISOString() ?? null,
    returnReason: r.returnReason,
    createdBy: r.createdBy,
    createdAt: r.createdAt.toISOString(),
    version: r.version,
    abilities: rectificationAbilities(ctx.actor, r),
  }));
}

/** One item the actor may see, as stored; another tenant's or another school's answers 404. */
export async function getRectificationRow(ctx: ServiceContext, id: string): Promise<repo.LedgerRow> {
  const row = await repo.findRectification(ctx.database.db, ctx.actor.tenantId, id);
  if (!row || !canSeeRectification(ctx.actor, row.item)) throw notFound("整改事项");
  return row;
}

/** One item as the API shows it. */
export async function getRectification(ctx: ServiceContext, id: string): Promise<Rectification> {
  const [item] = await toRectifications(ctx, [await getRectificationRow(ctx, id)]);
  return item!;
}

/** A page of the 整改台账 with the filters applied. */
export async function findRectificationsPage(ctx: ServiceContext, query: RectificationQuery) {
  const { page, pageSize, ...filter } = query;
  const { rows, total } = await repo.findRectificationPage(ctx.database.db, ledgerScope(ctx, filter), {
    page,
    pageSize,
  });
  return {
    items: await toRectifications(ctx, rows),
    total,
    page,
    pageSize,
    abilities: rectificationLedgerAbilities(ctx.actor),
  };
}

/**
 * Writes a new item inside the caller's transaction and tells the unit; the caller has checked the unit and
 * the actor's right to raise it. Inspections use this to turn a finding into an item in one step.
 */
export async function insertRectificationIn(
  ctx: ServiceContext,
  tx: DbOrTx,
  input: RectificationCreateInput,
): Promise<repo.RectificationRow> {
  const row = await repo.insertRectification(tx, {
    tenantId: ctx.actor.tenantId,
    unitId: input.unitId,
    problem: input.problem,
    requirement: input.requirement,
    deadline: input.deadline,
    responsiblePerson: input.responsiblePerson ?? null,
    source: input.source,
    sourceId: input.sourceId ?? null,
    createdBy: ctx.actor.userId,
  });
  await notifyUnit(tx, {
    tenantId: ctx.actor.tenantId,
    unitId: row.unitId,
    kind: "rectification.created",
    title: `新的整改事项：请于 ${row.deadline} 前完成整改`,
    body: row.problem,
    link: notificationLinks.rectification(row.id),
    entity: "rectification",
    entityId: row.id,
    dedupeKey: `rectification.created:${row.id}`,
    now: ctx.clock.now(),
  });
  await audit(ctx, tx, {
    action: "rectification.create",
    entity: "rectification",
    entityId: row.id,
    summary: { unitId: row.unitId, source: row.source, deadline: row.deadline },
  });
  return row;
}

/** The tenant unit an item is raised for, checked against the actor's right; a foreign id is a field error. */
export async function assertRectifiableUnit(ctx: ServiceContext, unitId: string) {
  authorize(rectificationLedgerAbilities(ctx.actor), "create");
  const unit = await findUnit(ctx.database.db, ctx.actor.tenantId, unitId);
  if (!unit) throw invalid([{ path: "unitId", message: "单位不存在" }]);
  if (!canCreateRectification(ctx.actor, unit)) throw forbidden("责任督学只能对学校录入整改事项");
  return unit;
}

/**
 * The record an item points back to must be the tenant's, one the actor may see, and about the same unit; a
 * 安全隐患 or manual item has no record in Duban to point at. Anything else is a field error, like a foreign unit.
 */
export async function assertSourceRecord(
  ctx: ServiceContext,
  input: Pick<RectificationCreateInput, "unitId" | "source" | "sourceId">,
): Promise<void> {
  if (!input.sourceId) return;
  const issue = (message: string) => invalid([{ path: "sourceId", message }]);
  if (input.source !== "inspection" && input.source !== "supervision")
    throw issue("安全隐患排查和手工录入的整改事项不关联来源记录，请不要填写来源编号");
  const what = input.source === "inspection" ? "督导记录" : "督办单";
  const record = await repo.findSourceRecord(
    ctx.database.db,
    ctx.actor.tenantId,
    input.source,
    input.sourceId,
  );
  // An inspector sees only their own visits; another inspector's visit is as unknown as another tenant's.
  if (!record || (input.source === "inspection" && !canSeeInspection(ctx.actor, record)))
    throw issue(`${what}不存在，请检查来源编号`);
  if (record.unitId !== input.unitId) throw issue(`该${what}不是所选单位的，请检查来源编号或责任单位`);
}

/** Raises a 整改 item for a unit and notifies it. */
export async function createRectification(
  ctx: ServiceContext,
  input: RectificationCreateInput,
): Promise<Rectification> {
  await assertRectifiableUnit(ctx, input.unitId);
  await assertSourceRecord(ctx, input);
  const row = await ctx.database.db.transaction((tx) => insertRectificationIn(ctx, tx, input));
  return getRectification(ctx, row.id);
}

/** The most items of one state 我的工作 lists; a ledger longer than that is the ledger page's job. */
const WAITING_MAX = 200;

/** The states from which an action applies. */
const statusesAllowing = (action: RectificationAction) =>
  rectificationStatuses.filter((status) => nextRectificationStatus(status, action) !== null);

/** Items waiting for the actor: its unit's to submit (open or returned), and those it may verify (submitted). */
export async function findRectificationsWaitingFor(ctx: ServiceContext): Promise<Rectification[]> {
  const { db } = ctx.database;
  const tenantId = ctx.actor.tenantId;
  const unitId = ctx.actor.unitId;
  // With the actor as the item's author, the permission says whether the actor verifies any item at all.
  const verifies = rectificationPermissions(ctx.actor, { unitId: "", createdBy: ctx.actor.userId }).verify;
  if (!unitId && !verifies) return [];
  const rows = await repo.findWaitingRectifications(
    db,
    {
      tenantId,
      unitId: unitId ?? null,
      submitStatuses: unitId ? statusesAllowing("submit") : [],
      verifyStatuses: verifies ? statusesAllowing("accept") : [],
    },
    WAITING_MAX,
  );
  const items = await toRectifications(ctx, rows);
  return items.filter((i) => i.abilities.submit || i.abilities.verify);
}
