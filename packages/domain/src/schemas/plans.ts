import { z } from "zod";
import { limits } from "../limits.js";
import { aggregations, comparators, planImportStatuses, planKinds, planLevels } from "../plans.js";
import {
  pastYearModes,
  planAbilitiesSchema,
  planImportAbilitiesSchema,
  planListAbilitiesSchema,
  planStatuses,
} from "../policies/plans.js";
import { type NodeStatus, nodeStatuses, type TaskAbilities, taskAbilitiesSchema } from "../policies/tasks.js";
import {
  idSchema,
  noListAbilitiesSchema,
  pageOf,
  pageQuerySchema,
  refSchema,
  versionSchema,
} from "./common.js";
import { dateYears, lineText, multilineText, planDateSchema } from "./primitives.js";

const longText = multilineText().max(20_000, { error: "内容过长" });
const shortText = lineText().max(200, { error: "不能超过 200 个字符" });
const spanSchema = z.tuple([z.number().int().min(0), z.number().int().min(0)]).nullable();
const keySchema = lineText().min(1).max(64);
const yearSchema = z.number().int().min(dateYears.min).max(dateYears.max);

/** A target as reviewed before publishing. */
export const draftTargetSchema = z
  .strictObject({
    key: keySchema,
    text: longText,
    span: spanSchema,
    indicator: shortText.min(1, { error: "请填写指标名称" }),
    comparator: z.enum(comparators),
    value: z.number().finite(),
    valueMax: z.number().finite().nullable(),
    unit: lineText().max(20),
    deadline: planDateSchema.nullable(),
    hedge: lineText().max(10).nullable(),
  })
  .superRefine((t, ctx) => {
    if (t.comparator === "range" && (t.valueMax === null || t.valueMax <= t.value))
      ctx.addIssue({ code: "custom", path: ["valueMax"], message: "区间的上限须大于下限" });
    if (t.comparator !== "range" && t.valueMax !== null)
      ctx.addIssue({ code: "custom", path: ["valueMax"], message: "只有区间指标才有上限" });
  });
/** A reviewed target. */
export type DraftTarget = z.infer<typeof draftTargetSchema>;

/** A milestone as reviewed before publishing. */
export const draftMilestoneSchema = z.strictObject({
  key: keySchema,
  text: longText,
  span: spanSchema,
  title: shortText.min(1, { error: "请填写节点名称" }),
  deadline: planDateSchema.nullable(),
  hedge: lineText().max(10).nullable(),
});
/** A reviewed milestone. */
export type DraftMilestone = z.infer<typeof draftMilestoneSchema>;

/** A measure as reviewed before publishing. */
export const draftMeasureSchema = z.strictObject({ key: keySchema, text: longText.min(1), span: spanSchema });
/** A reviewed measure. */
export type DraftMeasure = z.infer<typeof draftMeasureSchema>;

const sourceSpanSchema = z.tuple([z.number().int().min(0), z.number().int().min(0)]);
/** A row of a table in the source text: the table (an Excel sheet's name, or 表1 …), its row number, its span. */
export const draftRowRefSchema = z.strictObject({
  table: lineText().max(100),
  row: z.number().int().min(1),
  span: sourceSpanSchema,
});
/** Where a field was read: the node's own text, or a row of a table. */
export const draftFieldSourceSchema = z.discriminatedUnion("from", [
  z.strictObject({ from: z.literal("text"), span: sourceSpanSchema }),
  draftRowRefSchema.extend({ from: z.literal("table") }),
]);
/** The rows a node was read from, and where its owners and deadline came from (a 分解表 row or its text). */
export const draftSourcesSchema = z.strictObject({
  rows: z.array(draftRowRefSchema).max(200),
  owners: draftFieldSourceSchema.nullable(),
  deadline: draftFieldSourceSchema.nullable(),
});
/** A node's sources. */
export type DraftSources = z.infer<typeof draftSourcesSchema>;
/** A row of a table in the source text. */
export type DraftRowRef = z.infer<typeof draftRowRefSchema>;

/** A node of the reviewed tree. */
export interface DraftNode {
  key: string;
  level: (typeof planLevels)[number];
  label: string | null;
  number: number | null;
  title: string;
  text: string;
  span: [number, number] | null;
  measures: DraftMeasure[];
  targets: DraftTarget[];
  milestones: DraftMilestone[];
  ownersText: { lead: string[]; co: string[] } | null;
  leadUnitId: string | null;
  coUnitIds: string[];
  deadline: string | null;
  children: DraftNode[];
  /** Set when the node was read from a table or completed by one; absent for prose alone and for new nodes. */
  sources?: DraftSources | null;
}

/**
 * A node of the reviewed tree, recursively. A tree cannot be written inline, so the OpenAPI document names it
 * as the component `DraftNode` and refers to it.
 */
