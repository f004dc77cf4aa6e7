import {
  assessmentAdjustmentListSchema,
  assessmentAdjustmentViewSchema,
  assessmentAppealListSchema,
  assessmentAppealViewSchema,
  assessmentEntryListSchema,
  assessmentEntryViewSchema,
  assessmentListSchema,
  assessmentResultsSchema,
  assessmentSchemeViewSchema,
  assessmentViewSchema,
  copyAssessmentSchemeSchema,
  createAssessmentAdjustmentSchema,
  createAssessmentAppealSchema,
  createAssessmentEntrySchema,
  createAssessmentSchema,
  decideAssessmentAppealSchema,
  idParamSchema,
  pageQuerySchema,
  revokeAssessmentEntrySchema,
  saveAssessmentSchemeSchema,
  versionBodySchema,
} from "@duban/domain";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { noContent } from "../../http/openapi.js";
import { contextOf, typed } from "../../http/route-context.js";
import { createAssessmentAppeal, decideAssessmentAppeal, findAssessmentAppeals } from "./appeals.js";
import { createAssessmentEntry, findAssessmentEntries, revokeAssessmentEntry } from "./entries.service.js";
import {
  adjustAssessment,
  finaliseAssessment,
  findAssessmentAdjustments,
  publishAssessment,
} from "./review.js";
import {
  createAssessment,
  deleteAssessment,
  findAssessments,
  getAssessment,
  getAssessmentResults,
} from "./runs.service.js";
import { copyAssessmentScheme, getAssessmentScheme, saveAssessmentScheme } from "./scheme.service.js";

const tags = ["assessments"];
const params = idParamSchema;

/** 考评: the plan's scheme, manual entries, runs with explained results, review, publication, appeals, 定档. */
export async function assessmentRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);
  r.get(
    "/api/plans/:id/assessment-scheme",
    { schema: { tags, params, response: { 200: assessmentSchemeViewSchema } } },
    async (request) => getAssessmentScheme(contextOf(app, request), request.params.id),
  );
  r.put(
    "/api/plans/:id/assessment-scheme",
    {
      schema: {
        tags,
        params,
        body: saveAssessmentSchemeSchema,
        response: { 200: assessmentSchemeViewSchema },
      },
    },
    async (request) => saveAssessmentScheme(contextOf(app, request), request.params.id, request.body),
  );
  r.post(
    "/api/plans/:id/assessment-scheme/copy",
    {
      schema: {
        tags,
        params,
        body: copyAssessmentSchemeSchema,
        response: { 200: assessmentSchemeViewSchema },
      },
    },
    async (request) => copyAssessmentScheme(contextOf(app, request), request.params.id, request.body),
  );
  r.get(
    "/api/plans/:id/assessment-entries",
    { schema: { tags, params, querystring: pageQuerySchema, response: { 200: assessmentEntryListSchema } } },
    async (request) => findAssessmentEntries(contextOf(app, request), request.params.id, request.query),
  );
  r.post(
    "/api/plans/:id/assessment-entries",
    {
      schema: {
        tags,
        params,
        body: createAssessmentEntrySchema,
        response: { 201: assessmentEntryViewSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createAssessmentEntry(contextOf(app, request), request.params.id, request.body)),
  );
  r.post(
    "/api/assessment-entries/:id/revoke",
    {
      schema: {
        tags,
        params,
        body: revokeAssessmentEntrySchema,
        response: { 200: assessmentEntryViewSchema },
      },
    },
    async (request) => revokeAssessmentEntry(contextOf(app, request), request.params.id, request.body),
  );
  r.post(
    "/api/plans/:id/assessments",
    {
      schema: { tags, params, body: createAssessmentSchema, response: { 201: z.object({ id: z.string() }) } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createAssessment(contextOf(app, request), request.params.id, request.body)),
  );
  r.get(
    "/api/plans/:id/assessments",
    { schema: { tags, params, querystring: pageQuerySchema, response: { 200: assessmentListSchema } } },
    async (request) => findAssessments(contextOf(app, request), request.params.id, request.query),
  );
  r.get(
    "/api/assessments/:id",
    { schema: { tags, params, response: { 200: assessmentViewSchema } } },
    async (request) => getAssessment(contextOf(app, request), request.params.id),
  );
  r.delete(
    "/api/assessments/:id",
    { schema: { tags, params, body: versionBodySchema, response: noContent } },
    async (request, reply) => {
      await deleteAssessment(contextOf(app, request), request.params.id, request.body);
      return reply.status(204).send();
    },
  );
  r.get(
    "/api/assessments/:id/results",
    { schema: { tags, params, querystring: pageQuerySchema, response: { 200: assessmentResultsSchema } } },
    async (request) => getAssessmentResults(contextOf(app, request), request.params.id, request.query),
  );
  r.get(
    "/api/assessments/:id/adjustments",
    {
      schema: {
        tags,
        params,
        querystring: pageQuerySchema,
        response: { 200: assessmentAdjustmentListSchema },
      },
    },
    async (request) => findAssessmentAdjustments(contextOf(app, request), request.params.id, request.query),
  );
  r.post(
    "/api/assessments/:id/adjustments",
    {
      schema: {
        tags,
        params,
        body: createAssessmentAdjustmentSchema,
        response: { 201: assessmentAdjustmentViewSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await adjustAssessment(contextOf(app, request), request.params.id, request.body)),
  );
  r.post(
    "/api/assessments/:id/publish",
    { schema: { tags, params, body: versionBodySchema, response: { 200: assessmentViewSchema } } },
    async (request) => publishAssessment(contextOf(app, request), request.params.id, request.body),
  );
  r.post(
    "/api/assessments/:id/finalise",
    { schema: { tags, params, body: versionBodySchema, response: { 200: assessmentViewSchema } } },
    async (request) => finaliseAssessment(contextOf(app, request), request.params.id, request.body),
  );
  r.get(
    "/api/assessments/:id/appeals",
    { schema: { tags, params, querystring: pageQuerySchema, response: { 200: assessmentAppealListSchema } } },
    async (request) => findAssessmentAppeals(contextOf(app, request), request.params.id, request.query),
  );
  r.post(
    "/api/assessments/:id/appeals",
    {
      schema: {
        tags,
        params,
        body: createAssessmentAppealSchema,
        response: { 201: assessmentAppealViewSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createAssessmentAppeal(contextOf(app, request), request.params.id, request.body)),
  );
  r.post(
    "/api/assessment-appeals/:id/decision",
    {
      schema: {
        tags,
        params,
        body: decideAssessmentAppealSchema,
        response: { 200: assessmentAppealViewSchema },
      },
    },
    async (request) => decideAssessmentAppeal(contextOf(app, request), request.params.id, request.body),
  );
}
