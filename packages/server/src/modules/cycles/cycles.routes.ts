import {
  cycleCreateSchema,
  cyclePageSchema,
  cycleSchema,
  idParamSchema,
  pageQuerySchema,
  planSettingsSchema,
  versionBodySchema,
} from "@duban/domain";
import type { FastifyInstance } from "fastify";
import { noContent } from "../../http/openapi.js";
import { contextOf, typed } from "../../http/route-context.js";
import { closeCycle, findCycles, openCycle, updatePlanSettings } from "./cycles.service.js";

const tags = ["cycles"];

/** Reporting cadence per plan, and the cycles that ask every assignment for a report. */
export async function cycleRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);
  r.put(
    "/api/plans/:id/settings",
    { schema: { tags, params: idParamSchema, body: planSettingsSchema, response: noContent } },
    async (request, reply) => {
      await updatePlanSettings(contextOf(app, request), request.params.id, request.body);
      return reply.status(204).send();
    },
  );
  r.get(
    "/api/plans/:id/cycles",
    {
      schema: {
        tags,
        params: idParamSchema,
        querystring: pageQuerySchema,
        response: { 200: cyclePageSchema },
      },
    },
    async (request) => findCycles(contextOf(app, request), request.params.id, request.query),
  );
  r.post(
    "/api/plans/:id/cycles",
    { schema: { tags, params: idParamSchema, body: cycleCreateSchema, response: { 201: cycleSchema } } },
    async (request, reply) =>
      reply.status(201).send(await openCycle(contextOf(app, request), request.params.id, request.body)),
  );
  r.post(
    "/api/cycles/:id/close",
    { schema: { tags, params: idParamSchema, body: versionBodySchema, response: noContent } },
    async (request, reply) => {
      await closeCycle(contextOf(app, request), request.params.id, request.body.version);
      return reply.status(204).send();
    },
  );
}