export const draftNodeSchema: z.ZodType<DraftNode> = z
  .lazy(() =>
    z.strictObject({
      key: keySchema,
      level: z.enum(planLevels),
      label: lineText().max(20).nullable(),
      number: z.number().int().nullable(),
      title: shortText.min(1, { error: "标题不能为空" }),
      text: longText,
      span: spanSchema,
      measures: z.array(draftMeasureSchema).max(200),
      targets: z.array(draftTargetSchema).max(100),
      milestones: z.array(draftMilestoneSchema).max(100),
      ownersText: z
        .strictObject({
          lead: z.array(lineText().max(100)).max(50),
          co: z.array(lineText().max(100)).max(50),
        })
        .nullable(),
      leadUnitId: idSchema.nullable(),
      coUnitIds: z.array(idSchema).max(200),
      deadline: planDateSchema.nullable(),
      children: z.array(draftNodeSchema).max(500),
      sources: draftSourcesSchema.nullable().optional(),
    }),
  )
  .meta({ id: "DraftNode" });

/** The whole reviewed plan: header fields and the tree. */
export const planDraftEditSchema = z.strictObject({
  title: lineText().min(1, { error: "请填写计划标题" }).max(200),
  issuer: lineText().max(limits.nameMax).nullable(),
  year: yearSchema,
  docNumber: lineText().max(100).nullable(),
  preamble: longText.nullable(),
  nodes: z.array(draftNodeSchema).min(1, { error: "计划至少要有一项内容" }).max(500),
});
/** The reviewed plan. */
export type PlanDraftEdit = z.infer<typeof planDraftEditSchema>;

/** Body of `POST /api/plan-imports` when text is pasted. */
export const planImportPasteSchema = z.strictObject({
  text: multilineText()
    .min(1, { error: "请粘贴工作要点全文" })
    .max(2_000_000, { error: "文本过长（上限 200 万字）" }),
  filename: lineText().max(200).optional(),
});
/** Pasted plan text. */
export type PlanImportPasteInput = z.infer<typeof planImportPasteSchema>;

/** Body of `PUT /api/plan-imports/:id`. */
export const planImportUpdateSchema = z.strictObject({ draft: planDraftEditSchema, version: versionSchema });
/** A reviewed draft to save. */
export type PlanImportUpdateInput = z.infer<typeof planImportUpdateSchema>;

/** Body of `POST /api/plan-imports/:id/publish`. */
export const planPublishSchema = z.strictObject({
  version: versionSchema,
  /** Publish even though the same document was published before. */
  allowDuplicate: z.boolean().optional(),
  /** For a plan whose year is over: keep it as a record (archived) or follow it up live; asked when missing. */
  pastYear: z.enum(pastYearModes).optional(),
});
/** Publish input. */
export type PlanPublishInput = z.infer<typeof planPublishSchema>;

/** The answer of a publish: the plan it made. */
export const planPublishResultSchema = z.object({ planId: z.string() });
/** Publish result. */
export type PlanPublishResult = z.infer<typeof planPublishResultSchema>;

/** An import under review, with the source text the spans point into. */
export const planImportSchema = z.object({
  id: z.string(),
  status: z.enum(planImportStatuses),
  kind: z.enum(planKinds),
  filename: z.string().nullable(),
  format: z.string(),
  sourceText: z.string(),
  draft: planDraftEditSchema,
  warnings: z.array(z.string()),
  duplicateOf: z.object({ kind: z.enum(["plan", "import"]), id: z.string(), title: z.string() }).nullable(),
  /**
   * Per task key, the dictionary's keywords of its lead unit that the task mentions (most mentioned first): why
   * the unit was suggested. Tasks whose lead the document names, or that have none, are left out.
   */
  leadKeywords: z.record(z.string(), z.array(z.string())),
  planId: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  abilities: planImportAbilitiesSchema,
});
/** An import under review. */
export type PlanImport = z.infer<typeof planImportSchema>;

/** A plan in lists. */
export const planSummarySchema = z.object({
  id: z.string(),
  year: z.number(),
  title: z.string(),
  issuer: z.string().nullable(),
  docNumber: z.string().nullable(),
  status: z.enum(planStatuses),
  /** A plan whose year is over, kept live (followed up with 催办 and automatic 督办单) by the bureau's choice. */
  livePastYear: z.boolean(),
  sectionCount: z.number(),
  taskCount: z.number(),
  indicatorCount: z.number(),
  milestoneCount: z.number(),
  publishedAt: z.string().nullable(),
  createdAt: z.string(),
  abilities: planAbilitiesSchema,
});
/** A plan in lists. */
export type PlanSummary = z.infer<typeof planSummarySchema>;

/** Query of `GET /api/plans`. */
export const planQuerySchema = pageQuerySchema.extend({
  year: z.coerce.number().int().min(dateYears.min).max(dateYears.max).optional(),
  q: lineText().max(limits.searchMax).optional(),
});
/** Plan list query. */
export type PlanQuery = z.infer<typeof planQuerySchema>;

/** A page of `GET /api/plans`, with the years that have plans (for the year picker). */
export const planPageSchema = pageOf(planSummarySchema, planListAbilitiesSchema).extend({
  years: z.array(z.number()),
});
/** A page of plans. */
export type PlanPage = z.infer<typeof planPageSchema>;

