import { idParamSchema } from "@duban/domain";
import type { FastifyInstance } from "fastify";
import { DOCX_TYPE, sendDocx } from "../../documents/index.js";
import { fileResponse } from "../../http/openapi.js";
import { contextOf, typed } from "../../http/route-context.js";
import { sendXlsx, XLSX_TYPE } from "../imports/index.js";
import { assessmentNoticeDocument, exportAssessmentResults } from "./assessment-documents.service.js";

const tags = ["assessments"];

/** A run's documents: the results table (.xlsx) and the 考评结果通报 (.docx, GB/T 9704). */
export async function assessmentDocumentRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);
  r.get(
    "/api/assessments/:id/results.xlsx",
    {
      schema: {
        tags,
        params: idParamSchema,
        response: fileResponse(XLSX_TYPE, "考评结果表（Excel，每类一页）"),
      },
    },
    async (request, reply) =>
      sendXlsx(reply, await exportAssessmentResults(contextOf(app, request), request.params.id)),
  );
  r.get(
    "/api/assessments/:id/document",
    {
      schema: {
        tags,
        params: idParamSchema,
        response: fileResponse(DOCX_TYPE, "考评结果通报（Word，GB/T 9704）"),
      },
    },
    async (request, reply) =>
      sendDocx(reply, await assessmentNoticeDocument(contextOf(app, request), request.params.id)),
  );
}
