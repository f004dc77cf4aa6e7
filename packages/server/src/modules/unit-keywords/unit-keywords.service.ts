import { canViewUnitKeywords, type UnitKeywordsInput, unitKeywordAbilities } from "@duban/domain";
import { forbidden, invalid } from "../../errors.js";
import { authorize } from "../../http/authorize.js";
import type { ServiceContext } from "../../http/context.js";
import { audit } from "../audit/index.js";
import { findAllUnits } from "../units/index.js";
import { findKeywords, replaceKeywords } from "./unit-keywords.repository.js";

/** The dictionary of the actor's tenant. */
export async function findKeywordDictionary(ctx: ServiceContext) {
  if (!canViewUnitKeywords(ctx.actor)) throw forbidden("您的角色无权查看关键词词典");
  const entries = await findKeywords(ctx.database.db, ctx.actor.tenantId);
  return { entries, abilities: unitKeywordAbilities(ctx.actor) };
}

/** Replaces the dictionary; every unit must be the tenant's and every keyword unique. */
export async function replaceKeywordDictionary(ctx: ServiceContext, input: UnitKeywordsInput) {
  authorize(unitKeywordAbilities(ctx.actor), "update");
  const units = new Set((await findAllUnits(ctx.database.db, ctx.actor.tenantId)).map((u) => u.id));
  const seen = new Set<string>();
  const issues = input.entries.flatMap((e, i) => {
    const problems = [];
    if (!units.has(e.unitId)) problems.push({ path: `entries.${i}.unitId`, message: "单位不存在或已停用" });
    if (seen.has(e.keyword))
      problems.push({ path: `entries.${i}.keyword`, message: `关键词“${e.keyword}”重复` });
    seen.add(e.keyword);
    return problems;
  });
  if (issues.length) throw invalid(issues);
  await ctx.database.db.transaction(async (tx) => {
    await replaceKeywords(tx, ctx.actor.tenantId, input.entries);
    await audit(ctx, tx, {
      action: "unit_keywords.replace",
      entity: "unit_keywords",
      summary: { count: input.entries.length },
    });
  });
  return findKeywordDictionary(ctx);
}
