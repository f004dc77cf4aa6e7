import { z } from "zod";
import { limits } from "../limits.js";
import { lineText, multilineText } from "./primitives.js";

/** A record id (UUID). */
export const idSchema = z.uuid({ error: "id 格式不正确" });

/** A trimmed, non-empty name of bounded length. */
export const nameSchema = lineText()
  .min(1, { error: "不能为空" })
  .max(limits.nameMax, { error: `不能超过 ${limits.nameMax} 个字符` });

/** An optional free-text search term. */
export const searchSchema = lineText().max(limits.searchMax).optional();

/** Paging parameters of every list endpoint (query strings arrive as text). */
export const pageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(limits.pageSizeMax).default(20),
});
/** Paging parameters. */
export type PageQuery = z.infer<typeof pageQuerySchema>;

/** Builds the schema of one page of a list. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

/** A page of items as returned by list endpoints. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** What the current user may do with a record; the web app hides the rest. */
export const abilitiesSchema = z.record(z.string(), z.boolean());

/** The optimistic-lock version a client sends back with an update. */
export const versionSchema = z.number().int().min(0);

/**
 * Body of a decision on something handed in (a report, a reply, an item, a close-out, an extension): `pass`
 * lets it through, `back` sends it back and must say why, with the version the decider saw.
 */
export function decisionSchema<const Pass extends string, const Back extends string>(
  pass: Pass,
  back: Back,
  reasonRequired: string,
) {
  return z
    .strictObject({
      decision: z.enum([pass, back]),
      reason: multilineText().trim().max(limits.textMax).optional(),
      version: versionSchema,
    })
    .refine((v) => v.decision === pass || (v.reason?.length ?? 0) > 0, {
      path: ["reason"],
      error: reasonRequired,
    });
}

/** Body of an enable/disable request. */
export const setEnabledSchema = z.strictObject({ enabled: z.boolean(), version: versionSchema });
/** Body of an enable/disable request. */
export type SetEnabledInput = z.infer<typeof setEnabledSchema>;

/** A path parameter `:id`. */
export const idParamSchema = z.object({ id: idSchema });

/** The error envelope, for OpenAPI. */
export const errorEnvelopeSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});
