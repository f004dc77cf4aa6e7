import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { typed } from "../../http/route-context.js";

/** Liveness with a real database round trip, for load balancers and monitoring. */
export async function healthRoutes(app: FastifyInstance): Promise<void> {
  typed(app).get(
    "/api/health",
    {
      schema: {
        tags: ["system"],
        response: { 200: z.object({ status: z.literal("ok"), database: z.enum(["pglite", "postgres"]) }) },
      },
      config: { auth: "public" },
    },
    async () => {
      await app.deps.database.db.execute(sql`select 1`);
      return { status: "ok" as const, database: app.deps.database.kind };
    },
  );
}
