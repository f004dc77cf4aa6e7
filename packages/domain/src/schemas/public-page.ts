import { z } from "zod";
import { planLevels } from "../plans.js";
import { nodeStatuses } from "../policies/tasks.js";
import { lightTallySchema, snapshotIndicatorSchema, snapshotLightSchema } from "../snapshots.js";
import { idSchema, versionSchema } from "./common.js";

/**
 * What the 督查室 publishes of a plan（政务公开）: the plan switch, and the sections, tasks and indicators marked
 * public. A public section publishes every task under it; an indicator shows only with a task that shows.
 */
export const publicSettingsInputSchema = z.object({
  public: z.boolean(),
  nodeIds: z.array(idSchema).max(2000),
  indicatorIds: z.array(idSchema).max(2000),
  version: versionSchema,
});
/** A change of what a plan publishes. */
export type PublicSettingsInput = z.infer<typeof publicSettingsInputSchema>;

/** The public settings of a plan as its page shows them, with the public address. */
export const publicSettingsSchema = z.object({
  planId: z.string(),
  public: z.boolean(),
  version: z.number().int(),
  /** The web path of the public page, e.g. /public/wafangdian/<plan id>. */
  path: z.string(),
  nodes: z.array(
    z.object({
      id: z.string(),
      parentId: z.string().nullable(),
      level: z.enum(planLevels),
      label: z.string().nullable(),
      title: z.string(),
      public: z.boolean(),
    }),
  ),
  indicators: z.array(
    z.object({ id: z.string(), nodeId: z.string(), name: z.string(), public: z.boolean() }),
  ),
  abilities: z.object({ edit: z.boolean() }),
});
/** A plan's public settings. */
export type PublicSettings = z.infer<typeof publicSettingsSchema>;

/** An indicator on the public page: target, value and coverage（已报 4/6）, nothing about who reported. */
export const publicIndicatorSchema = snapshotIndicatorSchema
  .omit({ indicatorId: true, nodeId: true })
  .extend({ id: z.string() });

/** A task on the public page. */
export const publicTaskSchema = z.object({
  id: z.string(),
  code: z.string().nullable(),
  title: z.string(),
  status: z.enum(nodeStatuses),
  light: snapshotLightSchema,
  progress: z.number(),
  expectedProgress: z.number(),
  dueDate: z.string(),
  indicators: z.array(publicIndicatorSchema),
});
/** A public task. */
export type PublicTask = z.infer<typeof publicTaskSchema>;

/** `GET /api/public/:tenantSlug/plans/:planId`: the published part of a plan as of its latest snapshot. */
export const publicPlanSchema = z.object({
  bureau: z.string(),
  plan: z.object({ id: z.string(), title: z.string(), year: z.number().int() }),
  /** The Shanghai day the figures are of. */
  asOf: z.string(),
  /** Over the public tasks only: their lights, progress weighted as the plan weighs tasks, mean 序时进度. */
  summary: z.object({
    taskCount: z.number().int(),
    tasks: lightTallySchema,
    progress: z.number(),
    expectedProgress: z.number(),
  }),
  sections: z.array(
    z.object({ id: z.string().nullable(), title: z.string().nullable(), tasks: z.array(publicTaskSchema) }),
  ),
});
/** The public page of a plan. */
export type PublicPlan = z.infer<typeof publicPlanSchema>;

/** Path parameters of the public page. */
export const publicPlanParamsSchema = z.object({
  tenantSlug: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/i, { error: "地址不正确" }),
  planId: idSchema,
});
