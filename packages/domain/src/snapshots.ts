import { z } from "zod";
import { aggregations, comparators } from "./plans.js";
import { assignmentRoles } from "./policies/assignments.js";
import { nodeStatuses } from "./policies/tasks.js";
import { indicatorStatuses } from "./rules/indicator-status.js";
import { type Light, lightColors } from "./rules/lights.js";
import { schoolTypes, unitKinds } from "./units.js";

/** A light as stored in a snapshot. */
export const snapshotLightSchema = z.enum(lightColors);

/** How many tasks, assignments … show each light. */
export const lightTallySchema = z.object({
  red: z.number().int(),
  yellow: z.number().int(),
  green: z.number().int(),
  grey: z.number().int(),
  blue: z.number().int(),
});
/** Counts by light. */
export type LightTally = z.infer<typeof lightTallySchema>;

/** A tally with every light at zero, to count into. */
export function emptyLightTally(): LightTally {
  return { red: 0, yellow: 0, green: 0, grey: 0, blue: 0 };
}

/** Adds one light to a tally, in place. */
export function countLight(tally: LightTally, light: Light): LightTally {
  tally[light] += 1;
  return tally;
}

/** Open 督办单 counted by level（蓝色提醒 / 黄色警示 / 红色督办）. */
export const noticeTallySchema = z.object({
  blue: z.number().int(),
  yellow: z.number().int(),
  red: z.number().int(),
});
/** Open 督办单 by level. */
export type NoticeTally = z.infer<typeof noticeTallySchema>;

/** Where a unit's report of the current cycle stands: in on time, in late, not in after the due day, or still due. */
export const reportStandings = ["on_time", "late", "missing", "pending"] as const;
/** Standing of one assignment's report in the current cycle. */
export type ReportStanding = (typeof reportStandings)[number];

/** A task or subtask on the day: its light, progress against 序时进度 and due date. */
export const snapshotTaskSchema = z.object({
  nodeId: z.string(),
  /** The number as the plan prints it (label, e.g. "（三）" or "5."), null when it has none. */
  code: z.string().nullable(),
  /** Position of the task in plan order, from 1: the order lists and the heat map show. */
  ordinal: z.number().int(),
  title: z.string(),
  /** The section（部分）the task belongs to; null for a task hung directly under the plan. */
  sectionId: z.string().nullable(),
  sectionTitle: z.string().nullable(),
  leadUnitId: z.string().nullable(),
  /** Its weight in roll-ups of progress. */
  weight: z.number(),
  status: z.enum(nodeStatuses),
  light: snapshotLightSchema,
  progress: z.number(),
  /** 序时进度 on the day, 0–100. */
  expectedProgress: z.number(),
  /** The day it is due (a coarse plan date resolved to its last day); the plan year's end without one. */
  dueDate: z.string(),
  /** Past its due day and not done. */
  overdue: z.boolean(),
});
/** A task in a snapshot. */
export type SnapshotTask = z.infer<typeof snapshotTaskSchema>;

/** One unit's assignment（交办）on the day. */
export const snapshotAssignmentSchema = z.object({
  assignmentId: z.string(),
  nodeId: z.string(),
  unitId: z.string(),
  role: z.enum(assignmentRoles),
  light: snapshotLightSchema,
  progress: z.number(),
  expectedProgress: z.number(),
  /** Its report of the current cycle; null when the plan has no cycle open or past. */
  report: z.enum(reportStandings).nullable(),
});
/** An assignment in a snapshot. */
export type SnapshotAssignment = z.infer<typeof snapshotAssignmentSchema>;

/** An indicator on the day: value, status and how many expected units reported it（已报 4/6）. */
export const snapshotIndicatorSchema = z.object({
  indicatorId: z.string(),
  nodeId: z.string(),
  name: z.string(),
  comparator: z.enum(comparators),
  target: z.number(),
  targetMax: z.number().nullable(),
  /** The unit of measure as the plan wrote it (%, 所, 人). */
  unit: z.string(),
  aggregation: z.enum(aggregations),
  value: z.number().nullable(),
  status: z.enum(indicatorStatuses),
  reported: z.number().int(),
  expected: z.number().int(),
});
/** An indicator in a snapshot. */
export type SnapshotIndicator = z.infer<typeof snapshotIndicatorSchema>;

/** A unit's standing on the day: its assignments, reports of the current cycle, 督办单 and 整改. */
export const snapshotUnitSchema = z.object({
  unitId: z.string(),
  name: z.string(),
  kind: z.enum(unitKinds),
  schoolType: z.enum(schoolTypes).nullable(),
  township: z.string().nullable(),
  assignments: lightTallySchema,
  reports: z.object({
    due: z.number().int(),
    onTime: z.number().int(),
    late: z.number().int(),
    missing: z.number().int(),
    /** Of those due, how many are approved（审核通过）; absent in days recorded before it was counted. */
    approved: z.number().int().optional(),
  }),
  /** Open 督办单 of this plan addressed to the unit, by level. */
  openNotices: noticeTallySchema,
  /** The unit's 整改 items not yet accepted, and how many of them are past their deadline. */
  openRectifications: z.number().int(),
  overdueRectifications: z.number().int(),
});
/** A unit in a snapshot. */
export type SnapshotUnit = z.infer<typeof snapshotUnitSchema>;

/** The plan's report cycle a snapshot counts reports in: the open one, else the last that started. */
export const snapshotCycleSchema = z.object({
  cycleId: z.string(),
  name: z.string(),
  startDate: z.string(),
  dueDate: z.string(),
});

/** Plan-wide totals of a snapshot. */
export const snapshotTotalsSchema = z.object({
  taskCount: z.number().int(),
  /** Tasks by light. */
  tasks: lightTallySchema,
  /** Assignments by light. */
  assignments: lightTallySchema,
  /** Weighted progress of the plan's tasks, as the plan page shows it. */
  progress: z.number(),
  /** Mean 序时进度 of the tasks on the day. */
  expectedProgress: z.number(),
  overdueTasks: z.number().int(),
  openNotices: noticeTallySchema,
  /** Mean days from raising a 督办单 to the unit's first reply, over those replied; null before any. */
  averageReplyDays: z.number().nullable(),
  overdueRectifications: z.number().int(),
  /** 领导批示 on this plan's tasks and reports not yet acknowledged by the unit. */
  unacknowledgedInstructions: z.number().int(),
});
/** Plan-wide totals. */
export type SnapshotTotals = z.infer<typeof snapshotTotalsSchema>;

/** A plan's state on one Shanghai day: what every chart, 通报 and ledger "as of" a date reads. */
export const planSnapshotSchema = z.object({
  planId: z.string(),
  /** The Shanghai calendar day, YYYY-MM-DD. */
  day: z.string(),
  /** The instant the state was computed, ISO 8601. */
  takenAt: z.string(),
  totals: snapshotTotalsSchema,
  cycle: snapshotCycleSchema.nullable(),
  tasks: z.array(snapshotTaskSchema),
  assignments: z.array(snapshotAssignmentSchema),
  indicators: z.array(snapshotIndicatorSchema),
  units: z.array(snapshotUnitSchema),
});
/** A plan's daily snapshot. */
export type PlanSnapshot = z.infer<typeof planSnapshotSchema>;

/** One point of a plan's trend: the totals of one snapshot day. */
export const snapshotTrendPointSchema = z.object({
  day: z.string(),
  progress: z.number(),
  expectedProgress: z.number(),
  tasks: lightTallySchema,
});
/** A trend point. */
export type SnapshotTrendPoint = z.infer<typeof snapshotTrendPointSchema>;
