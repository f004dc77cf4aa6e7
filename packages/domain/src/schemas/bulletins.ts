import { z } from "zod";
import {
  bulletinAbilitiesSchema,
  bulletinListAbilitiesSchema,
  bulletinStatuses,
} from "../policies/bulletins.js";
import { pageOf, versionSchema } from "./common.js";
import { calendarDateSchema, lineText, multilineText } from "./primitives.js";

/** Bounds of a bulletin's content: enough for 300 units named in one table, small enough to keep in one row. */
export const bulletinLimits = {
  titleMax: 200,
  blocksMax: 300,
  textMax: 20_000,
  tableRowsMax: 1_000,
  tableColumnsMax: 12,
  cellMax: 500,
} as const;

const blockText = multilineText("应为文字").max(bulletinLimits.textMax, {
  error: `每段不能超过 ${bulletinLimits.textMax} 个字符`,
});

/** A heading: level 1 is 一、…（黑体）, level 2 is （一）…（楷体）, as GB/T 9704 orders a 公文's headings. */
export const bulletinHeadingSchema = z.strictObject({
  type: z.literal("heading"),
  level: z.union([z.literal(1), z.literal(2)], { error: "标题级别应为 1 或 2" }),
  text: lineText("应为文字").min(1, { error: "标题不能为空" }).max(bulletinLimits.cellMax),
});

/** A paragraph of body text（仿宋）. */
export const bulletinParagraphSchema = z.strictObject({ type: z.literal("paragraph"), text: blockText });

/** A table whose first row is its header. */
export const bulletinTableSchema = z.strictObject({
  type: z.literal("table"),
  rows: z
    .array(
      z
        .array(multilineText("应为文字").max(bulletinLimits.cellMax))
        .min(1, { error: "每行至少一格" })
        .max(bulletinLimits.tableColumnsMax, { error: `表格不能超过 ${bulletinLimits.tableColumnsMax} 列` }),
    )
    .min(1, { error: "表格至少要有表头一行" })
    .max(bulletinLimits.tableRowsMax, { error: `表格不能超过 ${bulletinLimits.tableRowsMax} 行` }),
});

/** One block of a bulletin's body. */
export const bulletinBlockSchema = z.discriminatedUnion("type", [
  bulletinHeadingSchema,
  bulletinParagraphSchema,
  bulletinTableSchema,
]);
/** One block of a bulletin's body. */
export type BulletinBlock = z.infer<typeof bulletinBlockSchema>;

/** A bulletin's body: its blocks in reading order. */
export const bulletinContentSchema = z
  .array(bulletinBlockSchema)
  .max(bulletinLimits.blocksMax, { error: `正文不能超过 ${bulletinLimits.blocksMax} 段` });

const titleSchema = lineText("应为文字")
  .min(1, { error: "请填写通报标题" })
  .max(bulletinLimits.titleMax, { error: `标题不能超过 ${bulletinLimits.titleMax} 个字符` });

/** Body of `POST /api/plans/:id/bulletins`: the title and the period it reports on（`to` is its as-of day）. */
export const bulletinCreateSchema = z
  .strictObject({ title: titleSchema, from: calendarDateSchema, to: calendarDateSchema })
  .refine((v) => v.from <= v.to, { error: "通报期间的开始日期不能晚于结束日期", path: ["from"] });
/** A request to draft a bulletin. */
export type BulletinCreateInput = z.infer<typeof bulletinCreateSchema>;

/** Body of `PUT /api/bulletins/:id`: the edited title and body, with the version they were edited from. */
export const bulletinUpdateSchema = z.strictObject({
  title: titleSchema,
  content: bulletinContentSchema,
  version: versionSchema,
});
/** An edit of a draft bulletin. */
export type BulletinUpdateInput = z.infer<typeof bulletinUpdateSchema>;

/** Body of `POST /api/bulletins/:id/issue` and of a draft's delete: the version the user saw. */
export const bulletinVersionSchema = z.strictObject({ version: versionSchema });
/** The version a user acts on. */
export type BulletinVersionInput = z.infer<typeof bulletinVersionSchema>;

/** A bulletin in a list: what it reports on, its state and 文号, without its body. */
export const bulletinSummarySchema = z.object({
  id: z.string(),
  planId: z.string(),
  title: z.string(),
  from: z.string(),
  to: z.string(),
  status: z.enum(bulletinStatuses),
  /** The 文号 once issued, e.g. 瓦教督通〔2023〕3号. */
  number: z.string().nullable(),
  issuedAt: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
  abilities: bulletinAbilitiesSchema,
});
/** A bulletin in a list. */
export type BulletinSummary = z.infer<typeof bulletinSummarySchema>;

/** One bulletin with its body and who issued it. */
export const bulletinSchema = bulletinSummarySchema.extend({
  content: bulletinContentSchema,
  issuedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** The units the 通报 names (红榜 and 通报批评): they are told when it is issued, and may read it then. */
  namedUnitIds: z.array(z.string()),
});
/** One bulletin. */
export type Bulletin = z.infer<typeof bulletinSchema>;

/** A page of a plan's bulletins, newest first, with whether the user may draft one. */
export const bulletinPageSchema = pageOf(bulletinSummarySchema, bulletinListAbilitiesSchema);
/** A page of bulletins. */
export type BulletinPage = z.infer<typeof bulletinPageSchema>;
