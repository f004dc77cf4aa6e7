import {
  cascadeLinkSchema,
  cascadeReturnSchema,
  handDownCreateSchema,
  handDownPageSchema,
  handDownQuerySchema,
  handDownSchema,
  handDownWeightsSchema,
  idParamSchema,
  idSchema,
  inboxQuerySchema,
  nodeRequirementPageSchema,
  pageQuerySchema,
  receivedHandDownPageSchema,
  receivedHandDownSchema,
  subordinatePageSchema,
} from "@duban/domain";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { contextOf, typed } from "../../http/route-context.js";
import { findInbox, findNodeRequirements, findSubordinateBureaus, getReceived } from "./cascade.service.js";
import { cascadeNoticeRoutes } from "./cascade-notices.routes.js";
import { setCountyWeights } from "./county-weights.js";
import { handDownNode } from "./hand-down.js";
import { linkHandDown, returnHandDown } from "./link-hand-down.js";
import { findHandDowns, getHandDown } from "./rollup.service.js";
import { upwardReportRoutes } from "./upward-reports.routes.js";

const tags = ["cascade"];
const nodeParams = z.object({ nodeId: idSchema });

/** 上下联动: 下达 to subordinate bureaus, their inbox and 关联, and the superior's roll-up. */
export async function cascadeRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);
  r.get(
    "/api/cascade/subordinates",
    { schema: { tags, querystring: pageQuerySchema, response: { 200: subordinatePageSchema } } },
    async (request) => findSubordinateBureaus(contextOf(app, request), request.query),
  );
  r.post(
    "/api/nodes/:nodeId/hand-downs",
    { schema: { tags, params: nodeParams, body: handDownCreateSchema, response: { 201: handDownSchema } } },
    async (request, reply) =>
      reply
        .status(201)
        .send(await handDownNode(contextOf(app, request), request.params.nodeId, request.body)),
  );
  r.get(
    "/api/nodes/:nodeId/requirements",
    {
      schema: {
        tags,
        params: nodeParams,
        querystring: pageQuerySchema,
        response: { 200: nodeRequirementPageSchema },
      },
    },
    async (request) => findNodeRequirements(contextOf(app, request), request.params.nodeId, request.query),
  );
  r.get(
    "/api/hand-downs",
    { schema: { tags, querystring: handDownQuerySchema, response: { 200: handDownPageSchema } } },
    async (request) => findHandDowns(contextOf(app, request), request.query),
  );
  r.get(
    "/api/hand-downs/:id",
    { schema: { tags, params: idParamSchema, response: { 200: handDownSchema } } },
    async (request) => getHandDown(contextOf(app, request), request.params.id),
  );
  r.put(
    "/api/hand-downs/:id/weights",
    {
      schema: { tags, params: idParamSchema, body: handDownWeightsSchema, response: { 200: handDownSchema } },
    },
    async (request) => setCountyWeights(contextOf(app, request), request.params.id, request.body),
  );
  r.get(
    "/api/cascade/inbox",
    { schema: { tags, querystring: inboxQuerySchema, response: { 200: receivedHandDownPageSchema } } },
    async (request) => findInbox(contextOf(app, request), request.query),
  );
  r.get(
    "/api/cascade/inbox/:id",
    { schema: { tags, params: idParamSchema, response: { 200: receivedHandDownSchema } } },
    async (request) => getReceived(contextOf(app, request), request.params.id),
  );
  r.post(
    "/api/cascade/inbox/:id/link",
    {
      schema: {
        tags,
        params: idParamSchema,
        body: cascadeLinkSchema,
        response: { 200: receivedHandDownSchema },
      },
    },
    async (request) => linkHandDown(contextOf(app, request), request.params.id, request.body),
  );
  r.post(
    "/api/cascade/inbox/:id/return",
    {
      schema: {
        tags,
        params: idParamSchema,
        body: cascadeReturnSchema,
        response: { 200: receivedHandDownSchema },
      },
    },
    async (request) => returnHandDown(contextOf(app, request), request.params.id, request.body),
  );
  await cascadeNoticeRoutes(app);
  await upwardReportRoutes(app);
}
