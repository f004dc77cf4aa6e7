import {
  type AuditAction,
  canViewUnits,
  type SetEnabledInput,
  type Unit,
  type UnitCreateInput,
  type UnitQuery,
  type UnitUpdateInput,
  unitAbilities,
  unitListAbilities,
  unitPermissions,
} from "@duban/domain";
import { AppError, forbidden, notFound, staleVersion, uniqueViolation } from "../../errors.js";
import { authorize } from "../../http/authorize.js";
import type { Actor, ServiceContext } from "../../http/context.js";
import { audit, changeSummary } from "../audit/index.js";
import * as repo from "./units.repository.js";

/** Builds the API shape of a unit, field by field. */
export function toUnit(row: repo.UnitRow, actor: Actor): Unit {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    schoolType: row.schoolType,
    ownership: row.ownership,
    township: row.township,
    code: row.code,
    sortOrder: row.sortOrder,
    enabled: row.enabled,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    abilities: unitAbilities(actor, row),
  };
}

/** Normalises create/update input to column values (a department never keeps school fields). */
function valuesOf(input: UnitCreateInput): repo.UnitValues {
  const school = input.kind === "school";
  return {
    name: input.name,
    kind: input.kind,
    schoolType: school ? (input.schoolType ?? null) : null,
    ownership: school ? (input.ownership ?? null) : null,
    township: input.township || null,
    code: input.code || null,
    sortOrder: input.sortOrder ?? 0,
  };
}

/** Turns a duplicate name into a 409 naming the field. */
function duplicateName(err: unknown, name: string): never {
  if (uniqueViolation(err))
    throw new AppError("conflict", `已存在名为“${name}”的单位`, [{ path: "name", message: "名称已存在" }]);
  throw err;
}

/** Lists units the actor may see, a page at a time. */
export async function findUnitsPage(ctx: ServiceContext, query: UnitQuery) {
  if (!canViewUnits(ctx.actor)) throw forbidden("您的角色无权查看单位");
  const { rows, total } = await repo.findUnits(ctx.database.db, ctx.actor.tenantId, query);
  return {
    items: rows.map((r) => toUnit(r, ctx.actor)),
    total,
    page: query.page,
    pageSize: query.pageSize,
    abilities: unitListAbilities(ctx.actor),
  };
}

/** One unit, or 404 when it is not in the actor's tenant. */
export async function getUnit(ctx: ServiceContext, id: string): Promise<repo.UnitRow> {
  if (!canViewUnits(ctx.actor)) throw forbidden("您的角色无权查看单位");
  const row = await repo.findUnit(ctx.database.db, ctx.actor.tenantId, id);
  if (!row) throw notFound("单位");
  return row;
}

/** Creates a unit. */
export async function createUnit(ctx: ServiceContext, input: UnitCreateInput): Promise<Unit> {
  authorize(unitListAbilities(ctx.actor), "create");
  const values = valuesOf(input);
  const row = await ctx.database.db
    .transaction(async (tx) => {
      const [created] = await repo.insertUnits(tx, ctx.actor.tenantId, [values]);
      await audit(ctx, tx, {
        action: "unit.create",
        entity: "unit",
        entityId: created!.id,
        summary: { after: values },
      });
      return created!;
    })
    .catch((err) => duplicateName(err, input.name));
  return toUnit(row, ctx.actor);
}

/** Updates a unit when the client's version is current. */
export async function updateUnit(ctx: ServiceContext, id: string, input: UnitUpdateInput): Promise<Unit> {
  const before = await getUnit(ctx, id);
  authorize(unitPermissions(ctx.actor), "update");
  const values = valuesOf(input);
  return saveUnit(ctx, before, input.version, values, "unit.update").catch((err) =>
    duplicateName(err, input.name),
  );
}

/** Enables or disables a unit; disabled units stay in history but leave selects and groups. */
export async function setUnitEnabled(ctx: ServiceContext, id: string, input: SetEnabledInput): Promise<Unit> {
  const before = await getUnit(ctx, id);
  authorize(unitPermissions(ctx.actor), input.enabled ? "enable" : "disable");
  return saveUnit(
    ctx,
    before,
    input.version,
    { enabled: input.enabled },
    input.enabled ? "unit.enable" : "unit.disable",
  );
}

/** Writes a versioned change and its audit entry in one transaction. */
async function saveUnit(
  ctx: ServiceContext,
  before: repo.UnitRow,
  version: number,
  values: Partial<repo.UnitValues>,
  action: AuditAction,
): Promise<Unit> {
  if (before.version !== version) throw staleVersion();
  const row = await ctx.database.db.transaction(async (tx) => {
    const updated = await repo.updateUnit(
      tx,
      { tenantId: ctx.actor.tenantId, id: before.id, version },
      values,
    );
    if (!updated) throw staleVersion();
    await audit(ctx, tx, {
      action,
      entity: "unit",
      entityId: before.id,
      summary: changeSummary(before, values),
    });
    return updated;
  });
  return toUnit(row, ctx.actor);
}
