import { type GroupRule, groupPermissions } from "@duban/domain";
import { authorize } from "../../http/authorize.js";
import type { ServiceContext } from "../../http/context.js";
import { findAllUnits, type UnitRow } from "../units/index.js";
import { normaliseRule, resolveGroup } from "./group-rule.js";
import { findMemberIds } from "./groups.repository.js";
import { getGroupRow } from "./groups.service.js";

/** A member unit as the API lists it: enough to show and pick it. */
function toMember(unit: UnitRow) {
  return {
    id: unit.id,
    name: unit.name,
    kind: unit.kind,
    schoolType: unit.schoolType,
    ownership: unit.ownership,
    township: unit.township,
  };
}

/** The enabled units a group stands for right now. */
export async function findGroupMembers(ctx: ServiceContext, id: string) {
  const group = await getGroupRow(ctx, id);
  const { db } = ctx.database;
  const [memberIds, units] = await Promise.all([
    findMemberIds(db, ctx.actor.tenantId, [id]),
    findAllUnits(db, ctx.actor.tenantId),
  ]);
  const items = resolveGroup(group, memberIds.get(id) ?? [], units).map(toMember);
  return { items, total: items.length };
}

/** The enabled units a rule would select, for the rule editor's live preview. */
export async function previewGroupRule(ctx: ServiceContext, rule: GroupRule) {
  authorize(groupPermissions(ctx.actor), "update");
  const units = await findAllUnits(ctx.database.db, ctx.actor.tenantId);
  const items = resolveGroup({ kind: "rule", rule: normaliseRule(rule) }, [], units).map(toMember);
  return { items, total: items.length };
}
