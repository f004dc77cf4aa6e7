import type { FieldIssue, FormRoundCreateInput } from "@duban/domain";
import type { DbOrTx } from "../../db/client.js";
import { invalid } from "../../errors.js";
import type { ServiceContext } from "../../http/context.js";
import { findEnabledGroups, findMemberIds, resolveGroup } from "../groups/index.js";
import { findAllUnits } from "../units/index.js";

/**
 * The units a round goes to: those named one by one plus the current members of the groups named, without
 * repeats. An id that is no enabled unit or group of the tenant (another bureau's included) is refused (400),
 * naming it, so a round never reaches outside its bureau.
 */
export async function resolveAudience(
  ctx: ServiceContext,
  db: DbOrTx,
  input: Pick<FormRoundCreateInput, "unitIds" | "groupIds">,
): Promise<string[]> {
  const tenantId = ctx.actor.tenantId;
  const all = await findAllUnits(db, tenantId);
  const byId = new Map(all.map((u) => [u.id, u]));
  const issues: FieldIssue[] = (input.unitIds ?? []).flatMap((id, i) =>
    byId.has(id) ? [] : [{ path: `unitIds.${i}`, message: `单位 ${id} 不存在或已停用，请重新选择` }],
  );
  const groupIds = input.groupIds ?? [];
  const groups = groupIds.length ? await findEnabledGroups(db, tenantId, groupIds) : [];
  groupIds.forEach((id, i) => {
    if (!groups.some((g) => g.id === id))
      issues.push({ path: `groupIds.${i}`, message: `分组 ${id} 不存在或已停用，请重新选择` });
  });
  if (issues.length) throw invalid(issues, issues[0]!.message);
  const members = await findMemberIds(db, tenantId, groupIds);
  const fromGroups = groups.flatMap((g) => resolveGroup(g, members.get(g.id) ?? [], all).map((u) => u.id));
  const unitIds = [...new Set([...(input.unitIds ?? []), ...fromGroups])];
  if (unitIds.length === 0) throw invalid([{ path: "groupIds", message: "所选分组中没有可填报的单位" }]);
  return unitIds;
}
