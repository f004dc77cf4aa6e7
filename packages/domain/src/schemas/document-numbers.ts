import { z } from "zod";
import { versionSchema } from "./common.js";

/** The 文号 series a tenant numbers documents in: 督查通报 and 督办通知单, each counted per year from 1. */
export const documentSeries = ["bulletin", "notice"] as const;
/** One 文号 series. */
export type DocumentSeries = (typeof documentSeries)[number];

/** The series' Chinese names. */
export const documentSeriesLabels: Record<DocumentSeries, string> = {
  bulletin: "督查通报",
  notice: "督办通知单",
};

/** A 发文字号 as GB/T 9704 writes it: 机关代字, the year in 六角括号, the number without leading zeros or 第. */
export function formatDocumentNumber(prefix: string, year: number, seq: number): string {
  return `${prefix}〔${year}〕${seq}号`;
}

/**
 * The prefixes a tenant numbers with until its 督查室 sets others: 通报 take the bureau's first character with
 * 教督通 (瓦房店市教育局 → 瓦教督通), 督办单 plain 督办.
 */
export function defaultDocumentNumberPrefixes(tenantName: string): Record<DocumentSeries, string> {
  const first = [...tenantName.trim()][0] ?? "";
  return { bulletin: `${first}教督通`, notice: "督办" };
}

/** A 机关代字: 1–20 characters, no spaces and no brackets (the year's 〔〕 are added). */
const prefixSchema = z
  .string()
  .trim()
  .min(1, "请填写文号前缀")
  .max(20, "文号前缀不超过20个字")
  .regex(/^[^\s〔〕[\]()（）]+$/, "文号前缀不含空格和括号，年份和序号会自动加上");

/** What the actor may do with the 文号 settings. */
export const documentNumberAbilitiesSchema = z.object({ update: z.boolean() });
/** What the actor may do with the 文号 settings. */
export type DocumentNumberAbilities = z.infer<typeof documentNumberAbilitiesSchema>;

/** One series as `GET /api/settings/document-numbers` shows it. */
const documentNumberSeriesSchema = z.object({
  series: z.enum(documentSeries),
  label: z.string(),
  prefix: z.string(),
  /** True while the tenant uses the default prefix. */
  isDefault: z.boolean(),
  /** The first number of this year in this series, e.g. "瓦教督通〔2023〕1号". */
  example: z.string(),
});

/** The answer of `GET`/`PUT /api/settings/document-numbers`. */
export const documentNumberSettingsSchema = z.object({
  series: z.array(documentNumberSeriesSchema),
  /** Grows with every save; sent back with a change, so a change made from a stale page is refused. */
  version: z.number().int(),
  abilities: documentNumberAbilitiesSchema,
});
/** The tenant's 文号 prefixes. */
export type DocumentNumberSettings = z.infer<typeof documentNumberSettingsSchema>;

/** The body of `PUT /api/settings/document-numbers`: the prefix of each series and the version it was read at. */
export const documentNumberSettingsUpdateSchema = z.object({
  bulletin: prefixSchema,
  notice: prefixSchema,
  version: versionSchema,
});
/** New prefixes for the tenant's series. */
export type DocumentNumberSettingsUpdateInput = z.infer<typeof documentNumberSettingsUpdateSchema>;
