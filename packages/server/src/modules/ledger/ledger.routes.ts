import { cycleFilingSchema, cycleUrgeResultSchema, idParamSchema, ledgerQuerySchema } from "@duban/domain";
import type { FastifyInstance } from "fastify";
import { fileResponse } from "../../http/openapi.js";
import { contextOf, typed } from "../../http/route-context.js";
import { sendXlsx, XLSX_TYPE } from "../imports/index.js";
import { getCycleFiling, urgeCycle } from "./filing.service.js";
import { exportLedger } from "./ledger.service.js";

const tags = ["ledger"];

/** The plan-wide 工作台账 (.xlsx), and each cycle's 报送情况 with its 一键催报. */
export async function ledgerRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);
  r.get(
    "/api/plans/:id/ledger",
    {
      schema: {
        tags,
        params: idParamSchema,
        querystring: ledgerQuerySchema,
        response: fileResponse(XLSX_TYPE, "工作台账（Excel）"),
      },
    },
    async (request, reply) =>
      sendXlsx(reply, await exportLedger(contextOf(app, request), request.params.id, request.query)),
  );
  r.get(
    "/api/cycles/:id/filing",
    { schema: { tags, params: idParamSchema, response: { 200: cycleFilingSchema } } },
    async (request) => getCycleFiling(contextOf(app, request), request.params.id),
  );
  r.post(
    "/api/cycles/:id/urge",
    { schema: { tags, params: idParamSchema, response: { 200: cycleUrgeResultSchema } } },
    async (request) => urgeCycle(contextOf(app, request), request.params.id),
  );
}
