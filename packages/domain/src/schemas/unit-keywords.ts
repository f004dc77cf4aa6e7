import { z } from "zod";
import { unitKeywordAbilitiesSchema } from "../policies/unit-keywords.js";
import { idSchema } from "./common.js";
import { lineText } from "./primitives.js";

/** The keyword → department dictionary used to suggest lead units. */
export const unitKeywordsSchema = z.strictObject({
  entries: z
    .array(
      z.strictObject({
        keyword: lineText().min(1, { error: "关键词不能为空" }).max(30),
        unitId: idSchema,
      }),
    )
    .max(1000),
});
/** The keyword dictionary. */
export type UnitKeywordsInput = z.infer<typeof unitKeywordsSchema>;

/** The keyword → department dictionary as `GET /api/unit-keywords` answers it; only admins may change it. */
export const unitKeywordDictionarySchema = z.object({
  entries: z.array(z.object({ keyword: z.string(), unitId: z.string(), unitName: z.string() })),
  abilities: unitKeywordAbilitiesSchema,
});
/** The keyword dictionary. */
export type UnitKeywordDictionary = z.infer<typeof unitKeywordDictionarySchema>;
/** One entry of the keyword dictionary. */
export type UnitKeywordEntry = UnitKeywordDictionary["entries"][number];
