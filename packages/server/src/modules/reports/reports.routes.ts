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
