import {
  idParamSchema,
  planCopySchema,
  planDetailSchema,
  planImportSchema,
  planPageSchema,
  planQuerySchema,
  planSummarySchema,
  versionBodySchema,
} from "@duban/domain";
import type { FastifyInstance, FastifyReply } from "fastify";
import { contentDisposition } from "../../http/content-disposition.js";
import { fileResponse } from "../../http/openapi.js";
import { contextOf, typed } from "../../http/route-context.js";
import { changePlanArchive } from "./archive-plan.js";
import { getPlanDetailJson } from "./plan-page.js";
import { copyPlan, findPlansPage, getPlanSourceFile } from "./plans.service.js";

const tags = ["plans"];

/** Published plans: list by year, read the tree, download the source file, copy into another year, 归档. */
export async function planRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);

  r.get(
    "/api/plans",
    { schema: { tags, querystring: planQuerySchema, response: { 200: planPageSchema } } },
    async (request) => findPlansPage(contextOf(app, request), request.query),
  );

  r.get(
    "/api/plans/:id",
    { schema: { tags, params: idParamSchema, response: { 200: planDetailSchema } } },
    // The service answers checked, serialized bytes shared by readers with the same abilities (plan-page.ts), so
    // the route's serializer is not run over the whole tree per request; the schema above still documents it.
    async (request, reply) => {
      const { json, unreadable } = await getPlanDetailJson(contextOf(app, request), request.params.id);
      // The page still answers, with those dates treated as unknown; the log says which rows need correcting.
      if (unreadable.length > 0)
        request.log.warn(
          { planId: request.params.id, unreadable },
          "plan dates that are not dates were treated as unknown",
        );
      return (reply as FastifyReply).type("application/json; charset=utf-8").send(json);
    },
  );

  const source = {
    tags,
    params: idParamSchema,
    response: fileResponse("*/*", "工作要点原文件（.docx、.xlsx、.pdf 或 .txt）"),
  };
  r.get("/api/plans/:id/source", { schema: source }, async (request, reply) => {
    const { file, stream, size } = await getPlanSourceFile(contextOf(app, request), request.params.id);
    return reply
      .header("content-type", file.mime)
      .header("content-length", size)
      .header("content-disposition", contentDisposition("attachment", file.filename))
      .send(stream);
  });

  for (const action of ["archive", "unarchive"] as const)
    r.post(
      `/api/plans/:id/${action}`,
      {
        schema: {
          tags,
          params: idParamSchema,
          body: versionBodySchema,
          response: { 200: planSummarySchema },
        },
      },
      async (request) =>
        changePlanArchive(contextOf(app, request), request.params.id, {
          action,
          version: request.body.version,
        }),
    );

  r.post(
    "/api/plans/:id/copy",
    { schema: { tags, params: idParamSchema, body: planCopySchema, response: { 201: planImportSchema } } },
    async (request, reply) =>
      reply.status(201).send(await copyPlan(contextOf(app, request), request.params.id, request.body.year)),
  );
}
