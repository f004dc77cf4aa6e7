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

/*
 * Types beside their schemas: `XInput` (z.infer) is a request as the server has it after parsing; `XBody`
 * (z.input) is what a client may send, given where defaults or transforms make the two differ.
 */

/**
 * Builds the schema of one page of a list: every list endpoint answers this one shape, with `abilities` saying
 * what the user may do with the list as a whole (e.g. `{ create }`), typed per list.
 */
export function pageOf<T extends z.ZodType, A extends z.ZodType>(item: T, abilities: A) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    abilities,
  });
}

/** The list-level abilities of a list that offers no action on the list as a whole (only on its records). */
export const noListAbilitiesSchema = z.object({});
/** No list-level abilities. */
export type NoListAbilities = z.infer<typeof noListAbilitiesSchema>;

/** A page of items as returned by list endpoints, with the list-level abilities `A`. */
export interface Page<T, A = NoListAbilities> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
  abilities: A;
}

/**
 * One page cut from a whole list held in memory: for lists bounded by what they belong to (a task's
 * assignments, a plan's cycles), where the database gains nothing from paging.
 */
export function pageFrom<T, A>(all: readonly T[], query: PageQuery, abilities: A): Page<T, A> {
  const start = (query.page - 1) * query.pageSize;
  return {
    items: all.slice(start, start + query.pageSize),
    total: all.length,
    page: query.page,
    pageSize: query.pageSize,
    abilities,
  };
}

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

/** Body of a request that only carries the optimistic-lock version read (acknowledge, discard, close). */
export const versionBodySchema = z.strictObject({ version: versionSchema });
/** A version-only body. */
export type VersionBody = z.infer<typeof versionBodySchema>;

/** The answer of a request that created one record and gives back only its id. */
export const createdIdSchema = z.object({ id: z.string() });
/** A created record's id. */
export type CreatedId = z.infer<typeof createdIdSchema>;

/** The answer of an Excel import: every row was imported (any bad row refuses the whole file). */
export const importResultSchema = z.object({ imported: z.number().int() });
/** Result of an Excel import. */
export type ImportResult = z.infer<typeof importResultSchema>;

/** A path parameter `:id`. */
export const idParamSchema = z.object({ id: idSchema });
/** A path parameter `:id`. */
export type IdParam = z.infer<typeof idParamSchema>;

/** A record named in an answer: its id and its name (a unit, a user). */
export const refSchema = z.object({ id: z.string(), name: z.string() });

/** The error envelope, for OpenAPI. */
export const errorEnvelopeSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});
