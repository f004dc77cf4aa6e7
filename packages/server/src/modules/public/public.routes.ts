import {
  idParamSchema,
  publicPlanParamsSchema,
  publicPlanSchema,
  publicSettingsInputSchema,
  publicSettingsSchema,
} from "@duban/domain";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { contextOf, typed } from "../../http/route-context.js";
import { getPublicPlan, getPublicSettings, setPublicSettings } from "./public.service.js";

/** Requests per minute and address to the public page's API: enough for a person, little for a scraper. */
export const PUBLIC_RATE_LIMIT_PER_MINUTE = 60;
// Browsers and proxies may keep the page five minutes; snapshots change once a day.
const CACHE_CONTROL = "public, max-age=300";
// The answer to an If-None-Match that still matches: no body.
const notModified = z.null().describe("未变化：与 If-None-Match 的 ETag 相同");

/**
 * The public progress page（政务公开）: the only unauthenticated data API, under /api/public/, and the
 * settings the 督查室 publishes it with.
 */
export async function publicRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);
  r.get(
    "/api/public/:tenantSlug/plans/:planId",
    {
      schema: {
        tags: ["public"],
        params: publicPlanParamsSchema,
        response: { 200: publicPlanSchema, 304: notModified },
      },
      config: { auth: "public", rateLimit: { max: PUBLIC_RATE_LIMIT_PER_MINUTE, timeWindow: "1 minute" } },
    },
    async (request, reply) => {
      const { body, etag } = await getPublicPlan(app.deps, request.params);
      reply.header("etag", etag).header("cache-control", CACHE_CONTROL);
      // A 304 carries no body at all, not even the JSON null its schema serializes.
      if (matchesEtag(request.headers["if-none-match"], etag))
        return reply
          .code(304)
          .serializer(() => "")
          .send(null);
      return body;
    },
  );
  r.get(
    "/api/plans/:id/public-settings",
    { schema: { tags: ["public"], params: idParamSchema, response: { 200: publicSettingsSchema } } },
    async (request) => getPublicSettings(contextOf(app, request), request.params.id),
  );
  r.put(
    "/api/plans/:id/public-settings",
    {
      schema: {
        tags: ["public"],
        params: idParamSchema,
        body: publicSettingsInputSchema,
        response: { 200: publicSettingsSchema },
      },
    },
    async (request) => setPublicSettings(contextOf(app, request), request.params.id, request.body),
  );
}

/** Whether an If-None-Match header names the ETag: a list of tags, weak ones compared as strong, or `*`. */
function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(",").some((tag) => {
    const t = tag.trim();
    return t === "*" || t.replace(/^W\//, "") === etag;
  });
}
