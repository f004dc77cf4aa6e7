import {
  closeDecisionSchema,
  closeRequestSchema,
  closurePageSchema,
  createdIdSchema,
  idParamSchema,
  idSchema,
  indicatorEditSchema,
  measureCreateSchema,
  milestoneCreateSchema,
  nodeUpdateSchema,
  pageFrom,
  pageQuerySchema,
  planChangePageSchema,
} from "@duban/domain";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { notFound } from "../../errors.js";
import { noContent } from "../../http/openapi.js";
import { contextOf, typed } from "../../http/route-context.js";
import { findPlan } from "../plans/index.js";
import { decideClose, findClosures, requestClose } from "./closures.service.js";
import { addNodeItem, updateIndicator, updateNode } from "./decompose.service.js";
import { findPlanChanges } from "./plan-changes.repository.js";

const tags = ["decompose"];
const nodeParams = z.object({ nodeId: idSchema });
const created = { 201: createdIdSchema };

/** 分解 after publishing (versioned with reasons) and 办结/销号 of tasks. */
export async function decomposeRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);
  r.put(
    "/api/nodes/:nodeId",
    { schema: { tags, params: nodeParams, body: nodeUpdateSchema, response: noContent } },
    async (request, reply) => {
      await updateNode(contextOf(app, request), request.params.nodeId, request.body);
      return reply.status(204).send();
    },
  );
  r.post(
    "/api/nodes/:nodeId/measures",
    { schema: { tags, params: nodeParams, body: measureCreateSchema, response: created } },
    async (request, reply) =>
      reply.status(201).send(
        await addNodeItem(contextOf(app, request), request.params.nodeId, {
          kind: "measure",
          input: request.body,
        }),
      ),
  );
  r.post(
    "/api/nodes/:nodeId/indicators",
    { schema: { tags, params: nodeParams, body: indicatorEditSchema, response: created } },
    async (request, reply) =>
      reply.status(201).send(
        await addNodeItem(contextOf(app, request), request.params.nodeId, {
          kind: "indicator",
          input: request.body,
        }),
      ),
  );
  r.post(
    "/api/nodes/:nodeId/milestones",
    { schema: { tags, params: nodeParams, body: milestoneCreateSchema, response: created } },
    async (request, reply) =>
      reply.status(201).send(
        await addNodeItem(contextOf(app, request), request.params.nodeId, {
          kind: "milestone",
          input: request.body,
        }),
      ),
  );
  r.put(
    "/api/indicators/:id",
    { schema: { tags, params: idParamSchema, body: indicatorEditSchema, response: noContent } },
    async (request, reply) => {
      await updateIndicator(contextOf(app, request), request.params.id, request.body);
      return reply.status(204).send();
    },
  );
  r.get(
    "/api/plans/:id/changes",
    {
      schema: {
        tags,
        params: idParamSchema,
        querystring: pageQuerySchema,
        response: { 200: planChangePageSchema },
      },
    },
    async (request) => {
      const ctx = contextOf(app, request);
      if (!(await findPlan(ctx.database.db, ctx.actor.tenantId, request.params.id))) throw notFound("计划");
      const rows = await findPlanChanges(ctx.database.db, ctx.actor.tenantId, request.params.id);
      const changes = rows.map(({ change: c, actorName }) => ({
        id: String(c.id),
        entity: c.entity,
        entityId: c.entityId,
        action: c.action,
        before: c.before,
        after: c.after,
        reason: c.reason,
        actorName,
        at: c.createdAt.toISOString(),
      }));
      return pageFrom(changes, request.query, {});
    },
  );
  r.post(
    "/api/nodes/:nodeId/close-request",
    { schema: { tags, params: nodeParams, body: closeRequestSchema, response: noContent } },
    async (request, reply) => {
      await requestClose(contextOf(app, request), request.params.nodeId, request.body);
      return reply.status(204).send();
    },
  );
  r.post(
    "/api/nodes/:nodeId/close-decision",
    { schema: { tags, params: nodeParams, body: closeDecisionSchema, response: noContent } },
    async (request, reply) => {
      await decideClose(contextOf(app, request), request.params.nodeId, request.body);
      return reply.status(204).send();
    },
  );
  r.get(
    "/api/nodes/:nodeId/closures",
    {
      schema: {
        tags,
        params: nodeParams,
        querystring: pageQuerySchema,
        response: { 200: closurePageSchema },
      },
    },
    async (request) => findClosures(contextOf(app, request), request.params.nodeId, request.query),
  );
}
