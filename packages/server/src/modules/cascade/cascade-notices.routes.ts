import {
  cascadeNoticeCreateSchema,
  cascadeNoticeDecisionSchema,
  cascadeNoticeReplySchema,
  cascadeNoticeSchema,
  idParamSchema,
  issuedCascadeNoticePageSchema,
  pageQuerySchema,
  receivedCascadeNoticePageSchema,
  receivedCascadeNoticeQuerySchema,
} from "@duban/domain";
import type { FastifyInstance } from "fastify";
import { DOCX_TYPE, sendDocx } from "../../documents/index.js";
import { fileResponse } from "../../http/openapi.js";
import { contextOf, typed } from "../../http/route-context.js";
import { decideCascadeNotice, replyCascadeNotice } from "./answer-cascade-notice.js";
import { buildIssuedNoticeDocument, buildReceivedNoticeDocument } from "./cascade-notice-document.js";
import { findIssuedNotices, findReceivedNotices, getReceivedNotice } from "./cascade-notices.service.js";
import { issueCascadeNotice } from "./issue-cascade-notice.js";

const tags = ["cascade"];
const docx = fileResponse(DOCX_TYPE, "督办通知单（Word）");

/** 上级督办: the superior's 督办单 to a subordinate bureau, its answer and the superior's decision. */
export async function cascadeNoticeRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);
  r.post(
    "/api/hand-downs/:id/notices",
    {
      schema: {
        tags,
        params: idParamSchema,
        body: cascadeNoticeCreateSchema,
        response: { 201: cascadeNoticeSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await issueCascadeNotice(contextOf(app, request), request.params.id, request.body)),
  );
  r.get(
    "/api/hand-downs/:id/notices",
    {
      schema: {
        tags,
        params: idParamSchema,
        querystring: pageQuerySchema,
        response: { 200: issuedCascadeNoticePageSchema },
      },
    },
    async (request) => findIssuedNotices(contextOf(app, request), request.params.id, request.query),
  );
  r.post(
    "/api/hand-down-notices/:id/decision",
    {
      schema: {
        tags,
        params: idParamSchema,
        body: cascadeNoticeDecisionSchema,
        response: { 200: cascadeNoticeSchema },
      },
    },
    async (request) => decideCascadeNotice(contextOf(app, request), request.params.id, request.body),
  );
  r.get(
    "/api/hand-down-notices/:id/document",
    { schema: { tags, params: idParamSchema, response: docx } },
    async (request, reply) =>
      sendDocx(reply, await buildIssuedNoticeDocument(contextOf(app, request), request.params.id)),
  );
  r.get(
    "/api/cascade/notices",
    {
      schema: {
        tags,
        querystring: receivedCascadeNoticeQuerySchema,
        response: { 200: receivedCascadeNoticePageSchema },
      },
    },
    async (request) => findReceivedNotices(contextOf(app, request), request.query),
  );
  r.get(
    "/api/cascade/notices/:id",
    { schema: { tags, params: idParamSchema, response: { 200: cascadeNoticeSchema } } },
    async (request) => getReceivedNotice(contextOf(app, request), request.params.id),
  );
  r.get(
    "/api/cascade/notices/:id/document",
    { schema: { tags, params: idParamSchema, response: docx } },
    async (request, reply) =>
      sendDocx(reply, await buildReceivedNoticeDocument(contextOf(app, request), request.params.id)),
  );
  r.post(
    "/api/cascade/notices/:id/reply",
    {
      schema: {
        tags,
        params: idParamSchema,
        body: cascadeNoticeReplySchema,
        response: { 200: cascadeNoticeSchema },
      },
    },
    async (request) => replyCascadeNotice(contextOf(app, request), request.params.id, request.body),
  );
}
