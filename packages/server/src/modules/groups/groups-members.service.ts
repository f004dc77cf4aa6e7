import {
  type GroupMember,
  type GroupMemberPage,
  type GroupRule,
  groupPermissions,
  type PageQuery,
  pageFrom,
} from "@duban/domain";
import { authorize } from "../../http/authorize.js";
import type { ServiceContext } from "../../http/context.js";
import { findAllUnits, type UnitRow } from "../units/index.js";
import { normaliseRule, resolveGroup } from "./group-rule.js";
import { findMemberIds } from "./groups.repository.js";
import { getGroupRow } from "./groups.service.js";

/** A member unit as the API lists it: enough to show and pick it. */
function toMember(unit: UnitRow): GroupMember {
  return {
    id: unit.id,
    name: unit.name,
    kind: unit.kind,
    schoolType: unit.schoolType,
    ownership: unit.ownership,
    township: unit.township,
  };
}

/** A page of the enabled units a group stands for right now. */
export async function findGroupMembers(
  ctx: ServiceContext,
  id: string,
  query: PageQuery,
): Promise<GroupMemberPage> {
  const group = await getGroupRow(ctx, id);
  const { db } = ctx.database;
  const [memberIds, units] = await Promise.all([
    findMemberIds(db, ctx.actor.tenantId, [id]),
    findAllUnits(db, ctx.actor.tenantId),
  ]);
  return pageFrom(resolveGroup(group, memberIds.get(id) ?? [], units).map(toMember), query, {});
}

/** A page of the enabled units a rule would select, for the rule editor's live preview. */
export async function previewGroupRule(
  ctx: ServiceContext,
  rule: GroupRule,
  query: PageQuery,
): Promise<GroupMemberPage> {
  authorize(groupPermissions(ctx.actor), "update");
  const units = await findAllUnits(ctx.database.db, ctx.actor.tenantId);
  return pageFrom(
    resolveGroup({ kind: "rule", rule: normaliseRule(rule) }, [], units).map(toMember),
    query,
    {},
  );
}
