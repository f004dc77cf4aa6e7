import {
  canViewGroups,
  type Group,
  type GroupCreateInput,
  type GroupUpdateInput,
  groupAbilities,
  groupListAbilities,
  groupPermissions,
  type SetEnabledInput,
} from "@duban/domain";
import { AppError, forbidden, invalid, notFound, staleVersion, uniqueViolation } from "../../errors.js";
import { authorize } from "../../http/authorize.js";
import type { Actor, ServiceContext } from "../../http/context.js";
import { audit, changeSummary } from "../audit/index.js";
import { findAllUnits } from "../units/index.js";
import { normaliseRule, resolveGroup } from "./group-rule.js";
import * as repo from "./groups.repository.js";

/** Builds the API shape of a group, field by field. */
export function toGroup(
  row: repo.GroupRow,
  members: { unitIds: string[]; count: number },
  actor: Actor,
): Group {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    kind: row.kind,
    unitIds: members.unitIds,
    rule: (row.rule as Group["rule"]) ?? null,
    memberCount: members.count,
    enabled: row.enabled,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    abilities: groupAbilities(actor, row),
  };
}

/** Builds API groups, resolving each one's members against the tenant's units as they are now. */
async function presentGroups(ctx: ServiceContext, rows: repo.GroupRow[]): Promise<Group[]> {
  const { db } = ctx.database;
  const tenantId = ctx.actor.tenantId;
  const [memberIds, units] = await Promise.all([
    repo.findMemberIds(
      db,
      tenantId,
      rows.filter((r) => r.kind === "list").map((r) => r.id),
    ),
    findAllUnits(db, tenantId),
  ]);
  return rows.map((row) => {
    const unitIds = memberIds.get(row.id) ?? [];
    return toGroup(row, { unitIds, count: resolveGroup(row, unitIds, units).length }, ctx.actor);
  });
}

/** Lists the tenant's groups, a page at a time. */
export async function findGroupsPage(
  ctx: ServiceContext,
  query: { q?: string | undefined; page: number; pageSize: number },
) {
  if (!canViewGroups(ctx.actor)) throw forbidden("您的角色无权查看单位分组");
  const { rows, total } = await repo.findGroups(ctx.database.db, ctx.actor.tenantId, query);
  return {
    items: await presentGroups(ctx, rows),
    total,
    page: query.page,
    pageSize: query.pageSize,
    abilities: groupListAbilities(ctx.actor),
  };
}

/** One group row, or 404 when it is not in the actor's tenant. */
export async function getGroupRow(ctx: ServiceContext, id: string): Promise<repo.GroupRow> {
  if (!canViewGroups(ctx.actor)) throw forbidden("您的角色无权查看单位分组");
  const row = await repo.findGroup(ctx.database.db, ctx.actor.tenantId, id);
  if (!row) throw notFound("单位分组");
  return row;
}

/** One group as the API returns it. */
export async function getGroup(ctx: ServiceContext, id: string): Promise<Group> {
  return (await presentGroups(ctx, [await getGroupRow(ctx, id)]))[0]!;
}

/** Normalises input to column values and members; every listed unit must be one of the tenant's. */
async function valuesOf(ctx: ServiceContext, input: GroupCreateInput) {
  const values: repo.GroupValues = {
    name: input.name,
    description: input.description || null,
    kind: input.kind,
    rule: input.kind === "rule" && input.rule ? normaliseRule(input.rule) : null,
  };
  const unitIds = input.kind === "list" ? [...new Set(input.unitIds ?? [])].sort() : [];
  if (unitIds.length > 0) {
    const units = await findAllUnits(ctx.database.db, ctx.actor.tenantId, { includeDisabled: true });
    const known = new Set(units.map((u) => u.id));
    const unknown = unitIds.filter((id) => !known.has(id)).length;
    if (unknown > 0)
      throw invalid([{ path: "unitIds", message: `有 ${unknown} 个单位不存在或不属于本单位，请重新选择` }]);
  }
  return { values, unitIds };
}

/** Turns a duplicate name into a 409 naming the field. */
function duplicateName(err: unknown, name: string): never {
  if (uniqueViolation(err))
    throw new AppError("conflict", `已存在名为“${name}”的分组，请换一个名称`, [
      { path: "name", message: "名称已存在" },
    ]);
  throw err;
}

/** Creates a group with its members (a list group) or its rule. */
export async function createGroup(ctx: ServiceContext, input: GroupCreateInput): Promise<Group> {
  authorize(groupListAbilities(ctx.actor), "create");
  const { values, unitIds } = await valuesOf(ctx, input);
  const tenantId = ctx.actor.tenantId;
  const row = await ctx.database.db
    .transaction(async (tx) => {
      const created = await repo.insertGroup(tx, tenantId, values);
      await repo.replaceMembers(tx, { tenantId, groupId: created.id }, unitIds);
      await audit(ctx, tx, {
        action: "group.create",
        entity: "group",
        entityId: created.id,
        summary: { after: { ...values, unitIds } },
      });
      return created;
    })
    .catch((err) => duplicateName(err, input.name));
  return (await presentGroups(ctx, [row]))[0]!;
}

/** Updates a group when the client's version is current; its members are replaced as a whole. */
export async function updateGroup(ctx: ServiceContext, id: string, input: GroupUpdateInput): Promise<Group> {
  const before = await getGroupRow(ctx, id);
  authorize(groupPermissions(ctx.actor), "update");
  if (before.version !== input.version) throw staleVersion();
  const { values, unitIds } = await valuesOf(ctx, input);
  const tenantId = ctx.actor.tenantId;
  const beforeIds = ((await repo.findMemberIds(ctx.database.db, tenantId, [id])).get(id) ?? []).sort();
  const row = await ctx.database.db
    .transaction(async (tx) => {
      const updated = await repo.updateGroup(tx, { tenantId, id, version: input.version }, values);
      if (!updated) throw staleVersion();
      await repo.replaceMembers(tx, { tenantId, groupId: id }, unitIds);
      await audit(ctx, tx, {
        action: "group.update",
        entity: "group",
        entityId: id,
        summary: changeSummary({ ...before, unitIds: beforeIds }, { ...values, unitIds }),
      });
      return updated;
    })
    .catch((err) => duplicateName(err, input.name));
  return (await presentGroups(ctx, [row]))[0]!;
}

/** Enables or disables a group; a disabled group is no longer offered when handing out tasks. */
export async function setGroupEnabled(
  ctx: ServiceContext,
  id: string,
  input: SetEnabledInput,
): Promise<Group> {
  const before = await getGroupRow(ctx, id);
  authorize(groupPermissions(ctx.actor), input.enabled ? "enable" : "disable");
  if (before.version !== input.version) throw staleVersion();
  const row = await ctx.database.db.transaction(async (tx) => {
    const updated = await repo.updateGroup(
      tx,
      { tenantId: ctx.actor.tenantId, id, version: input.version },
      { enabled: input.enabled },
    );
    if (!updated) throw staleVersion();
    await audit(ctx, tx, {
      action: input.enabled ? "group.enable" : "group.disable",
      entity: "group",
      entityId: id,
      summary: changeSummary(before, { enabled: input.enabled }),
    });
    return updated;
  });
  return (await presentGroups(ctx, [row]))[0]!;
}
