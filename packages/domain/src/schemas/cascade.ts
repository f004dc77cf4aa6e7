/**
 * 上下联动: a superior bureau hands items of its plan down to its subordinate bureaus（下达）, each subordinate links
 * one to an item of its own plan（关联）, and the superior reads each county's state of it and the roll-up（汇总）.
 *
 * Routes (superior side: the 督查室 hands down, the 督查室 and leaders read):
 *   GET  /api/cascade/subordinates          the bureaus directly below the actor's
 *   POST /api/nodes/:id/hand-downs          hand a task, or one of its measures or indicators, down to chosen
 *                                           subordinates (idempotent per bureau and item)
 *   GET  /api/hand-downs?planId=            a page of the plan's hand-downs, each with its roll-up
 *   GET  /api/hand-downs/:id                one hand-down: every county's light, progress, summary, values, roll-up
 * Routes (subordinate side):
 *   GET  /api/cascade/inbox?status=         a page of what superiors handed down to the actor's bureau
 *   GET  /api/cascade/inbox/:id             one received hand-down
 *   POST /api/cascade/inbox/:id/link        关联: link to an own plan node, or create one from it
 *   POST /api/cascade/inbox/:id/return      退回 with a reason
 *   GET  /api/nodes/:id/requirements        the superiors' requirements linked to an own node
 * Setting a bureau's superior is the platform operator's (`duban tenant parent`), not an API route.
 */
import { z } from "zod";
import { limits } from "../limits.js";
import { comparators } from "../plans.js";
import {
  cascadeLinkAbilitiesSchema,
  cascadeLinkStatuses,
  cascadeListAbilitiesSchema,
} from "../policies/cascade.js";
import { cascadeRollups } from "../rules/cascade-rollup.js";
import { upwardReportBriefSchema } from "./cascade-upward.js";
import {
  idSchema,
  noListAbilitiesSchema,
  pageOf,
  pageQuerySchema,
  refSchema,
  versionSchema,
} from "./common.js";
import { multilineText } from "./primitives.js";

const lightSchema = z.enum(["red", "yellow", "green", "grey", "blue"]);

/** A bureau directly below the actor's. */
export const subordinateSchema = z.object({ id: z.string(), name: z.string(), code: z.string() });
/** A subordinate bureau. */
export type Subordinate = z.infer<typeof subordinateSchema>;
/** `GET /api/cascade/subordinates`. */
export const subordinatePageSchema = pageOf(subordinateSchema, cascadeListAbilitiesSchema);
/** The bureaus below the actor's. */
export type SubordinatePage = z.infer<typeof subordinatePageSchema>;

/** How one of the node's indicators is added up across counties, when not by its default. */
export const handDownRollupInputSchema = z.strictObject({
  indicatorId: idSchema,
  rollup: z.enum(cascadeRollups, { error: "汇总方式应为求和、比率或达标县数" }),
  /** For a ratio: the indicator of the same node whose county values weigh it. */
  baseIndicatorId: idSchema.nullable().default(null),
});

/** What of a node is handed down: the whole task, one of its measures（措施）or one of its indicators（指标）. */
export const handDownKinds = ["task", "measure", "indicator"] as const;
/** What of a node is handed down. */
export type HandDownKind = (typeof handDownKinds)[number];
/** The Chinese name of each kind of hand-down. */
export const handDownKindLabels = {
  task: "任务",
  measure: "措施",
  indicator: "指标",
} as const satisfies Record<HandDownKind, string>;

/**
 * Body of `POST /api/nodes/:id/hand-downs`: the subordinate bureaus, optionally one measure or one indicator of the
 * node instead of the whole task, and how targets add up.
 */
