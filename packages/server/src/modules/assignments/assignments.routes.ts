import {
  assignmentCreateResultSchema,
  assignmentCreateSchema,
  assignmentPageSchema,
  assignmentQuerySchema,
  assignmentRemoveSchema,
  assignmentSchema,
  idParamSchema,
  idSchema,
  versionBodySchema,
} from "@duban/domain";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { contextOf, typed } from "../../http/route-context.js";
import {
  acknowledgeAssignment,
  findNodeAssignments,
  getAssignment,
  removeAssignment,
  toAssignment,
} from "./assignments.service.js";
import { createAssignments } from "./create-assignments.js";

const tags = ["assignments"];
const nodeParams = z.object({ nodeId: idSchema });

/** 交办 and 签收: handing tasks to units, acknowledging, withdrawing. */
export async function assignmentRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);
  r.post(
    "/api/nodes/:nodeId/assignments",
    {
      schema: {
        tags,
        params: nodeParams,
        body: assignmentCreateSchema,
        response: { 201: assignmentCreateResultSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createAssignments(contextOf(app, request), request.params.nodeId, request.body)),
  );
  r.get(
    "/api/nodes/:nodeId/assignments",
    {
      schema: {
        tags,
        params: nodeParams,
        querystring: assignmentQuerySchema,
        response: { 200: assignmentPageSchema },
      },
    },
    async (request) => findNodeAssignments(contextOf(app, request), request.params.nodeId, request.query),
  );
  r.get(
    "/api/assignments/:id",
    { schema: { tags, params: idParamSchema, response: { 200: assignmentSchema } } },
    async (request) => {
      const ctx = contextOf(app, request);
      return toAssignment(ctx, await getAssignment(ctx, request.params.id));
    },
  );
  r.post(
    "/api/assignments/:id/acknowledge",
    {
      schema: {
        tags,
        params: idParamSchema,
        body: versionBodySchema,
        response: { 200: assignmentSchema },
      },
    },
    async (request) =>
      acknowledgeAssignment(contextOf(app, request), request.params.id, request.body.version),
  );
  r.post(
    "/api/assignments/:id/remove",
    {
      schema: {
        tags,
        params: idParamSchema,
        body: assignmentRemoveSchema,
        response: { 200: assignmentSchema },
      },
    },
    async (request) => removeAssignment(contextOf(app, request), request.params.id, request.body),
  );
}
