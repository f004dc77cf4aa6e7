import { z } from "zod";
import { assignmentSchema, reportSchema } from "./execution.js";

/** This cycle's report of an assignment as 我的工作 lists it (the full report comes from the timeline). */
export const reportRefSchema = z.object({
  id: z.string(),
  assignmentId: z.string(),
  cycleId: z.string(),
  status: reportSchema.shape.status,
  version: z.number(),
  returnReason: z.string().nullable(),
});
/** A report as 我的工作 lists it. */
export type ReportRef = z.infer<typeof reportRefSchema>;

/** A report to write (or rewrite) in an open cycle. */
export const dueReportSchema = z.object({
  assignment: assignmentSchema,
  cycle: z.object({ id: z.string(), name: z.string(), dueDate: z.string() }),
  report: reportRefSchema.nullable(),
  returnReason: z.string().nullable().optional(),
});
/** A report to write. */
export type DueReport = z.infer<typeof dueReportSchema>;

/** A submitted report waiting for the actor's review. */
export const reviewItemSchema = z.object({
  reportId: z.string(),
  assignmentId: z.string(),
  unitName: z.string(),
  node: z.object({ id: z.string(), title: z.string(), number: z.number().nullable() }),
  cycleName: z.string(),
  cycleDue: z.string(),
  progress: z.number(),
  late: z.boolean(),
  submittedAt: z.string().nullable(),
});
/** A report to review. */
export type ReviewItem = z.infer<typeof reviewItemSchema>;

/** `GET /api/my-work`（我的工作）: what the signed-in user must do now, most urgent first. */
export const myWorkSchema = z.object({
  toAcknowledge: z.array(assignmentSchema),
  toReport: z.array(dueReportSchema),
  returned: z.array(dueReportSchema),
  toReview: z.array(reviewItemSchema),
});
/** 我的工作. */
export type MyWork = z.infer<typeof myWorkSchema>;

/** `GET /api/units/:id/assignments`: a unit and all its assignments, for the unit page. */
export const unitWorkSchema = z.object({
  unit: z.object({ id: z.string(), name: z.string(), kind: z.string() }),
  assignments: z.array(assignmentSchema),
});
/** A unit's assignments. */
export type UnitWork = z.infer<typeof unitWorkSchema>;
