import {
  extensionCreateSchema,
  extensionDecisionSchema,
  extensionListQuerySchema,
  extensionPageSchema,
  extensionSchema,
  idParamSchema,
} from "@duban/domain";
import type { FastifyInstance } from "fastify";
import { contextOf, typed } from "../../http/route-context.js";
import { decideExtension } from "./decide-extension.js";
import {
  createExtension,
  findExtensionsPage,
  getExtensionDetail,
  toExtension,
} from "./extensions.service.js";

const tags = ["extensions"];

/** 延期申请: a unit asks for more time; the lead department and then the supervision office decide. */
export async function extensionRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);
  r.get(
    "/api/extensions",
    { schema: { tags, querystring: extensionListQuerySchema, response: { 200: extensionPageSchema } } },
    async (request) => findExtensionsPage(contextOf(app, request), request.query),
  );
  r.post(
    "/api/extensions",
    { schema: { tags, body: extensionCreateSchema, response: { 201: extensionSchema } } },
    async (request, reply) =>
      reply.status(201).send(await createExtension(contextOf(app, request), request.body)),
  );
  r.get(
    "/api/extensions/:id",
    { schema: { tags, params: idParamSchema, response: { 200: extensionSchema } } },
    async (request) => {
      const ctx = contextOf(app, request);
      return toExtension(ctx, await getExtensionDetail(ctx, request.params.id));
    },
  );
  r.post(
    "/api/extensions/:id/decision",
    {
      schema: {
        tags,
        params: idParamSchema,
        body: extensionDecisionSchema,
        response: { 200: extensionSchema },
      },
    },
    async (request) => decideExtension(contextOf(app, request), request.params.id, request.body),
  );
}
