import {
  findingRectifySchema,
  idParamSchema,
  idSchema,
  rectificationCreateSchema,
  rectificationFilterSchema,
  rectificationPageSchema,
  rectificationQuerySchema,
  rectificationSchema,
  rectificationStatsSchema,
  rectificationSubmitSchema,
  rectificationVerifySchema,
} from "@duban/domain";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { fileResponse } from "../../http/openapi.js";
import { contextOf, typed } from "../../http/route-context.js";
import { XLSX_TYPE } from "../imports/index.js";
import { submitRectification, verifyRectification } from "./rectification-actions.js";
import { exportDisposition, exportRectifications, rectificationStats } from "./rectification-ledger.js";
import { createRectification, findRectificationsPage, getRectification } from "./rectifications.service.js";
import { findingIndexSchema, rectifyFinding } from "./rectify-finding.js";

const tags = ["rectifications"];
const findingParams = z.object({ id: idSchema, index: findingIndexSchema });

/** 整改台账: raise items (also from an inspection's finding), the unit's measures, 销号 or 退回, statistics and the Excel ledger. */
export async function rectificationRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);
  r.post(
    "/api/rectifications",
    { schema: { tags, body: rectificationCreateSchema, response: { 201: rectificationSchema } } },
    async (request, reply) =>
      reply.status(201).send(await createRectification(contextOf(app, request), request.body)),
  );
  r.get(
    "/api/rectifications",
    { schema: { tags, querystring: rectificationQuerySchema, response: { 200: rectificationPageSchema } } },
    async (request) => findRectificationsPage(contextOf(app, request), request.query),
  );
  r.get(
    "/api/rectifications/stats",
    { schema: { tags, querystring: rectificationFilterSchema, response: { 200: rectificationStatsSchema } } },
    async (request) => rectificationStats(contextOf(app, request), request.query),
  );
  r.get(
    "/api/rectifications/export.xlsx",
    {
      schema: {
        tags,
        querystring: rectificationFilterSchema,
        response: fileResponse(XLSX_TYPE, "整改台账（Excel）"),
      },
    },
    async (request, reply) => {
      const ctx = contextOf(app, request);
      const body = await exportRectifications(ctx, request.query);
      return reply
        .header("content-type", XLSX_TYPE)
        .header("content-disposition", exportDisposition(ctx))
        .send(body);
    },
  );
  r.get(
    "/api/rectifications/:id",
    { schema: { tags, params: idParamSchema, response: { 200: rectificationSchema } } },
    async (request) => getRectification(contextOf(app, request), request.params.id),
  );
  r.post(
    "/api/rectifications/:id/submit",
    {
      schema: {
        tags,
        params: idParamSchema,
        body: rectificationSubmitSchema,
        response: { 200: rectificationSchema },
      },
    },
    async (request) => submitRectification(contextOf(app, request), request.params.id, request.body),
  );
  r.post(
    "/api/rectifications/:id/verify",
    {
      schema: {
        tags,
        params: idParamSchema,
        body: rectificationVerifySchema,
        response: { 200: rectificationSchema },
      },
    },
    async (request) => verifyRectification(contextOf(app, request), request.params.id, request.body),
  );
  // A finding of an inspection visit becomes an item here, so inspections never depend on this module.
  r.post(
    "/api/inspections/:id/findings/:index/rectify",
    {
      schema: {
        tags: ["inspections"],
        params: findingParams,
        body: findingRectifySchema,
        response: { 201: rectificationSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await rectifyFinding(contextOf(app, request), request.params, request.body)),
  );
}
