import { cockpitQuerySchema, cockpitSchema, idParamSchema } from "@duban/domain";
import type { FastifyInstance, FastifyReply } from "fastify";
import { contextOf, typed } from "../../http/route-context.js";
import { getCockpitJson } from "./cockpit.service.js";

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
    // The service answers checked, serialized bytes (shared by concurrent callers and kept for past days), so
    // the route's serializer is not run again over a few hundred KB for each caller.
    // The schema above still documents the answer; the bytes were checked against it when they were made.
    async (request, reply) =>
      (reply as FastifyReply)
        .type("application/json; charset=utf-8")
        .send(await getCockpitJson(contextOf(app, request), request.params.id, request.query)),
  );
}
