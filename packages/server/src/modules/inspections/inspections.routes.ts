import {
  findingRectifySchema,
  idParamSchema,
  idSchema,
  inspectionCreateSchema,
  inspectionPageSchema,
  inspectionQuerySchema,
  inspectionSchema,
  rectificationSchema,
} from "@duban/domain";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { contextOf, typed } from "../../http/route-context.js";
import {
  createInspection,
  findInspectionsPage,
  findingIndexSchema,
  getInspection,
  rectifyFinding,
} from "./inspections.service.js";

const tags = ["inspections"];
const findingParams = z.object({ id: idSchema, index: findingIndexSchema });

/** 责任督学挂牌督导: visit records, and findings turned into 整改 items. */
export async function inspectionRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);
  r.post(
    "/api/inspections",
    { schema: { tags, body: inspectionCreateSchema, response: { 201: inspectionSchema } } },
    async (request, reply) =>
      reply.status(201).send(await createInspection(contextOf(app, request), request.body)),
  );
  r.get(
    "/api/inspections",
    { schema: { tags, querystring: inspectionQuerySchema, response: { 200: inspectionPageSchema } } },
    async (request) => findInspectionsPage(contextOf(app, request), request.query),
  );
  r.get(
    "/api/inspections/:id",
    { schema: { tags, params: idParamSchema, response: { 200: inspectionSchema } } },
    async (request) => getInspection(contextOf(app, request), request.params.id),
  );
  r.post(
    "/api/inspections/:id/findings/:index/rectify",
    {
      schema: {
        tags,
        params: findingParams,
        body: findingRectifySchema,
        response: { 201: rectificationSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await rectifyFinding(contextOf(app, request), request.params, request.body)),
  );
}
