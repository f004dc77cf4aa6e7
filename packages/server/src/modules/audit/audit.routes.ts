import { auditPageSchema, auditQuerySchema } from "@duban/domain";
import type { FastifyInstance } from "fastify";
import { contextOf, typed } from "../../http/route-context.js";
import { findAuditPage } from "./audit.service.js";

/** The audit log: read-only by design; there is no route that changes or deletes an entry. */
export async function auditRoutes(app: FastifyInstance): Promise<void> {
  typed(app).get(
    "/api/audit-logs",
    {
      schema: { tags: ["audit"], querystring: auditQuerySchema, response: { 200: auditPageSchema } },
    },
    async (request) => findAuditPage(contextOf(app, request), request.query),
  );
}
