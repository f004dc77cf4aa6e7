import { idParamSchema, importResultSchema, limits } from "@duban/domain";
import type { FastifyInstance } from "fastify";
import { fileResponse } from "../../../http/openapi.js";
import { contextOf, typed } from "../../../http/route-context.js";
import { readUpload } from "../../../http/upload.js";
import { sendXlsx, XLSX_TYPE } from "../../imports/index.js";
import { buildRoundTemplate } from "./form-excel.service.js";
import { importRoundUpload } from "./import-round.js";

const tags = ["forms"];

/** A round's Excel template and its upload: a department fills the form for many units at once. */
export async function formExcelRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);
  r.get(
    "/api/form-rounds/:id/template",
    { schema: { tags, params: idParamSchema, response: fileResponse(XLSX_TYPE, "填报导入模板（Excel）") } },
    async (request, reply) => {
      const file = await buildRoundTemplate(contextOf(app, request), request.params.id);
      return sendXlsx(reply, { ...file, asciiName: "form-template.xlsx" });
    },
  );
  r.post(
    "/api/form-rounds/:id/import",
    {
      schema: {
        tags,
        params: idParamSchema,
        consumes: ["multipart/form-data"],
        response: { 200: importResultSchema },
      },
    },
    async (request) =>
      importRoundUpload(contextOf(app, request), request.params.id, () =>
        readUpload(request, { maxBytes: limits.importFileBytes, what: "填好的 Excel 模板" }),
      ),
  );
}
