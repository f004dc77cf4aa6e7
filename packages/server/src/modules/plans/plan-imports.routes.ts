import {
  idParamSchema,
  pageFrom,
  pageQuerySchema,
  pendingImportPageSchema,
  planImportAbilities,
  planImportPasteSchema,
  planImportSchema,
  planImportUpdateSchema,
  planListAbilities,
  planPublishResultSchema,
  planPublishSchema,
  versionBodySchema,
} from "@duban/domain";
import type { FastifyInstance } from "fastify";
import { planFileMaxBytes } from "../../files/read-plan-document.js";
import { parsePlanOffThread, readPlanOffThread } from "../../files/read-plan-off-thread.js";
import { authorize } from "../../http/authorize.js";
import { contextOf, typed } from "../../http/route-context.js";
import { readUpload } from "../../http/upload.js";
import { findReviewingImports } from "./plan-imports.repository.js";
import {
  createImport,
  discardImport,
  getImport,
  saveImportDraft,
  toPlanImport,
} from "./plan-imports.service.js";
import { publishImport } from "./publish-plan.js";

const tags = ["plans"];

/** 立项: upload or paste a 工作要点, review the parsed draft, publish it as a plan. */
export async function planImportRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);

  r.post(
    "/api/plan-imports",
    { schema: { tags, body: planImportPasteSchema, response: { 201: planImportSchema } } },
    async (request, reply) => {
      const ctx = contextOf(app, request);
      authorize(planListAbilities(ctx.actor), "import", "只有督查室或系统管理员可以导入计划");
      const text = request.body.text.replace(/\r\n?/g, "\n");
      const parsed = await parsePlanOffThread(text);
      const created = await createImport(ctx, {
        text,
        parsed,
        filename: request.body.filename ?? null,
        format: "paste",
        file: null,
        warnings: [],
      });
      return reply.status(201).send(created);
    },
  );

  r.post(
    "/api/plan-imports/upload",
    { schema: { tags, consumes: ["multipart/form-data"], response: { 201: planImportSchema } } },
    async (request, reply) => {
      const ctx = contextOf(app, request);
      authorize(planListAbilities(ctx.actor), "import", "只有督查室或系统管理员可以导入计划");
      const upload = await readUpload(request, {
        maxBytes: planFileMaxBytes,
        what: "工作要点文件（.docx、.xlsx、.pdf 或 .txt）",
      });
      const { document, draft } = await readPlanOffThread({ bytes: upload.body, filename: upload.name });
      const stored = await ctx.files.put(upload.body);
      const created = await createImport(ctx, {
        text: document.text,
        parsed: draft,
        filename: upload.name,
        format: document.format,
        file: {
          sha256: stored.sha256,
          size: stored.size,
          mime: mimeOf(document.format),
          filename: upload.name,
        },
        warnings: document.warnings,
      });
      return reply.status(201).send(created);
    },
  );

  r.get(
    "/api/plan-imports",
    { schema: { tags, querystring: pageQuerySchema, response: { 200: pendingImportPageSchema } } },
    async (request) => {
      const ctx = contextOf(app, request);
      authorize(planListAbilities(ctx.actor), "import", "只有督查室或系统管理员可以查看待发布的计划");
      const rows = await findReviewingImports(ctx.database.db, ctx.actor.tenantId);
      const pending = rows.map((r) => ({
        id: r.id,
        title: (r.draft as { title: string }).title,
        filename: r.filename,
        updatedAt: r.updatedAt.toISOString(),
        // The list holds only drafts under review.
        abilities: planImportAbilities(ctx.actor, { status: "reviewing" }),
      }));
      return pageFrom(pending, request.query, {});
    },
  );

  r.get(
    "/api/plan-imports/:id",
    { schema: { tags, params: idParamSchema, response: { 200: planImportSchema } } },
    async (request) => {
      const ctx = contextOf(app, request);
      return toPlanImport(ctx, await getImport(ctx, request.params.id));
    },
  );

  r.put(
    "/api/plan-imports/:id",
    {
      schema: {
        tags,
        params: idParamSchema,
        body: planImportUpdateSchema,
        response: { 200: planImportSchema },
      },
    },
    async (request) => saveImportDraft(contextOf(app, request), request.params.id, request.body),
  );

  r.post(
    "/api/plan-imports/:id/publish",
    {
      schema: {
        tags,
        params: idParamSchema,
        body: planPublishSchema,
        response: { 201: planPublishResultSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await publishImport(contextOf(app, request), request.params.id, request.body)),
  );

  r.post(
    "/api/plan-imports/:id/discard",
    {
      schema: {
        tags,
        params: idParamSchema,
        body: versionBodySchema,
        response: { 200: planImportSchema },
      },
    },
    async (request) => discardImport(contextOf(app, request), request.params.id, request.body.version),
  );
}

/** The media type a plan document is served back with. */
function mimeOf(format: string): string {
  if (format === "pdf") return "application/pdf";
  if (format === "docx") return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  if (format === "xlsx") return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  return "text/plain; charset=utf-8";
}
