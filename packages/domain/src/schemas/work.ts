import { z } from "zod";
import { reportStatuses } from "../policies/reports.js";
import { workItemKinds } from "../rules/work-items.js";
import { noListAbilitiesSchema, pageOf, pageQuerySchema } from "./common.js";
import { assignmentSchema } from "./execution.js";

/** One thing waiting for the signed-in user in 我的工作, with where it opens. */
export const workItemSchema = z.object({
  /** Unique within the list: the kind and the record's id (a report to write: the assignment and cycle). */
  key: z.string(),
  kind: z.enum(workItemKinds),
  /** The record the item is about: assignment, report, notice, instruction, 整改 item or 延期 request. */
  id: z.string(),
  /** What it is about, e.g. the task "9. 促进学前教育普及普惠发展" or the 整改 problem. */
  title: z.string(),
  /** A line of context: the cycle, the unit, the level, the reason a report came back. */
  detail: z.string(),
  /** The last day to act, `YYYY-MM-DD`; null when the item has no deadline. */
  due: z.string().nullable(),
  light: z.enum(["red", "yellow", "green", "grey"]),
  /** Days from today to the due date (negative once past it), by the server's clock; null without a date. */
  daysLeft: z.number().int().nullable(),
  /** The web path of the record. */
  link: z.string(),
  /** When it began waiting (ISO instant or date). */
  since: z.string(),
  /** For 待签收: the assignment, so the list can 签收 in place. */
  assignment: assignmentSchema.optional(),
});
/** An item of 我的工作. */
export type WorkItem = z.infer<typeof workItemSchema>;

/** `GET /api/my-work`（我的工作）: a page of everything waiting for the signed-in user, most urgent first. */
export const myWorkSchema = pageOf(workItemSchema, noListAbilitiesSchema);
/** 我的工作. */
export type MyWork = z.infer<typeof myWorkSchema>;

/** `GET /api/units/:id/assignments`: a unit and all its assignments, for the unit page. */
export const unitWorkSchema = z.object({
  unit: z.object({ id: z.string(), name: z.string(), kind: z.string() }),
  assignments: z.array(assignmentSchema),
});
/** A unit's assignments. */
export type UnitWork = z.infer<typeof unitWorkSchema>;

/** Query of `GET /api/nodes/:nodeId/reports`: a page of a task's reports across its units, by state if asked. */
export const nodeReportQuerySchema = pageQuerySchema.extend({
  status: z.enum(reportStatuses, { error: "状态应为草稿、已提交、已退回或已通过" }).optional(),
});
/** A task's report history query. */
export type NodeReportQuery = z.infer<typeof nodeReportQuerySchema>;
