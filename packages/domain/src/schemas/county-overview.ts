/**
 * 县区总览: a superior bureau's view of its counties as units, over the items of one plan it handed down to them
 * (read only through its hand-downs and their links), and the 上级通报 written from it.
 *
 * Routes (superior side; the 督查室 and leaders of a bureau with subordinates):
 *   GET /api/cascade/overview?planId=                 each county's figures, ranked, and the plan-wide totals
 *   GET /api/cascade/bulletin-document?planId=&asOf=  the 上级通报 as a GB/T 9704 Word document
 */
import { z } from "zod";
import { lightColors } from "../rules/lights.js";
import { lightTallySchema } from "../snapshots.js";
import { idSchema, refSchema } from "./common.js";
import { calendarDateSchema } from "./primitives.js";

/** `GET /api/cascade/overview`. */
export const countyOverviewQuerySchema = z.strictObject({ planId: idSchema });
/** 县区总览 query. */
export type CountyOverviewQuery = z.infer<typeof countyOverviewQuerySchema>;

/** `GET /api/cascade/bulletin-document`: the plan and the day the 通报 stands for (today when left out). */
export const countyBulletinQuerySchema = z.strictObject({
  planId: idSchema,
  asOf: calendarDateSchema.optional(),
});
/** 上级通报 query. */
export type CountyBulletinQuery = z.infer<typeof countyBulletinQuerySchema>;

/** The figures of a county over the items handed down to it, or of the plan over every county. */
export const countyOverviewFiguresSchema = z.object({
  handedDown: z.number().int(),
  pending: z.number().int(),
  linked: z.number().int(),
  returned: z.number().int(),
  /** Worst light of the linked items; null when none shows one. */
  light: z.enum(lightColors).nullable(),
  lights: lightTallySchema,
  /** Mean progress over every item handed down: each weighs 1, one not linked counts 0. */
  progress: z.number(),
  /** Linked items showing red, and items still pending after the hand-down's due day. */
  overdue: z.number().int(),
  /** The latest approval of a report on a linked item, ISO 8601. */
  lastApprovedAt: z.string().nullable(),
  /** Handed-down targets given a value, of all targets handed down. */
  coverage: z.object({ reported: z.number().int(), expected: z.number().int() }),
});

/** A county's ranked row. */
export const countyOverviewRowSchema = countyOverviewFiguresSchema.extend({
  rank: z.number().int(),
  tenant: refSchema,
});

/** The 县区总览 of one plan. */
export const countyOverviewSchema = z.object({
  plan: z.object({ id: z.string(), title: z.string() }),
  /** The Shanghai day the figures stand for: today, computed live. */
  asOf: z.string(),
  /** How many of the plan's items were handed down (each to one or more counties). */
  itemCount: z.number().int(),
  counties: z.array(countyOverviewRowSchema),
  totals: countyOverviewFiguresSchema,
});
/** The 县区总览 of one plan. */
export type CountyOverview = z.infer<typeof countyOverviewSchema>;
