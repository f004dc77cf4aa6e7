import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { DATABASE_UNAVAILABLE_MESSAGE } from "../../db/availability.js";
import { typed } from "../../http/route-context.js";
import { pingDatabase } from "./health.repository.js";

const databaseKind = z.enum(["pglite", "postgres"]);

/** Liveness with a real database round trip, for load balancers and monitoring. */
export async function healthRoutes(app: FastifyInstance): Promise<void> {
  typed(app).get(
    "/api/health",
    {
      schema: {
        tags: ["system"],
        response: {
          200: z.object({ status: z.literal("ok"), database: databaseKind }),
          // The process is alive but its database is not: a load balancer takes it out until it is back.
          503: z.object({
            status: z.literal("unavailable"),
            database: databaseKind,
            error: z.object({ code: z.literal("database_unavailable"), message: z.string() }),
          }),
        },
      },
      config: { auth: "public" },
    },
    async (_request, reply) => {
      const { database } = app.deps;
      const unavailable = () =>
        reply.status(503).send({
          status: "unavailable" as const,
          database: database.kind,
          error: { code: "database_unavailable" as const, message: DATABASE_UNAVAILABLE_MESSAGE },
        });
      // Known down: answer at once; the availability probe notices the database's return within a second.
      if (!database.availability.available) return unavailable();
      try {
        await pingDatabase(database.db);
      } catch (err) {
        if (database.availability.noteFailure(err)) return unavailable();
        throw err;
      }
      return { status: "ok" as const, database: database.kind };
    },
  );
}
