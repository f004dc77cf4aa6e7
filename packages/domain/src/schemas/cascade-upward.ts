/**
 * 向上报送: the subordinate bureau's 督查室 sends its superior an upward report on a linked hand-down — a summary
 * it writes (prefilled from the linked item's latest approved reports), the item's approved progress and light at
 * that moment, and the evidence files it chooses among its approved reports' files on that item. Nothing else of
 * the subordinate's (drafts, people, other files) goes up.
 *
 * Routes (subordinate side: the 督查室 sends, the 督查室 and leaders read):
 *   GET  /api/cascade/inbox/:id/upward              the draft to start from, the files it may attach, reports sent
 *   POST /api/cascade/inbox/:id/upward-reports      send one (version: the latest report's the composer saw, 0: none)
 * Routes (superior side: the 督查室 and leaders read):
 *   GET  /api/hand-downs/:id/upward-reports?tenantId=  the counties' upward reports on a hand-down, newest first
 *   GET  /api/upward-reports/:id/files/:fileId     a file attached to an upward report, and no other
 */
import { z } from "zod";
import { limits } from "../limits.js";
import { upwardReportAbilitiesSchema } from "../policies/cascade-upward.js";
import {
  idSchema,
  noListAbilitiesSchema,
  pageOf,
  pageQuerySchema,
  refSchema,
  versionSchema,
} from "./common.js";
import { fileRefSchema } from "./execution.js";
import { multilineText } from "./primitives.js";

const lightSchema = z.enum(["red", "yellow", "green", "grey", "blue"]);

/** Most files one upward report carries. */
export const upwardReportFilesMax = 30;

/** Body of `POST /api/cascade/inbox/:id/upward-reports`. */
export const upwardReportCreateSchema = z.strictObject({
  /** The version of the latest upward report on the link the composer saw; 0 when there was none. */
  version: versionSchema,
  text: multilineText().trim().min(1, { error: "请填写报送内容" }).max(limits.textMax),
  fileIds: z
    .array(idSchema)
    .max(upwardReportFilesMax, { error: `一次最多报送${upwardReportFilesMax}个附件` })
    .refine((ids) => new Set(ids).size === ids.length, { error: "附件重复" })
    .default([]),
});
/** Upward report input as parsed. */
export type UpwardReportCreateInput = z.infer<typeof upwardReportCreateSchema>;
/** Upward report input as a client sends it. */
export type UpwardReportCreateBody = z.input<typeof upwardReportCreateSchema>;

/** An upward report as both bureaus read it: the county, what it wrote and chose, never who sent it. */
export const upwardReportSchema = z.object({
  id: z.string(),
  /** The subordinate bureau that sent it. */
  tenant: refSchema,
  /** 1 for a link's first upward report, then 2, 3, … */
  version: z.number().int(),
  text: z.string(),
  progress: z.number().nullable(),
  light: lightSchema.nullable(),
  files: z.array(fileRefSchema),
  submittedAt: z.string(),
});
/** An upward report. */
export type UpwardReport = z.infer<typeof upwardReportSchema>;

/** The latest upward report of a county on a hand-down, as the roll-up shows it. */
export const upwardReportBriefSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  text: z.string(),
  progress: z.number().nullable(),
  fileCount: z.number().int(),
  submittedAt: z.string(),
});
/** The roll-up's latest upward report of a county. */
export type UpwardReportBrief = z.infer<typeof upwardReportBriefSchema>;

/** A file the 督查室 may attach: an approved report's evidence on the linked item, with where it came from. */
export const upwardFileChoiceSchema = fileRefSchema.extend({
  report: z.object({ id: z.string(), cycle: z.string(), unit: z.string() }),
});
/** A file offered for an upward report. */
export type UpwardFileChoice = z.infer<typeof upwardFileChoiceSchema>;

/** `GET /api/cascade/inbox/:id/upward`: what to compose from, and what was sent. */
export const upwardComposeSchema = z.object({
  /** Null until the hand-down is linked to an own item. */
  draft: z
    .object({
      text: z.string(),
      progress: z.number().nullable(),
      light: lightSchema.nullable(),
      files: z.array(upwardFileChoiceSchema),
    })
    .nullable(),
  /** Upward reports sent on this hand-down, newest first. */
  reports: z.array(upwardReportSchema),
  /** The latest upward report's version (0 when none): the one to send with the next. */
  version: z.number().int(),
  abilities: upwardReportAbilitiesSchema,
});
/** What the upward report form starts from. */
export type UpwardCompose = z.infer<typeof upwardComposeSchema>;

/** `GET /api/hand-downs/:id/upward-reports`: optionally one county's. */
export const upwardReportQuerySchema = pageQuerySchema.extend({ tenantId: idSchema.optional() });
/** Upward report list query. */
export type UpwardReportQuery = z.infer<typeof upwardReportQuerySchema>;
/** A page of upward reports. */
export const upwardReportPageSchema = pageOf(upwardReportSchema, noListAbilitiesSchema);
/** A page of upward reports. */
export type UpwardReportPage = z.infer<typeof upwardReportPageSchema>;

/** Path of `GET /api/upward-reports/:id/files/:fileId`. */
export const upwardFileParamsSchema = z.object({ id: idSchema, fileId: idSchema });
