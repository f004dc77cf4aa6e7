import { cockpitQuerySchema, cockpitSchema, idParamSchema } from "@duban/domain";
import type { FastifyInstance } from "fastify";
import { contextOf, typed } from "../../http/route-context.js";
import { getCockpit } from "./cockpit.service.js";

const tags = ["cockpit"];

/** The 领导驾驶舱: every figure of a plan's screen as of a day, in one answer. */
export async function snapshotRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);
  r.get(
    "/api/plans/:id/cockpit",
    {
      schema: {
        tags,
        params: idParamSchema,
        querystring: cockpitQuerySchema,
        response: { 200: cockpitSchema },
      },
    },
    async (request) => getCockpit(contextOf(app, request), request.params.id, request.query),
  );
}
