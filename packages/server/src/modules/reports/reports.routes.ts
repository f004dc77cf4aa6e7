import {
  idParamSchema,
  pageQuerySchema,
  reportPageSchema,
  reportReviewSchema,
  reportSaveSchema,
  reportSchema,
} from "@duban/domain";
import type { FastifyInstance } from "fastify";
import { contextOf, typed } from "../../http/route-context.js";
import { findAssignmentReports, getReport } from "./reports.service.js";
import { reviewReport } from "./review-report.js";
import { saveReport } from "./save-report.js";
import { REPORT_FORM_MAX_FILES, saveReportWithFiles } from "./save-report-with-files.js";

const tags = ["reports"];

/** Progress reports（反馈）and their review（审核 / 退回）. */
export async function reportRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);
  r.post(
    "/api/assignments/:id/reports",
    {
      schema: {
        tags,
        params: idParamSchema,
        body: reportSaveSchema,
        response: { 200: reportSchema, 201: reportSchema },
      },
    },
    async (request, reply) => {
      const { created, report } = await saveReport(contextOf(app, request), request.params.id, request.body);
      return reply.status(created ? 201 : 200).send(report);
    },
  );
  r.post(
    "/api/assignments/:id/reports/with-files",
    {
      schema: {
        tags,
        summary: "填报并附上新的佐证材料（一次请求，供手机端使用）",
        params: idParamSchema,
        consumes: ["multipart/form-data"],
        formParts: {
          type: "object",
          required: ["report"],
          properties: {
            report: {
              type: "string",
              description:
                "反馈内容（JSON，同 POST /api/assignments/{id}/reports 的请求体），须是表单的第一项",
            },
            file: {
              type: "array",
              items: { type: "string", format: "binary" },
              maxItems: REPORT_FORM_MAX_FILES,
              description: "新的佐证材料，与 POST /api/files 的要求相同",
            },
          },
        },
        response: { 200: reportSchema, 201: reportSchema },
      },
    },
    async (request, reply) => {
      const { created, report } = await saveReportWithFiles(
        contextOf(app, request),
        request.params.id,
        request,
      );
      return reply.status(created ? 201 : 200).send(report);
    },
  );
  r.get(
    "/api/assignments/:id/reports",
    {
      schema: {
        tags,
        params: idParamSchema,
        querystring: pageQuerySchema,
        response: { 200: reportPageSchema },
      },
    },
    async (request) => findAssignmentReports(contextOf(app, request), request.params.id, request.query),
  );
  r.get(
    "/api/reports/:id",
    { schema: { tags, params: idParamSchema, response: { 200: reportSchema } } },
    async (request) => getReport(contextOf(app, request), request.params.id),
  );
  r.post(
    "/api/reports/:id/review",
    { schema: { tags, params: idParamSchema, body: reportReviewSchema, response: { 200: reportSchema } } },
    async (request) => reviewReport(contextOf(app, request), request.params.id, request.body),
  );
}