export const handDownCreateSchema = z
  .strictObject({
    tenantIds: z
      .array(idSchema)
      .min(1, { error: "请选择至少一个下级教育局" })
      .max(limits.pageSizeMax)
      .refine((ids) => new Set(ids).size === ids.length, { error: "下级教育局重复" }),
    measureId: idSchema.optional(),
    indicatorId: idSchema.optional(),
    rollups: z.array(handDownRollupInputSchema).max(limits.pageSizeMax).default([]),
  })
  .refine((v) => !(v.measureId && v.indicatorId), {
    path: ["indicatorId"],
    error: "一次只能下达一项措施或一项指标",
  });
/** Hand-down input as parsed. */
export type HandDownCreateInput = z.infer<typeof handDownCreateSchema>;
/** Hand-down input as a client sends it. */
export type HandDownCreateBody = z.input<typeof handDownCreateSchema>;

/** A target as handed down: the superior's indicator at that moment, and how counties' values add up. */
export const handDownTargetSchema = z.object({
  indicatorId: z.string().nullable(),
  name: z.string(),
  comparator: z.enum(comparators),
  value: z.number(),
  valueMax: z.number().nullable(),
  unit: z.string(),
  deadline: z.string().nullable(),
  rollup: z.enum(cascadeRollups),
  baseTarget: z.number().int().nullable(),
});
/** A handed-down target. */
export type HandDownTarget = z.infer<typeof handDownTargetSchema>;

/** The latest approved report on a county's linked item, as sent up: what was done, never who wrote it. */
export const upwardSummarySchema = z.object({
  cycle: z.string(),
  doneText: z.string(),
  approvedAt: z.string().nullable(),
});

/** One county's row under a hand-down, computed on read from its linked item. */
export const handDownCountySchema = z.object({
  tenant: refSchema,
  status: z.enum(cascadeLinkStatuses),
  returnReason: z.string().nullable(),
  linkedAt: z.string().nullable(),
  light: lightSchema.nullable(),
  progress: z.number().nullable(),
  summary: upwardSummarySchema.nullable(),
  /** The county's value per target, in the targets' order; null where it has none. */
  values: z.array(z.number().nullable()),
  /** The county's latest upward report（向上报送）on it, if it sent one. */
  upward: upwardReportBriefSchema.nullable(),
  /** The county's weight in the roll-up's progress, as the superior's 督查室 set it (1 unless set). */
  weight: z.number(),
});
/** A county's row. */
export type HandDownCounty = z.infer<typeof handDownCountySchema>;

/** The roll-up of a hand-down over its counties. */
export const handDownRollupSchema = z.object({
  light: lightSchema.nullable(),
  progress: z.number(),
  coverage: z.object({ reported: z.number().int(), expected: z.number().int() }),
  targets: z.array(z.object({ value: z.number().nullable(), reported: z.number().int() })),
});

/** A hand-down as its superior sees it. */
export const handDownSchema = z.object({
  id: z.string(),
  plan: z.object({ id: z.string(), title: z.string() }),
  node: z.object({ id: z.string(), label: z.string().nullable(), title: z.string() }),
  kind: z.enum(handDownKinds),
  title: z.string(),
  text: z.string(),
  dueDate: z.string().nullable(),
  targets: z.array(handDownTargetSchema),
  createdAt: z.string(),
  /** Moves with every change of the counties' weights. */
  version: z.number().int(),
  counties: z.array(handDownCountySchema),
  rollup: handDownRollupSchema,
});
/** A hand-down with its counties and roll-up. */
export type HandDown = z.infer<typeof handDownSchema>;

/** The largest weight a county can be given in a roll-up. */
export const countyWeightMax = 1000;

/**
 * Body of `PUT /api/hand-downs/:id/weights`: each county's weight in the roll-up's progress (a county left out
 * keeps its weight), against the hand-down's version.
 */
