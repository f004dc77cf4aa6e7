import { countyBulletinQuerySchema, countyOverviewQuerySchema, countyOverviewSchema } from "@duban/domain";
import type { FastifyInstance } from "fastify";
import { DOCX_TYPE, sendDocx } from "../../documents/index.js";
import { fileResponse } from "../../http/openapi.js";
import { contextOf, typed } from "../../http/route-context.js";
import { countyBulletinDocument } from "./county-bulletin-document.js";
import { getCountyOverview } from "./county-overview.service.js";

const tags = ["cascade"];

/** 县区总览 and the 上级通报: a superior bureau's counties as units over one plan's hand-downs. */
export async function countyOverviewRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);
  r.get(
    "/api/cascade/overview",
    { schema: { tags, querystring: countyOverviewQuerySchema, response: { 200: countyOverviewSchema } } },
    async (request) => getCountyOverview(contextOf(app, request), request.query),
  );
  r.get(
    "/api/cascade/bulletin-document",
    {
      schema: {
        tags,
        querystring: countyBulletinQuerySchema,
        response: fileResponse(DOCX_TYPE, "上级通报：各下级教育局推进下达任务情况（Word，GB/T 9704）"),
      },
    },
    async (request, reply) =>
      sendDocx(reply, await countyBulletinDocument(contextOf(app, request), request.query)),
  );
}