/** An import still under review, as `GET /api/plan-imports` lists it. */
export const pendingImportSchema = z.object({
  id: z.string(),
  title: z.string(),
  filename: z.string().nullable(),
  updatedAt: z.string(),
  abilities: planImportAbilitiesSchema,
});
/** An import under review, as listed. */
export type PendingImport = z.infer<typeof pendingImportSchema>;

/** A page of `GET /api/plan-imports`. */
export const pendingImportPageSchema = pageOf(pendingImportSchema, noListAbilitiesSchema);
/** A page of imports under review. */
export type PendingImportPage = z.infer<typeof pendingImportPageSchema>;

/** Body of `POST /api/plans/:id/copy`: the year the copy is for. */
export const planCopySchema = z.strictObject({ year: yearSchema });
/** Plan copy input. */
export type PlanCopyInput = z.infer<typeof planCopySchema>;

/** An indicator of a published plan. */
export const indicatorSchema = z.object({
  id: z.string(),
  name: z.string(),
  comparator: z.enum(comparators),
  targetValue: z.number(),
  targetMax: z.number().nullable(),
  unit: z.string(),
  deadline: z.string().nullable(),
  hedge: z.string().nullable(),
  aggregation: z.enum(aggregations),
  sourceText: z.string().nullable(),
  /** Aggregated from the latest approved value of each reporting unit; null before any. */
  actual: z.number().nullable(),
  /** How many of the units assigned this indicator have an approved value in (已报 1/6). */
  coverage: z.object({ reported: z.number().int(), expected: z.number().int() }),
  status: z.enum(["met", "on_track", "no_data", "at_risk", "missed"]),
});
/** An indicator. */
export type Indicator = z.infer<typeof indicatorSchema>;

/** A milestone of a published plan. */
export const milestoneSchema = z.object({
  id: z.string(),
  title: z.string(),
  deadline: z.string().nullable(),
  hedge: z.string().nullable(),
  sourceText: z.string().nullable(),
});
/** A milestone. */
export type Milestone = z.infer<typeof milestoneSchema>;

/** A node of a published plan with its items. */
export interface PlanTreeNode {
  id: string;
  level: (typeof planLevels)[number];
  label: string | null;
  number: number | null;
  title: string;
  text: string;
  span: [number, number] | null;
  leadUnit: { id: string; name: string } | null;
  coUnits: { id: string; name: string }[];
  deadline: string | null;
  startDate: string | null;
  dueDate: string | null;
  weight: number;
  progress: number;
  status: NodeStatus;
  light: "red" | "yellow" | "green" | "grey" | "blue" | null;
  lightCounts: Record<"red" | "yellow" | "green" | "grey" | "blue", number> | null;
  assignmentCount: number;
  version: number;
  measures: { id: string; text: string }[];
  indicators: Indicator[];
  milestones: Milestone[];
  children: PlanTreeNode[];
  abilities: TaskAbilities;
}

const lightSchema = z.enum(["red", "yellow", "green", "grey", "blue"]);
const lightCountsSchema = z.object({
  red: z.number(),
  yellow: z.number(),
  green: z.number(),
  grey: z.number(),
  blue: z.number(),
});

/** A node of a published plan, recursively; named `PlanTreeNode` in the OpenAPI document, as `DraftNode` is. */
export const planTreeNodeSchema: z.ZodType<PlanTreeNode> = z
  .lazy(() =>
    z.object({
      id: z.string(),
      level: z.enum(planLevels),
      label: z.string().nullable(),
      number: z.number().nullable(),
      title: z.string(),
      text: z.string(),
      span: z.tuple([z.number(), z.number()]).nullable(),
      leadUnit: refSchema.nullable(),
      coUnits: z.array(refSchema),
      deadline: z.string().nullable(),
      startDate: z.string().nullable(),
      dueDate: z.string().nullable(),
      weight: z.number(),
      progress: z.number(),
      status: z.enum(nodeStatuses),
      light: lightSchema.nullable(),
      lightCounts: lightCountsSchema.nullable(),
      assignmentCount: z.number(),
      version: z.number(),
      measures: z.array(z.object({ id: z.string(), text: z.string() })),
      indicators: z.array(indicatorSchema),
      milestones: z.array(milestoneSchema),
      children: z.array(planTreeNodeSchema),
      abilities: taskAbilitiesSchema,
    }),
  )
  .meta({ id: "PlanTreeNode" });

/** A published plan with its whole tree. */
export const planDetailSchema = planSummarySchema.extend({
  preamble: z.string().nullable(),
  cadence: z.string(),
  cadenceDueDay: z.number(),
  lightTolerance: z.number(),
  version: z.number(),
  light: lightSchema.nullable(),
  lightCounts: lightCountsSchema,
  hasSourceFile: z.boolean(),
  nodes: z.array(planTreeNodeSchema),
});
/** A published plan with its tree. */
export type PlanDetail = z.infer<typeof planDetailSchema>;