export const handDownWeightsSchema = z.strictObject({
  version: z.number({ error: "版本号必须是整数" }).int({ error: "版本号必须是整数" }).min(0),
  weights: z
    .array(
      z.strictObject({
        tenantId: idSchema,
        weight: z
          .number({ error: "权重必须是数字" })
          .min(0, { error: "权重不能小于 0" })
          .max(countyWeightMax, { error: `权重不能大于 ${countyWeightMax}` }),
      }),
    )
    .min(1, { error: "请至少设置一个县的权重" })
    .max(limits.pageSizeMax)
    .refine((ws) => new Set(ws.map((w) => w.tenantId)).size === ws.length, { error: "下级教育局重复" }),
});
/** Weights input as parsed. */
export type HandDownWeightsInput = z.infer<typeof handDownWeightsSchema>;

/** `GET /api/hand-downs`. */
export const handDownQuerySchema = pageQuerySchema.extend({ planId: idSchema });
/** Hand-down list query. */
export type HandDownQuery = z.infer<typeof handDownQuerySchema>;
/** A page of hand-downs. */
export const handDownPageSchema = pageOf(handDownSchema, cascadeListAbilitiesSchema);
/** A page of hand-downs. */
export type HandDownPage = z.infer<typeof handDownPageSchema>;

/** A hand-down as the subordinate bureau received it. */
export const receivedHandDownSchema = z.object({
  id: z.string(),
  from: refSchema,
  superiorNode: z.object({ label: z.string().nullable(), title: z.string() }),
  kind: z.enum(handDownKinds),
  title: z.string(),
  text: z.string(),
  dueDate: z.string().nullable(),
  targets: z.array(handDownTargetSchema),
  status: z.enum(cascadeLinkStatuses),
  returnReason: z.string().nullable(),
  linkedNode: z
    .object({ id: z.string(), planId: z.string(), label: z.string().nullable(), title: z.string() })
    .nullable(),
  handedAt: z.string(),
  version: z.number(),
  abilities: cascadeLinkAbilitiesSchema,
});
/** A received hand-down. */
export type ReceivedHandDown = z.infer<typeof receivedHandDownSchema>;

/** `GET /api/cascade/inbox`. */
export const inboxQuerySchema = pageQuerySchema.extend({
  status: z.enum(cascadeLinkStatuses, { error: "状态应为待接收、已关联或已退回" }).optional(),
});
/** Inbox query. */
export type InboxQuery = z.infer<typeof inboxQuerySchema>;
/** A page of received hand-downs. */
export const receivedHandDownPageSchema = pageOf(receivedHandDownSchema, noListAbilitiesSchema);
/** A page of received hand-downs. */
export type ReceivedHandDownPage = z.infer<typeof receivedHandDownPageSchema>;

/**
 * Body of `POST /api/cascade/inbox/:id/link`: an existing task or measure of an own published plan, or a new task
 * created from the hand-down (its text, targets and due date) under a section of an own plan.
 */
export const cascadeLinkSchema = z.union([
  z.strictObject({ version: versionSchema, nodeId: idSchema }),
  z.strictObject({
    version: versionSchema,
    create: z.strictObject({ planId: idSchema, parentId: idSchema.nullable().default(null) }),
  }),
]);
/** Link input as parsed. */
export type CascadeLinkInput = z.infer<typeof cascadeLinkSchema>;
/** Link input as a client sends it. */
export type CascadeLinkBody = z.input<typeof cascadeLinkSchema>;

/** Body of `POST /api/cascade/inbox/:id/return`. */
export const cascadeReturnSchema = z.strictObject({
  version: versionSchema,
  reason: multilineText().trim().min(1, { error: "请填写退回理由" }).max(limits.textMax),
});
/** Return input. */
export type CascadeReturnInput = z.infer<typeof cascadeReturnSchema>;

/** `GET /api/nodes/:id/requirements`: the superiors' hand-downs linked to the node. */
export const nodeRequirementPageSchema = pageOf(receivedHandDownSchema, noListAbilitiesSchema);
/** A node's superior requirements. */
export type NodeRequirementPage = z.infer<typeof nodeRequirementPageSchema>;
