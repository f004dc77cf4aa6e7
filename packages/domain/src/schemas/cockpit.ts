import { z } from "zod";
import { type Light, lightColors } from "../rules/lights.js";
import {
  lightTallySchema,
  noticeTallySchema,
  snapshotIndicatorSchema,
  snapshotLightSchema,
  snapshotTrendPointSchema,
} from "../snapshots.js";
import { schoolTypes, unitKinds } from "../units.js";
import { calendarDateSchema } from "./primitives.js";

/** Query of `GET /api/plans/:id/cockpit`: the day to read; today when left out. */
export const cockpitQuerySchema = z.strictObject({ asOf: calendarDateSchema.optional() });
/** Cockpit query. */
export type CockpitQuery = z.infer<typeof cockpitQuerySchema>;

/** Whose part of the plan the cockpit shows: all of it, one department's tasks, or one school's assignments. */
export const cockpitScopes = ["plan", "department", "school"] as const;
/** The scope of a cockpit. */
export type CockpitScope = (typeof cockpitScopes)[number];

/** A row of the by-section and by-department tables: lights, progress, overdue tasks and on-time reporting. */
export const cockpitGroupRowSchema = z.object({
  /** The section's node id, or the lead department's unit id (null for tasks without a lead). */
  id: z.string().nullable(),
  name: z.string(),
  /** Worst-of roll-up of the group's tasks; null when it has none. */
  light: snapshotLightSchema.nullable(),
  tasks: lightTallySchema,
  taskCount: z.number().int(),
  progress: z.number(),
  expectedProgress: z.number(),
  overdueTasks: z.number().int(),
  /** Reports of the current cycle in or past due (still-open ones not counted), and how many came in on time. */
  reportsDue: z.number().int(),
  reportsOnTime: z.number().int(),
  /** reportsOnTime / reportsDue · 100, rounded to one decimal; null when none was due. */
  onTimeRate: z.number().nullable(),
});
/** A by-section or by-department row. */
export type CockpitGroupRow = z.infer<typeof cockpitGroupRowSchema>;

/** The units × tasks heat map: columns (tasks), rows (units with what they are grouped by) and the lit cells. */
export const cockpitHeatmapSchema = z.object({
  tasks: z.array(
    z.object({
      nodeId: z.string(),
      code: z.string().nullable(),
      title: z.string(),
      sectionId: z.string().nullable(),
    }),
  ),
  units: z.array(
    z.object({
      unitId: z.string(),
      name: z.string(),
      kind: z.enum(unitKinds),
      schoolType: z.enum(schoolTypes).nullable(),
      township: z.string().nullable(),
    }),
  ),
  /**
   * The lit cells, column-wise: cell i is unit `units[unit[i]]` on task `tasks[task[i]]`, its light is the digit
   * `lights[i]` (an index into `lightColors`), its progress `progress[i]` and its assignment `assignmentIds[i]`.
   * One cell per unit and task; a unit with several assignments on a task shows the worst. Arrays instead of
   * one object per cell: 300 schools × 6 tasks are most of the answer otherwise.
   */
  cells: z.object({
    unit: z.array(z.number().int()),
    task: z.array(z.number().int()),
    lights: z.string().regex(/^[0-4]*$/),
    progress: z.array(z.number()),
    assignmentIds: z.array(z.string()),
  }),
  /** The townships and school types present, for the grouping and filter controls. */
  townships: z.array(z.string()),
  schoolTypes: z.array(z.enum(schoolTypes)),
});
/** The heat map. */
export type CockpitHeatmap = z.infer<typeof cockpitHeatmapSchema>;

/** One heat-map cell spelled out. */
export interface CockpitHeatmapCell {
  unitId: string;
  nodeId: string;
  assignmentId: string;
  light: Light;
  progress: number;
}

