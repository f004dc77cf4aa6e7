import { searchPageSchema, searchQuerySchema } from "@duban/domain";
import type { FastifyInstance } from "fastify";
import { contextOf, typed } from "../../http/route-context.js";
import { search } from "./search.service.js";

/** The header search: `GET /api/search?q=…&kind=…&page=`. */
export async function searchRoutes(app: FastifyInstance): Promise<void> {
  typed(app).get(
    "/api/search",
    { schema: { tags: ["search"], querystring: searchQuerySchema, response: { 200: searchPageSchema } } },
    async (request) => search(contextOf(app, request), request.query),
  );
}
