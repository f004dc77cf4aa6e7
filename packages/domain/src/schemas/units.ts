import { z } from "zod";
import { limits } from "../limits.js";
import { unitAbilitiesSchema, unitListAbilitiesSchema } from "../policies/units.js";
import { ownerships, schoolTypes, unitKinds } from "../units.js";
import {
  nameSchema,
  noListAbilitiesSchema,
  pageOf,
  pageQuerySchema,
  searchSchema,
  versionSchema,
} from "./common.js";
import { lineText } from "./primitives.js";

const optionalText = lineText().max(limits.nameMax).nullable().optional();

/** Fields shared by unit create and update. */
const unitFields = {
  name: nameSchema,
  kind: z.enum(unitKinds),
  schoolType: z.enum(schoolTypes).nullable().optional(),
  ownership: z.enum(ownerships).nullable().optional(),
  township: optionalText,
  code: optionalText,
  sortOrder: z.number().int().min(0).max(100000).optional(),
};

/** A school needs a type and an ownership; a department has neither. */
function checkSchoolFields(
  value: { kind: string; schoolType?: string | null; ownership?: string | null },
  ctx: z.RefinementCtx,
) {
  if (value.kind === "school") {
    if (!value.schoolType)
      ctx.addIssue({ code: "custom", path: ["schoolType"], message: "学校须选择学校类型" });
    if (!value.ownership)
      ctx.addIssue({ code: "custom", path: ["ownership"], message: "学校须选择办学性质" });
  } else {
    if (value.schoolType) ctx.addIssue({ code: "custom", path: ["schoolType"], message: "科室没有学校类型" });
    if (value.ownership) ctx.addIssue({ code: "custom", path: ["ownership"], message: "科室没有办学性质" });
  }
}

/** Body of `POST /api/units`. */
export const unitCreateSchema = z.strictObject(unitFields).superRefine(checkSchoolFields);
/** Unit create input. */
export type UnitCreateInput = z.infer<typeof unitCreateSchema>;

/** Body of `PUT /api/units/:id`: all fields plus the version read. */
export const unitUpdateSchema = z
  .strictObject({ ...unitFields, version: versionSchema })
  .superRefine(checkSchoolFields);
/** Unit update input. */
export type UnitUpdateInput = z.infer<typeof unitUpdateSchema>;

/** Query of `GET /api/units`. */
export const unitQuerySchema = pageQuerySchema.extend({
  q: searchSchema,
  kind: z.enum(unitKinds).optional(),
  schoolType: z.enum(schoolTypes).optional(),
  ownership: z.enum(ownerships).optional(),
  township: lineText().max(limits.nameMax).optional(),
  enabled: z.enum(["true", "false"]).optional(),
});
/** Unit list query. */
export type UnitQuery = z.infer<typeof unitQuerySchema>;

/** A unit as the API returns it. */
export const unitSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(unitKinds),
  schoolType: z.enum(schoolTypes).nullable(),
  ownership: z.enum(ownerships).nullable(),
  township: z.string().nullable(),
  code: z.string().nullable(),
  sortOrder: z.number(),
  enabled: z.boolean(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  abilities: unitAbilitiesSchema,
});
/** A unit. */
export type Unit = z.infer<typeof unitSchema>;

/** A page of `GET /api/units`. */
export const unitPageSchema = pageOf(unitSchema, unitListAbilitiesSchema);
/** A page of units. */
export type UnitPage = z.infer<typeof unitPageSchema>;

/** An enabled unit as offered in selects (`GET /api/units/options`). */
export const unitOptionSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(unitKinds),
  schoolType: z.enum(schoolTypes).nullable(),
});
/** A unit option. */
export type UnitOption = z.infer<typeof unitOptionSchema>;

/** A page of `GET /api/units/options`. */
export const unitOptionPageSchema = pageOf(unitOptionSchema, noListAbilitiesSchema);
/** A page of unit options. */
export type UnitOptionPage = z.infer<typeof unitOptionPageSchema>;

/** A page of `GET /api/units/townships`: the distinct townships of the tenant's units. */
export const townshipPageSchema = pageOf(z.string(), noListAbilitiesSchema);
/** A page of townships. */
export type TownshipPage = z.infer<typeof townshipPageSchema>;
