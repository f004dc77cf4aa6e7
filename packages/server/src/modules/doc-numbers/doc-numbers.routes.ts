import { documentNumberSettingsSchema, documentNumberSettingsUpdateSchema } from "@duban/domain";
import type { FastifyInstance } from "fastify";
import { contextOf, typed } from "../../http/route-context.js";
import { getDocumentNumberSettings, updateDocumentNumberSettings } from "./doc-numbers.service.js";

const tags = ["settings"];

/** The tenant's 文号 prefixes (督查通报, 督办通知单): read by the office, set by the 督查室 and admin. */
export async function docNumberRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);
  r.get(
    "/api/settings/document-numbers",
    { schema: { tags, response: { 200: documentNumberSettingsSchema } } },
    async (request) => getDocumentNumberSettings(contextOf(app, request)),
  );
  r.put(
    "/api/settings/document-numbers",
    {
      schema: {
        tags,
        body: documentNumberSettingsUpdateSchema,
        response: { 200: documentNumberSettingsSchema },
      },
    },
    async (request) => updateDocumentNumberSettings(contextOf(app, request), request.body),
  );
}
