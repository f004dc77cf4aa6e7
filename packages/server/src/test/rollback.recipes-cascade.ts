import { and, eq } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { handDowns } from "../db/schema.js";
import { freshReceived } from "./cascade-fixtures.js";
import { freshLinked, superiorOf } from "./cascade-upward-fixtures.js";
import { buildTenant, buildUser } from "./factories.js";
import type { SuccessRecipe } from "./rollback.recipe-types.js";
import { freshHolder } from "./rollback.recipes-cascade-notices.js";

/**
 * The success recipes of 上下联动: a hand-down that writes (another task, a bureau that does not hold it yet) and
 * inbox items still pending, since the matrix's own hand-down already reached its subordinate.
 */
export const cascadeRecipes: Record<string, SuccessRecipe> = {
  "POST /api/nodes/:nodeId/hand-downs": {
    prepare: async ({ t, tenant }) => {
      const fresh = await buildTenant(t.database.db as Db, { parentId: tenant.tenantId });
      // Its 督查室 is told in the hand-down's transaction.
      await buildUser(t.database.db as Db, { tenantId: fresh.id, role: "supervisor" });
      return { ids: { subordinate: fresh.id, node: tenant.otherIds.node! } };
    },
  },
  // The weights row and its audit entry, at the hand-down's version as it stands.
  "PUT /api/hand-downs/:id/weights": {
    prepare: async (ctx) => {
      const subordinate = await freshHolder(ctx);
      const [row] = await (ctx.t.database.db as Db)
        .select({ version: handDowns.version })
        .from(handDowns)
        .where(and(eq(handDowns.tenantId, ctx.tenant.tenantId), eq(handDowns.id, ctx.tenant.ids.handDown!)));
      return { ids: { subordinate }, version: row!.version };
    },
  },
  "POST /api/cascade/inbox/:id/link": {
    prepare: async ({ t, tenant }) => ({
      ids: { received: await freshReceived(t.database.db as Db, tenant.tenantId) },
    }),
  },
  "POST /api/cascade/inbox/:id/return": {
    prepare: async ({ t, tenant }) => ({
      ids: { received: await freshReceived(t.database.db as Db, tenant.tenantId) },
    }),
  },
  // A hand-down linked to the tenant's task: the report row, its audit entry, the superior's bell and push.
  "POST /api/cascade/inbox/:id/upward-reports": {
    prepare: async ({ t, tenant }) => {
      const db = t.database.db as Db;
      const received = await freshLinked(db, tenant.tenantId, tenant.ids.node);
      await buildUser(db, { tenantId: await superiorOf(db, tenant.tenantId), role: "supervisor" });
      return { ids: { received }, body: { version: 0, text: "已完成新增公办学位120个", fileIds: [] } };
    },
  },
};

/** A second success of the link route: a new own task created from the hand-down（据此新建）. */
export const cascadeFurtherSuccess = {
  route: "POST /api/cascade/inbox/:id/link",
  label: "a new task created from the hand-down under a section of the plan",
  recipe: {
    prepare: async ({ t, tenant }) => {
      const received = await freshReceived(t.database.db as Db, tenant.tenantId);
      return { ids: { received }, body: { version: 0, create: { planId: tenant.ids.plan, parentId: null } } };
    },
  } satisfies SuccessRecipe,
};
