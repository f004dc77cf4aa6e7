import { z } from "zod";
import { workCalendarAbilitiesSchema } from "../policies/work-calendar.js";
import { isCalendarDate } from "../rules/calendar.js";
import { calendarDayKinds } from "../rules/work-calendar.js";
import { versionSchema } from "./common.js";

/** Years a calendar table may be kept for. */
export const workCalendarYearRange = { min: 2000, max: 2100 } as const;

/** Path parameter of `/api/work-calendar/:year`. */
export const workCalendarYearParamsSchema = z.strictObject({
  year: z.coerce
    .number({ error: "年份应为数字" })
    .int({ error: "年份应为整数" })
    .min(workCalendarYearRange.min, { error: `年份不能早于 ${workCalendarYearRange.min}` })
    .max(workCalendarYearRange.max, { error: `年份不能晚于 ${workCalendarYearRange.max}` }),
});

/** One listed day of a year's table. */
export const calendarDaySchema = z.strictObject({
  date: z.string({ error: "请填写日期" }).refine(isCalendarDate, { error: "日期应为 YYYY-MM-DD" }),
  kind: z.enum(calendarDayKinds, { error: "类型应为休息（holiday）或调休上班（workday）" }),
  name: z
    .string({ error: "请填写节日名称" })
    .trim()
    .min(1, { error: "请填写节日名称" })
    .max(20, { error: "节日名称不能超过 20 个字" }),
});

/** Body of `PUT /api/work-calendar/:year`: the year's whole table, with the version the editor saw (0 if none). */
export const workCalendarYearUpdateSchema = z.strictObject({
  days: z.array(calendarDaySchema).max(80, { error: "一年最多列出 80 天" }),
  version: versionSchema,
});
/** A year's table as the administrator saves it. */
export type WorkCalendarYearUpdateInput = z.infer<typeof workCalendarYearUpdateSchema>;

/** Where a year's table comes from: the bureau's own, the shipped official arrangement, or none (Monday–Friday). */
export const calendarYearSources = ["custom", "official", "none"] as const;

/** A year's table as the API returns it. */
export const workCalendarYearSchema = z.object({
  year: z.number().int(),
  source: z.enum(calendarYearSources),
  /** The State Council notice the shipped table comes from, when the project ships one for the year. */
  officialSource: z.string().nullable(),
  days: z.array(z.object({ date: z.string(), kind: z.enum(calendarDayKinds), name: z.string() })),
  /** 0 while the year has no table of the bureau's own. */
  version: z.number().int(),
  updatedAt: z.string().nullable(),
  /** The message to show when the year has no arrangement, else null. */
  missingMessage: z.string().nullable(),
  abilities: workCalendarAbilitiesSchema,
});
/** A year's table. */
export type WorkCalendarYear = z.infer<typeof workCalendarYearSchema>;

/** `GET /api/work-calendar`: the years with a table and the years that matter today but have none. */
export const workCalendarOverviewSchema = z.object({
  years: z.array(
    z.object({
      year: z.number().int(),
      source: z.enum(calendarYearSources),
      holidays: z.number().int(),
      workdays: z.number().int(),
    }),
  ),
  missing: z.array(z.object({ year: z.number().int(), message: z.string() })),
  abilities: workCalendarAbilitiesSchema,
});
/** The calendar overview. */
export type WorkCalendarOverview = z.infer<typeof workCalendarOverviewSchema>;