/** The heat map's cells spelled out, one object each, in the order of the answer. */
export function heatmapCells(heatmap: CockpitHeatmap): CockpitHeatmapCell[] {
  const { cells } = heatmap;
  return cells.assignmentIds.map((assignmentId, i) => ({
    unitId: heatmap.units[cells.unit[i]!]!.unitId,
    nodeId: heatmap.tasks[cells.task[i]!]!.nodeId,
    assignmentId,
    light: lightColors[Number(cells.lights[i])]!,
    progress: cells.progress[i]!,
  }));
}

/** An indicator with its value, target line, status and coverage（已报 4/6）. */
export const cockpitIndicatorSchema = snapshotIndicatorSchema.extend({ taskTitle: z.string() });
/** A cockpit indicator. */
export type CockpitIndicator = z.infer<typeof cockpitIndicatorSchema>;

/** 督办 figures of the plan (or the scope's part of it). */
export const cockpitSupervisionSchema = z.object({
  openNotices: noticeTallySchema,
  /** Plan-wide figures: null on a department's or school's cockpit, which sees only its units' counts. */
  averageReplyDays: z.number().nullable(),
  overdueRectifications: z.number().int(),
  unacknowledgedInstructions: z.number().int().nullable(),
});

/** Kinds of 需要关注 items: a red (or yellow) task, or a unit with reports missing. */
export const attentionKinds = ["task", "unit"] as const;

/**
 * One of the ten most urgent items, with what a one-click 督办 (`POST /api/notices`) needs: the task, and for a
 * unit the assignment its notice is raised on.
 */
export const cockpitAttentionSchema = z.object({
  kind: z.enum(attentionKinds),
  /** The task the 督办单 is raised on. */
  nodeId: z.string(),
  /** The unit addressed: the task's lead unit, or the unit with missing reports; null when a task has no lead. */
  unitId: z.string().nullable(),
  assignmentId: z.string().nullable(),
  title: z.string(),
  unitName: z.string().nullable(),
  light: snapshotLightSchema.nullable(),
  missingReports: z.number().int(),
  /** Why it is listed, in Chinese, e.g. "已逾期 12 天" or "缺报 3 项". */
  reason: z.string(),
});
/** A 需要关注 item. */
export type CockpitAttention = z.infer<typeof cockpitAttentionSchema>;

/** Everything the 领导驾驶舱 shows, in one answer of `GET /api/plans/:id/cockpit`. */
export const cockpitSchema = z.object({
  planId: z.string(),
  planTitle: z.string(),
  year: z.number().int(),
  /** The day the figures are of. */
  asOf: z.string(),
  /** "live" when computed now for today, "snapshot" when read from the recorded state of asOf (or the last before). */
  source: z.enum(["live", "snapshot"]),
  /** The day of the snapshot actually read (may be before asOf when that day was not recorded). */
  snapshotDay: z.string(),
  takenAt: z.string(),
  scope: z.object({
    kind: z.enum(cockpitScopes),
    unitId: z.string().nullable(),
    unitName: z.string().nullable(),
  }),
  completion: z.object({
    tasks: lightTallySchema,
    taskCount: z.number().int(),
    light: snapshotLightSchema.nullable(),
    progress: z.number(),
    expectedProgress: z.number(),
    overdueTasks: z.number().int(),
    assignments: lightTallySchema,
  }),
  /** Plan-wide totals of each recorded day up to asOf, oldest first, ending with asOf's own figures. */
  trend: z.array(snapshotTrendPointSchema),
  sections: z.array(cockpitGroupRowSchema),
  departments: z.array(cockpitGroupRowSchema),
  heatmap: cockpitHeatmapSchema,
  indicators: z.array(cockpitIndicatorSchema),
  supervision: cockpitSupervisionSchema,
  attention: z.array(cockpitAttentionSchema),
  abilities: z.object({ raiseNotices: z.boolean() }),
});
/** The cockpit. */
export type Cockpit = z.infer<typeof cockpitSchema>;
