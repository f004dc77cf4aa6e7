import { tenantDepthMax } from "@duban/domain";
import type { Db } from "../../db/client.js";
import { AppError } from "../../errors.js";
import { insertAudit } from "../audit/index.js";
import * as repo from "./tenants.repository.js";

/** What the platform operator asks: a bureau, by code, under another (or under none). */
export interface SetTenantParentInput {
  tenant: string;
  parent: string | null;
}

/**
 * Places a bureau under a superior（设置上级教育局）, the platform operator's act (`duban tenant parent`): no bureau
 * may end up above itself, and no chain may run deeper than province → city → county. Audited in the bureau's log.
 */
export async function setTenantParent(
  db: Db,
  input: SetTenantParentInput,
): Promise<{ name: string; parent: string | null }> {
  return db.transaction(async (tx) => {
    const tenant = await repo.findTenantByCode(tx, input.tenant);
    if (!tenant) throw new AppError("not_found", `没有代码为 ${input.tenant} 的教育局`);
    const parent = input.parent === null ? null : await repo.findTenantByCode(tx, input.parent);
    if (input.parent !== null && !parent)
      throw new AppError("not_found", `没有代码为 ${input.parent} 的教育局`);
    if (parent) {
      const chain = await repo.findChain(tx, parent.id);
      if (chain.includes(tenant.id))
        throw new AppError(
          "validation_failed",
          `${parent.name}是${tenant.name}本身或其下级，不能作为它的上级`,
        );
      const depth = chain.length + 1 + (await repo.findHeightBelow(tx, tenant.id));
      if (depth > tenantDepthMax)
        throw new AppError(
          "validation_failed",
          `层级超过 ${tenantDepthMax} 级（省 → 市 → 县）：${tenant.name}及其下级放到${parent.name}之下共 ${depth} 级`,
        );
    }
    await repo.updateTenantParent(tx, tenant.id, parent?.id ?? null);
    await insertAudit(tx, {
      tenantId: tenant.id,
      actorId: null,
      actorName: "平台管理员",
      ip: null,
      action: "tenant.set_parent",
      entity: "tenant",
      entityId: tenant.id,
      summary: { parent: parent?.name ?? null, was: tenant.parentId },
    });
    return { name: tenant.name, parent: parent?.name ?? null };
  });
}
