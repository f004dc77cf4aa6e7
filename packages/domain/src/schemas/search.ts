import { z } from "zod";
import { limits } from "../limits.js";
import { noListAbilitiesSchema, pageOf, pageQuerySchema } from "./common.js";
import { lineText } from "./primitives.js";

/** What the header search finds, in the order its groups are shown. */
export const searchKinds = [
  "task",
  "measure",
  "milestone",
  "report",
  "notice",
  "rectification",
  "instruction",
  "unit",
] as const;
/** A kind of search hit. */
export type SearchKind = (typeof searchKinds)[number];

/** Chinese names of the hit kinds, as the results page groups them. */
export const searchKindLabels: Record<SearchKind, string> = {
  task: "任务",
  measure: "措施",
  milestone: "节点",
  report: "反馈",
  notice: "督办单",
  rectification: "整改",
  instruction: "批示",
  unit: "单位",
};

/** `GET /api/search`: the words (all must occur), optionally one kind, and the page. */
export const searchQuerySchema = pageQuerySchema.extend({
  q: lineText()
    .min(1, { error: "请输入要搜索的关键词" })
    .max(limits.searchMax, { error: `关键词不能超过 ${limits.searchMax} 个字符` }),
  kind: z.enum(searchKinds, { error: "搜索类别不正确" }).optional(),
});
/** A search request after parsing. */
export type SearchQuery = z.infer<typeof searchQuerySchema>;

/** One hit: what it is, its title, the text around the first match, and the page that shows it. */
export const searchHitSchema = z.object({
  kind: z.enum(searchKinds),
  id: z.string(),
  title: z.string(),
  /** Up to ~80 characters of the text around the first word found. */
  snippet: z.string(),
  /** The web path that opens the record. */
  link: z.string(),
});
/** A search hit. */
export type SearchHit = z.infer<typeof searchHitSchema>;

/** A page of hits, grouped by kind in `searchKinds` order, with the number of hits per kind on every page. */
export const searchPageSchema = pageOf(searchHitSchema, noListAbilitiesSchema).extend({
  counts: z.record(z.enum(searchKinds), z.number().int()),
});
/** A page of search hits. */
export type SearchPage = z.infer<typeof searchPageSchema>;
