import {
  idParamSchema,
  noticeCreateSchema,
  noticeDecisionSchema,
  noticeLedgerAbilities,
  noticeListQuerySchema,
  noticePageSchema,
  noticeReplySchema,
  noticeScanResultSchema,
  noticeSchema,
} from "@duban/domain";
import type { FastifyInstance } from "fastify";
import { DOCX_TYPE, sendDocx } from "../../documents/index.js";
import { authorize } from "../../http/authorize.js";
import { fileResponse } from "../../http/openapi.js";
import { contextOf, typed } from "../../http/route-context.js";
import { audit } from "../audit/index.js";
import { sendXlsx, XLSX_TYPE } from "../imports/index.js";
import { raiseAutoNotices } from "./auto-notices.js";
import { buildNoticeDocument } from "./notice-document.js";
import { decideNotice, replyNotice } from "./notice-reply.js";
import { createNotice, findNoticesPage, getNotice } from "./notices.service.js";
import { exportNotices } from "./notices-export.js";

const tags = ["notices"];
const exportQuery = noticeListQuerySchema.omit({ page: true, pageSize: true });

/** 督办单: the ledger, manual and automatic notices, the unit's reply and the office's decision. */
export async function noticeRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);
  r.get(
    "/api/notices",
    {
      schema: {
        tags,
        querystring: noticeListQuerySchema,
        response: { 200: noticePageSchema },
      },
    },
    async (request) => findNoticesPage(contextOf(app, request), request.query),
  );
  r.get(
    "/api/notices/export.xlsx",
    { schema: { tags, querystring: exportQuery, response: fileResponse(XLSX_TYPE, "督办台账（Excel）") } },
    async (request, reply) => sendXlsx(reply, await exportNotices(contextOf(app, request), request.query)),
  );
  r.post(
    "/api/notices",
    { schema: { tags, body: noticeCreateSchema, response: { 201: noticeSchema } } },
    async (request, reply) =>
      reply.status(201).send(await createNotice(contextOf(app, request), request.body)),
  );
  r.post(
    "/api/notices/scan",
    {
      schema: { tags, response: { 200: noticeScanResultSchema } },
    },
    async (request) => {
      const ctx = contextOf(app, request);
      authorize(noticeLedgerAbilities(ctx.actor), "scan");
      const counts = await raiseAutoNotices(ctx, { tenantId: ctx.actor.tenantId, now: ctx.clock.now() });
      await audit(ctx, ctx.database.db, {
        action: "notice.scan",
        entity: "supervision_notice",
        summary: counts,
      });
      return counts;
    },
  );
  r.get(
    "/api/notices/:id",
    { schema: { tags, params: idParamSchema, response: { 200: noticeSchema } } },
    async (request) => getNotice(contextOf(app, request), request.params.id),
  );
  r.get(
    "/api/notices/:id/document",
    { schema: { tags, params: idParamSchema, response: fileResponse(DOCX_TYPE, "督办通知单（Word）") } },
    async (request, reply) =>
      sendDocx(reply, await buildNoticeDocument(contextOf(app, request), request.params.id)),
  );
  r.post(
    "/api/notices/:id/reply",
    { schema: { tags, params: idParamSchema, body: noticeReplySchema, response: { 200: noticeSchema } } },
    async (request) => replyNotice(contextOf(app, request), request.params.id, request.body),
  );
  r.post(
    "/api/notices/:id/decision",
    { schema: { tags, params: idParamSchema, body: noticeDecisionSchema, response: { 200: noticeSchema } } },
    async (request) => decideNotice(contextOf(app, request), request.params.id, request.body),
  );
}
