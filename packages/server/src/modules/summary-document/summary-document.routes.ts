import { idParamSchema, summaryDocumentQuerySchema } from "@duban/domain";
import type { FastifyInstance } from "fastify";
import { DOCX_TYPE, sendDocx } from "../../documents/index.js";
import { fileResponse } from "../../http/openapi.js";
import { contextOf, typed } from "../../http/route-context.js";
import { annualSummaryDocument } from "./summary-document.service.js";

const tags = ["plans"];

/** A plan's 年度工作总结 draft as a Word document. */
export async function summaryDocumentRoutes(app: FastifyInstance): Promise<void> {
  typed(app).get(
    "/api/plans/:id/summary-document",
    {
      schema: {
        tags,
        params: idParamSchema,
        querystring: summaryDocumentQuerySchema,
        response: fileResponse(DOCX_TYPE, "年度工作总结初稿（Word，GB/T 9704 版面）"),
      },
    },
    async (request, reply) =>
      sendDocx(reply, await annualSummaryDocument(contextOf(app, request), request.params.id, request.query)),
  );
}
