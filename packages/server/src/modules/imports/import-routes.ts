import { importResultSchema } from "@duban/domain";
import type { FastifyInstance } from "fastify";
import { forbidden } from "../../errors.js";
import type { Actor, ServiceContext } from "../../http/context.js";
import { fileResponse } from "../../http/openapi.js";
import { contextOf, typed } from "../../http/route-context.js";
import { readImportUpload } from "./upload.js";
import { sendXlsx, XLSX_TYPE } from "./xlsx-template.js";

/** What one Excel import (units, users …) is made of. */
export interface ExcelImport {
  /** The collection's path segment, e.g. "units". */
  resource: string;
  /** What is imported, in Chinese, e.g. "单位". */
  label: string;
  canImport(actor: Actor): boolean;
  buildTemplate(): Promise<Buffer>;
  importRows(ctx: ServiceContext, upload: { name: string; body: Buffer }): Promise<{ imported: number }>;
}

/** Registers `GET /api/<resource>/import-template` and `POST /api/<resource>/import` for an Excel import. */
export function registerExcelImport(app: FastifyInstance, spec: ExcelImport): void {
  const r = typed(app);
  const tags = [spec.resource];
  const refuse = () => forbidden(`只有系统管理员可以导入${spec.label}`);

  const template = { tags, response: fileResponse(XLSX_TYPE, `${spec.label}导入模板（Excel）`) };
  r.get(`/api/${spec.resource}/import-template`, { schema: template }, async (request, reply) => {
    if (!spec.canImport(contextOf(app, request).actor)) throw refuse();
    const body = await spec.buildTemplate();
    return sendXlsx(reply, {
      name: `${spec.label}导入模板.xlsx`,
      asciiName: `${spec.resource}-template.xlsx`,
      body,
    });
  });

  r.post(
    `/api/${spec.resource}/import`,
    {
      schema: {
        tags,
        consumes: ["multipart/form-data"],
        response: { 200: importResultSchema },
      },
    },
    async (request) => {
      const ctx = contextOf(app, request);
      // Refuse before reading the upload, so a non-admin cannot make the server parse files.
      if (!spec.canImport(ctx.actor)) throw refuse();
      return spec.importRows(ctx, await readImportUpload(request));
    },
  );
}
