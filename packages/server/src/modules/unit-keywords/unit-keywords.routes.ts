import { unitKeywordDictionarySchema, unitKeywordsSchema } from "@duban/domain";
import type { FastifyInstance } from "fastify";
import { contextOf, typed } from "../../http/route-context.js";
import { findKeywordDictionary, replaceKeywordDictionary } from "./unit-keywords.service.js";

/** The keyword → department dictionary that suggests lead units on import. */
export async function unitKeywordRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);
  r.get(
    "/api/unit-keywords",
    { schema: { tags: ["plans"], response: { 200: unitKeywordDictionarySchema } } },
    async (request) => findKeywordDictionary(contextOf(app, request)),
  );
  r.put(
    "/api/unit-keywords",
    { schema: { tags: ["plans"], body: unitKeywordsSchema, response: { 200: unitKeywordDictionarySchema } } },
    async (request) => replaceKeywordDictionary(contextOf(app, request), request.body),
  );
}
