import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { forbidden } from "../../errors.js";
import { contextOf, typed } from "../../http/route-context.js";
import { buildUnitTemplate, importUnits } from "../imports/units-import.service.js";
import { readImportUpload } from "../imports/upload.js";
import { sendXlsx } from "../imports/xlsx-template.js";
import { canManageUnits } from "./units.policy.js";

const tags = ["units"];

/** Excel import of units: the template download and the upload. */
export async function unitImportRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);

  r.get("/api/units/import-template", { schema: { tags } }, async (request, reply) => {
    const ctx = contextOf(app, request);
    if (!canManageUnits(ctx.actor)) throw forbidden("只有系统管理员可以导入单位");
    const body = await buildUnitTemplate();
    return sendXlsx(reply, { name: "单位导入模板.xlsx", asciiName: "units-template.xlsx", body });
  });

  r.post(
    "/api/units/import",
    {
      schema: {
        tags,
        consumes: ["multipart/form-data"],
        response: { 200: z.object({ imported: z.number().int() }) },
      },
    },
    async (request) => {
      const ctx = contextOf(app, request);
      // Refuse before reading the upload, so a non-admin cannot make the server parse files.
      if (!canManageUnits(ctx.actor)) throw forbidden("只有系统管理员可以导入单位");
      return importUnits(ctx, await readImportUpload(request));
    },
  );
}
