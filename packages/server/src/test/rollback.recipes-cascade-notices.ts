import { and, eq } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { cascadeNotices } from "../db/schema.js";
import { issueNotice } from "./cascade-notice-fixtures.js";
import { buildTenant } from "./factories.js";
import type { RecipeContext } from "./rollback.prepare.js";
import { expectStatus } from "./rollback.prepare.js";
import type { SuccessRecipe } from "./rollback.recipe-types.js";

/** A bureau just placed below the matrix tenant, holding the matrix's hand-down (pending) and no notice yet. */
export async function freshHolder({ t, tenant }: RecipeContext): Promise<string> {
  const fresh = await buildTenant(t.database.db as Db, { parentId: tenant.tenantId });
  const res = await tenant.sessions.supervisor.post(`/api/nodes/${tenant.ids.node}/hand-downs`, {
    tenantIds: [fresh.id],
  });
  expectStatus(res, 201);
  return fresh.id;
}

/**
 * The success recipes of 上级督办: the matrix's subordinate already has a live notice, so an issue goes to a fresh
 * bureau; a decision needs an answered notice, whose answer is written on the subordinate's side directly.
 */
export const cascadeNoticeRecipes: Record<string, SuccessRecipe> = {
  "POST /api/hand-downs/:id/notices": {
    role: "supervisor",
    prepare: async (ctx) => ({ ids: { subordinate: await freshHolder(ctx) } }),
  },
  "POST /api/hand-down-notices/:id/decision": {
    prepare: async (ctx) => {
      const to = await freshHolder(ctx);
      const notice = await issueNotice(ctx.tenant.sessions.supervisor, ctx.tenant.ids.handDown, to);
      await (ctx.t.database.db as Db)
        .update(cascadeNotices)
        .set({ status: "replied" })
        .where(and(eq(cascadeNotices.tenantId, ctx.tenant.tenantId), eq(cascadeNotices.id, notice.id)));
      return { ids: { handDownNotice: notice.id } };
    },
  },
};
