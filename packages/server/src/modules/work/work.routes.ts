import {
  idParamSchema,
  idSchema,
  myWorkSchema,
  nodeReportQuerySchema,
  pageQuerySchema,
  reportPageSchema,
  unitWorkSchema,
} from "@duban/domain";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { contextOf, typed } from "../../http/route-context.js";
import { findNodeReports } from "../reports/index.js";
import { findMyWork, findUnitAssignments } from "./work.service.js";

const nodeParams = z.object({ nodeId: idSchema });

/** 我的工作, the unit page, and a task's report history across its units. */
export async function workRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);
  r.get(
    "/api/my-work",
    { schema: { tags: ["work"], querystring: pageQuerySchema, response: { 200: myWorkSchema } } },
    async (request) => findMyWork(contextOf(app, request), request.query),
  );
  r.get(
    "/api/units/:id/assignments",
    { schema: { tags: ["work"], params: idParamSchema, response: { 200: unitWorkSchema } } },
    async (request) => findUnitAssignments(contextOf(app, request), request.params.id),
  );
  r.get(
    "/api/nodes/:nodeId/reports",
    {
      schema: {
        tags: ["reports"],
        params: nodeParams,
        querystring: nodeReportQuerySchema,
        response: { 200: reportPageSchema },
      },
    },
    async (request) => findNodeReports(contextOf(app, request), request.params.nodeId, request.query),
  );
}
