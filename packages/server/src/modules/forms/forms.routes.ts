import {
  formCreateSchema,
  formListQuerySchema,
  formPageSchema,
  formRoundCreateSchema,
  formRoundSchema,
  formRoundUrgeResultSchema,
  formSchema,
  formSubmissionPageSchema,
  formSubmissionReturnSchema,
  formSubmissionSaveSchema,
  formSubmissionSchema,
  formSubmissionVersionSchema,
  formUpdateSchema,
  formVersionSchema,
  idParamSchema,
  mySubmissionsQuerySchema,
} from "@duban/domain";
import type { FastifyInstance } from "fastify";
import { noContent } from "../../http/openapi.js";
import { contextOf, typed } from "../../http/route-context.js";
import { archiveForm, restoreForm } from "./archive-form.js";
import { formExcelRoutes } from "./excel/form-excel.routes.js";
import { closeRound, createRound, getRound, urgeRound } from "./form-rounds.service.js";
import {
  findMySubmissions,
  getSubmission,
  saveSubmission,
  submitSubmission,
} from "./form-submissions.service.js";
import { createForm, deleteForm, findForms, getForm, updateForm } from "./forms.service.js";
import { approveSubmission, returnSubmission } from "./review-submission.js";

const tags = ["forms"];

/** 数据填报: forms of a plan, the rounds they are sent in, and the units' submissions with their review. */
export async function formRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);
  const ctx = (request: Parameters<typeof contextOf>[1]) => contextOf(app, request);
  await formExcelRoutes(app);
  r.get(
    "/api/plans/:id/forms",
    {
      schema: {
        tags,
        params: idParamSchema,
        querystring: formListQuerySchema,
        response: { 200: formPageSchema },
      },
    },
    async (request) => findForms(ctx(request), request.params.id, request.query),
  );
  r.post(
    "/api/plans/:id/forms",
    { schema: { tags, params: idParamSchema, body: formCreateSchema, response: { 201: formSchema } } },
    async (request, reply) =>
      reply.status(201).send(await createForm(ctx(request), request.params.id, request.body)),
  );
  r.get(
    "/api/forms/:id",
    { schema: { tags, params: idParamSchema, response: { 200: formSchema } } },
    async (request) => getForm(ctx(request), request.params.id),
  );
  r.put(
    "/api/forms/:id",
    { schema: { tags, params: idParamSchema, body: formUpdateSchema, response: { 200: formSchema } } },
    async (request) => updateForm(ctx(request), request.params.id, request.body),
  );
  r.delete(
    "/api/forms/:id",
    { schema: { tags, params: idParamSchema, body: formVersionSchema, response: noContent } },
    async (request, reply) => {
      await deleteForm(ctx(request), request.params.id, request.body);
      return reply.status(204).send();
    },
  );
  r.post(
    "/api/forms/:id/archive",
    { schema: { tags, params: idParamSchema, body: formVersionSchema, response: { 200: formSchema } } },
    async (request) => archiveForm(ctx(request), request.params.id, request.body),
  );
  r.post(
    "/api/forms/:id/restore",
    { schema: { tags, params: idParamSchema, body: formVersionSchema, response: { 200: formSchema } } },
    async (request) => restoreForm(ctx(request), request.params.id, request.body),
  );
  r.post(
    "/api/forms/:id/rounds",
    {
      schema: {
        tags,
        params: idParamSchema,
        body: formRoundCreateSchema,
        response: { 201: formRoundSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createRound(ctx(request), request.params.id, request.body)),
  );
  r.get(
    "/api/form-rounds/:id",
    { schema: { tags, params: idParamSchema, response: { 200: formRoundSchema } } },
    async (request) => getRound(ctx(request), request.params.id),
  );
  r.post(
    "/api/form-rounds/:id/urge",
    { schema: { tags, params: idParamSchema, response: { 200: formRoundUrgeResultSchema } } },
    async (request) => urgeRound(ctx(request), request.params.id),
  );
  r.post(
    "/api/form-rounds/:id/close",
    { schema: { tags, params: idParamSchema, body: formVersionSchema, response: { 200: formRoundSchema } } },
    async (request) => closeRound(ctx(request), request.params.id, request.body),
  );
  r.get(
    "/api/my/form-submissions",
    { schema: { tags, querystring: mySubmissionsQuerySchema, response: { 200: formSubmissionPageSchema } } },
    async (request) => findMySubmissions(ctx(request), request.query),
  );
  r.get(
    "/api/form-submissions/:id",
    { schema: { tags, params: idParamSchema, response: { 200: formSubmissionSchema } } },
    async (request) => getSubmission(ctx(request), request.params.id),
  );
  r.put(
    "/api/form-submissions/:id",
    {
      schema: {
        tags,
        params: idParamSchema,
        body: formSubmissionSaveSchema,
        response: { 200: formSubmissionSchema },
      },
    },
    async (request) => saveSubmission(ctx(request), request.params.id, request.body),
  );
  r.post(
    "/api/form-submissions/:id/submit",
    {
      schema: {
        tags,
        params: idParamSchema,
        body: formSubmissionVersionSchema,
        response: { 200: formSubmissionSchema },
      },
    },
    async (request) => submitSubmission(ctx(request), request.params.id, request.body),
  );
  r.post(
    "/api/form-submissions/:id/approve",
    {
      schema: {
        tags,
        params: idParamSchema,
        body: formSubmissionVersionSchema,
        response: { 200: formSubmissionSchema },
      },
    },
    async (request) => approveSubmission(ctx(request), request.params.id, request.body),
  );
  r.post(
    "/api/form-submissions/:id/return",
    {
      schema: {
        tags,
        params: idParamSchema,
        body: formSubmissionReturnSchema,
        response: { 200: formSubmissionSchema },
      },
    },
    async (request) => returnSubmission(ctx(request), request.params.id, request.body),
  );
}
