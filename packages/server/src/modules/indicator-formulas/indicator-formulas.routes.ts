import {
  computedIndicatorQuerySchema,
  computedIndicatorSchema,
  idParamSchema,
  indicatorFormulaPutSchema,
} from "@duban/domain";
import type { FastifyInstance } from "fastify";
import { fileResponse, noContent } from "../../http/openapi.js";
import { contextOf, typed } from "../../http/route-context.js";
import { sendXlsx, XLSX_TYPE } from "../imports/index.js";
import { exportComputedRows } from "./computed-export.js";
import { deleteFormula, putFormula } from "./define-formula.js";
import { getComputedIndicator } from "./indicator-formulas.service.js";

const tags = ["indicator-formulas"];

/** 计算指标: an indicator's formula over a form's approved data, its computed value and the rows behind it. */
export async function indicatorFormulaRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);
  r.get(
    "/api/indicators/:id/computed",
    {
      schema: {
        tags,
        params: idParamSchema,
        querystring: computedIndicatorQuerySchema,
        response: { 200: computedIndicatorSchema },
      },
    },
    async (request) => getComputedIndicator(contextOf(app, request), request.params.id, request.query),
  );
  r.get(
    "/api/indicators/:id/computed/rows.xlsx",
    { schema: { tags, params: idParamSchema, response: fileResponse(XLSX_TYPE, "计算明细（Excel）") } },
    async (request, reply) =>
      sendXlsx(reply, await exportComputedRows(contextOf(app, request), request.params.id)),
  );
  r.put(
    "/api/indicators/:id/formula",
    {
      schema: {
        tags,
        params: idParamSchema,
        body: indicatorFormulaPutSchema,
        response: { 200: computedIndicatorSchema },
      },
    },
    async (request) => {
      const ctx = contextOf(app, request);
      await putFormula(ctx, request.params.id, request.body);
      return getComputedIndicator(ctx, request.params.id, { page: 1, pageSize: 20, order: "asc" });
    },
  );
  r.delete(
    "/api/indicators/:id/formula",
    { schema: { tags, params: idParamSchema, response: noContent } },
    async (request, reply) => {
      await deleteFormula(contextOf(app, request), request.params.id);
      return reply.status(204).send();
    },
  );
}
