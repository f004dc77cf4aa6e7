import {
  idParamSchema,
  inspectionCreateSchema,
  inspectionPageSchema,
  inspectionQuerySchema,
  inspectionSchema,
} from "@duban/domain";
import type { FastifyInstance } from "fastify";
import { contextOf, typed } from "../../http/route-context.js";
import { createInspection, findInspectionsPage, getInspection } from "./inspections.service.js";

const tags = ["inspections"];

/** 责任督学挂牌督导: visit records (a finding is turned into a 整改 item by the rectifications routes). */
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
}
