import {
  bulletinCreateSchema,
  bulletinPageSchema,
  bulletinSchema,
  bulletinUpdateSchema,
  bulletinVersionSchema,
  idParamSchema,
  pageQuerySchema,
} from "@duban/domain";
import type { FastifyInstance } from "fastify";
import { DOCX_TYPE, sendDocx } from "../../documents/index.js";
import { fileResponse, noContent } from "../../http/openapi.js";
import { contextOf, typed } from "../../http/route-context.js";
import { bulletinDocument } from "./bulletin-document.js";
import {
  createBulletin,
  deleteBulletin,
  findBulletins,
  getBulletin,
  updateBulletin,
} from "./bulletins.service.js";
import { issueBulletin } from "./issue-bulletin.js";

const tags = ["bulletins"];

/** 督查通报: drafted from a plan's snapshots, edited, issued with a 文号, downloaded as a GB/T 9704 .docx. */
export async function bulletinRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);
  r.post(
    "/api/plans/:id/bulletins",
    {
      schema: { tags, params: idParamSchema, body: bulletinCreateSchema, response: { 201: bulletinSchema } },
    },
    async (request, reply) =>
      reply.status(201).send(await createBulletin(contextOf(app, request), request.params.id, request.body)),
  );
  r.get(
    "/api/plans/:id/bulletins",
    {
      schema: {
        tags,
        params: idParamSchema,
        querystring: pageQuerySchema,
        response: { 200: bulletinPageSchema },
      },
    },
    async (request) => findBulletins(contextOf(app, request), request.params.id, request.query),
  );
  r.get(
    "/api/bulletins/:id",
    { schema: { tags, params: idParamSchema, response: { 200: bulletinSchema } } },
    async (request) => getBulletin(contextOf(app, request), request.params.id),
  );
  r.put(
    "/api/bulletins/:id",
    {
      schema: { tags, params: idParamSchema, body: bulletinUpdateSchema, response: { 200: bulletinSchema } },
    },
    async (request) => updateBulletin(contextOf(app, request), request.params.id, request.body),
  );
  r.delete(
    "/api/bulletins/:id",
    { schema: { tags, params: idParamSchema, body: bulletinVersionSchema, response: noContent } },
    async (request, reply) => {
      await deleteBulletin(contextOf(app, request), request.params.id, request.body);
      return reply.status(204).send();
    },
  );
  r.post(
    "/api/bulletins/:id/issue",
    {
      schema: { tags, params: idParamSchema, body: bulletinVersionSchema, response: { 200: bulletinSchema } },
    },
    async (request) => issueBulletin(contextOf(app, request), request.params.id, request.body),
  );
  r.get(
    "/api/bulletins/:id/document",
    {
      schema: {
        tags,
        params: idParamSchema,
        response: fileResponse(DOCX_TYPE, "督查通报（Word，GB/T 9704）"),
      },
    },
    async (request, reply) =>
      sendDocx(reply, await bulletinDocument(contextOf(app, request), request.params.id)),
  );
}
