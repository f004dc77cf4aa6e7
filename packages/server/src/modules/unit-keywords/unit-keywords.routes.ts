import { unitKeywordAbilitiesSchema, unitKeywordsSchema } from "@duban/domain";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { contextOf, typed } from "../../http/route-context.js";
import { findKeywordDictionary, replaceKeywordDictionary } from "./unit-keywords.service.js";

const dictionarySchema = z.object({
  entries: z.array(z.object({ keyword: z.string(), unitId: z.string(), unitName: z.string() })),
  abilities: unitKeywordAbilitiesSchema,
});

/** The keyword → department dictionary that suggests lead units on import. */
export async function unitKeywordRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);
  r.get(
    "/api/unit-keywords",
    { schema: { tags: ["plans"], response: { 200: dictionarySchema } } },
    async (request) => findKeywordDictionary(contextOf(app, request)),
  );
  r.put(
    "/api/unit-keywords",
    { schema: { tags: ["plans"], body: unitKeywordsSchema, response: { 200: dictionarySchema } } },
    async (request) => replaceKeywordDictionary(contextOf(app, request), request.body),
  );
}
