import {
  idParamSchema,
  upwardComposeSchema,
  upwardFileParamsSchema,
  upwardReportCreateSchema,
  upwardReportPageSchema,
  upwardReportQuerySchema,
  upwardReportSchema,
} from "@duban/domain";
import type { FastifyInstance } from "fastify";
import { contentDisposition } from "../../http/content-disposition.js";
import { fileResponse } from "../../http/openapi.js";
import { contextOf, typed } from "../../http/route-context.js";
import { submitUpwardReport } from "./submit-upward-report.js";
import { findHandDownUpwardReports, getUpwardCompose, getUpwardFile } from "./upward-reports.service.js";

const tags = ["cascade"];

/** 向上报送: the subordinate sends upward reports on linked hand-downs; the superior reads them and their files. */
export async function upwardReportRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);
  r.get(
    "/api/cascade/inbox/:id/upward",
    { schema: { tags, params: idParamSchema, response: { 200: upwardComposeSchema } } },
    async (request) => getUpwardCompose(contextOf(app, request), request.params.id),
  );
  r.post(
    "/api/cascade/inbox/:id/upward-reports",
    {
      schema: {
        tags,
        params: idParamSchema,
        body: upwardReportCreateSchema,
        response: { 201: upwardReportSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await submitUpwardReport(contextOf(app, request), request.params.id, request.body)),
  );
  r.get(
    "/api/hand-downs/:id/upward-reports",
    {
      schema: {
        tags,
        params: idParamSchema,
        querystring: upwardReportQuerySchema,
        response: { 200: upwardReportPageSchema },
      },
    },
    async (request) => findHandDownUpwardReports(contextOf(app, request), request.params.id, request.query),
  );
  r.get(
    "/api/upward-reports/:id/files/:fileId",
    { schema: { tags, params: upwardFileParamsSchema, response: fileResponse("*/*", "报送的附件") } },
    async (request, reply) => {
      const ctx = contextOf(app, request);
      const file = await getUpwardFile(ctx, request.params.id, request.params.fileId);
      const { stream, size } = await ctx.files.open(file.sha256);
      // Always an attachment, never rendered by the browser: the bytes come from another bureau.
      return reply
        .header("content-type", file.mime)
        .header("content-length", size)
        .header("content-disposition", contentDisposition("attachment", file.filename))
        .header("cache-control", "private, max-age=86400, immutable")
        .header("content-security-policy", "default-src 'none'; sandbox")
        .send(stream);
    },
  );
}
