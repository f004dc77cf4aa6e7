import { z } from "zod";
import { limits } from "../limits.js";
import { aggregations, comparators } from "../plans.js";
import { assignmentAbilitiesSchema, assignmentRoles, assignmentStatuses } from "../policies/assignments.js";
import { cycleAbilitiesSchema, cycleKinds, cycleStatuses } from "../policies/cycles.js";
import { reportAbilitiesSchema, reportStatuses } from "../policies/reports.js";
import { lightColors } from "../rules/lights.js";
import {
  decisionSchema,
  idSchema,
  noListAbilitiesSchema,
  pageOf,
  pageQuerySchema,
  searchSchema,
  versionSchema,
} from "./common.js";
import { calendarDateSchema, lineText, multilineText, planDateSchema } from "./primitives.js";

const reasonText = (message: string) => multilineText().trim().min(1, { error: message }).max(limits.textMax);
const reportText = () =>
  multilineText()
    .max(limits.textMax * 5)
    .default("");

/** Chinese labels of assignment roles. */
export const assignmentRoleLabels: Record<(typeof assignmentRoles)[number], string> = {
  lead: "牵头",
  co: "配合",
  executor: "承办",
};

/** Body of `POST /api/plans/:planId/nodes/:nodeId/assignments`: units one by one and/or whole groups. */
export const assignmentCreateSchema = z
  .strictObject({
    measureId: idSchema.nullable().optional(),
    unitIds: z.array(idSchema).max(2000).optional(),
    groupIds: z.array(idSchema).max(50).optional(),
    role: z.enum(assignmentRoles),
    responsiblePerson: lineText().max(limits.nameMax).nullable().optional(),
    dueDate: calendarDateSchema.nullable().optional(),
    indicatorIds: z.array(idSchema).max(100).optional(),
  })
  .refine((v) => (v.unitIds?.length ?? 0) + (v.groupIds?.length ?? 0) > 0, {
    path: ["unitIds"],
    error: "请至少选择一个单位或分组",
  });
/** Assignment create input. */
export type AssignmentCreateInput = z.infer<typeof assignmentCreateSchema>;

/** The answer of an assignment: how many units got one, and how many already had one. */
export const assignmentCreateResultSchema = z.object({ created: z.number(), skipped: z.number() });
/** Assignment create result. */
export type AssignmentCreateResult = z.infer<typeof assignmentCreateResultSchema>;

/** Body of `DELETE`-like removal: a reason is kept with the history. */
export const assignmentRemoveSchema = z.strictObject({
  reason: reasonText("请填写撤销原因"),
  version: versionSchema,
});
/** Assignment removal input. */
export type AssignmentRemoveInput = z.infer<typeof assignmentRemoveSchema>;

/** An assignment as the API returns it. */
export const assignmentSchema = z.object({
  id: z.string(),
  planId: z.string(),
  node: z.object({
    id: z.string(),
    title: z.string(),
    label: z.string().nullable(),
    number: z.number().nullable(),
  }),
  measure: z.object({ id: z.string(), text: z.string() }).nullable(),
  unit: z.object({ id: z.string(), name: z.string() }),
  role: z.enum(assignmentRoles),
  responsiblePerson: z.string().nullable(),
  dueDate: z.string().nullable(),
  status: z.enum(assignmentStatuses),
  acknowledgedAt: z.string().nullable(),
  progress: z.number(),
  light: z.string(),
  indicatorIds: z.array(z.string()),
  removedReason: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
  abilities: assignmentAbilitiesSchema,
});
/** An assignment. */
export type Assignment = z.infer<typeof assignmentSchema>;

/** What a user may do with a task's assignment list as a whole: 交办 to more units. */
export const assignmentListAbilitiesSchema = z.object({ create: z.boolean() });
/** Assignment list abilities. */
export type AssignmentListAbilities = z.infer<typeof assignmentListAbilitiesSchema>;

/**
 * Query of `GET /api/nodes/:nodeId/assignments`: one unit, a light (of active assignments: a withdrawn one shows
 * none), active or withdrawn, and a keyword in the unit's name or the 责任人.
 */
export const assignmentQuerySchema = pageQuerySchema.extend({
  unitId: idSchema.optional(),
  light: z.enum(lightColors, { error: "请从列表中选择亮灯" }).optional(),
  status: z.enum(assignmentStatuses, { error: "请从列表中选择状态" }).optional(),
  q: searchSchema,
});
/** A task's assignment list query. */
export type AssignmentQuery = z.infer<typeof assignmentQuerySchema>;

/** A page of `GET /api/nodes/:nodeId/assignments`, removed assignments included. */
export const assignmentPageSchema = pageOf(assignmentSchema, assignmentListAbilitiesSchema);
/** A page of a task's assignments. */
export type AssignmentPage = z.infer<typeof assignmentPageSchema>;

/** Reporting cadences: the kinds of cycle a plan opens. */
export const cadences = cycleKinds;

/** Body of `PUT /api/plans/:id/settings`. */
export const planSettingsSchema = z.strictObject({
  cadence: z.enum(cadences),
  cadenceDueDay: z.number().int().min(1).max(31),
  lightTolerance: z.number().int().min(0).max(100),
  version: versionSchema,
});
/** Plan settings input. */
export type PlanSettingsInput = z.infer<typeof planSettingsSchema>;

/** Body of `POST /api/plans/:id/cycles`: opens a cycle; name and dates default from the cadence. */
export const cycleCreateSchema = z.strictObject({
  name: lineText().min(1).max(limits.nameMax).optional(),
  startDate: calendarDateSchema.optional(),
  dueDate: calendarDateSchema.optional(),
});
/** Cycle create input. */
export type CycleCreateInput = z.infer<typeof cycleCreateSchema>;

/** A reporting cycle. */
export const cycleSchema = z.object({
  id: z.string(),
  planId: z.string(),
  name: z.string(),
  kind: z.enum(cadences),
  startDate: z.string(),
  dueDate: z.string(),
  status: z.enum(cycleStatuses),
  expected: z.number(),
  submitted: z.number(),
  approved: z.number(),
  version: z.number(),
  abilities: cycleAbilitiesSchema,
});
/** A reporting cycle with its counts. */
export type Cycle = z.infer<typeof cycleSchema>;

/** What a user may do with a plan's cycle list as a whole: open the next cycle. */
export const cycleListAbilitiesSchema = z.object({ open: z.boolean() });
/** Cycle list abilities. */
export type CycleListAbilities = z.infer<typeof cycleListAbilitiesSchema>;

/** A page of `GET /api/plans/:id/cycles`, newest first. */
export const cyclePageSchema = pageOf(cycleSchema, cycleListAbilitiesSchema);
/** A page of cycles. */
export type CyclePage = z.infer<typeof cyclePageSchema>;

/** Fields a unit fills in on a report. */
export const reportFieldsSchema = z.strictObject({
  progress: z
    .number({ error: "进度必须是数字" })
    .min(0, { error: "进度不能小于 0" })
    .max(100, { error: "进度不能大于 100" }),
  doneText: reportText(),
  problemsText: reportText(),
  nextText: reportText(),
  values: z
    .array(z.strictObject({ indicatorId: idSchema, value: z.number({ error: "指标值必须是数字" }).finite() }))
    .max(100)
    .default([]),
  fileIds: z.array(idSchema).max(30).default([]),
  /** Submit now, or keep as a draft. */
  submit: z.boolean().default(false),
});

/** Body of `POST /api/assignments/:id/reports`: this cycle's report, created or updated. */
export const reportSaveSchema = reportFieldsSchema.extend({
  cycleId: idSchema,
  version: versionSchema.optional(),
});
/** Report save input. */
export type ReportSaveInput = z.infer<typeof reportSaveSchema>;
/** A report save body as sent: texts, values, files and `submit` may be left out. */
export type ReportSaveBody = z.input<typeof reportSaveSchema>;

/** Body of `POST /api/reports/:id/review`. */
export const reportReviewSchema = decisionSchema("approve", "return", "退回时请填写原因");
/** Review input. */
export type ReportReviewInput = z.infer<typeof reportReviewSchema>;

/** A stored file's public face. */
export const fileRefSchema = z.object({
  id: z.string(),
  filename: z.string(),
  mime: z.string(),
  size: z.number(),
  previewable: z.boolean(),
});
/** A stored file. */
export type FileRef = z.infer<typeof fileRefSchema>;

/** A report with its values, files and history. */
export const reportSchema = z.object({
  id: z.string(),
  cycle: z.object({ id: z.string(), name: z.string(), dueDate: z.string(), status: z.enum(cycleStatuses) }),
  assignmentId: z.string(),
  unit: z.object({ id: z.string(), name: z.string() }),
  status: z.enum(reportStatuses),
  progress: z.number(),
  doneText: z.string(),
  problemsText: z.string(),
  nextText: z.string(),
  values: z.array(z.object({ indicatorId: z.string(), value: z.number() })),
  files: z.array(fileRefSchema),
  late: z.boolean(),
  submittedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  returnReason: z.string().nullable(),
  history: z.array(
    z.object({
      action: z.string(),
      reason: z.string().nullable(),
      actorName: z.string().nullable(),
      at: z.string(),
    }),
  ),
  version: z.number(),
  abilities: reportAbilitiesSchema,
});
/** A report. */
export type Report = z.infer<typeof reportSchema>;

/** A page of `GET /api/assignments/:id/reports`: the assignment's report timeline. */
export const reportPageSchema = pageOf(reportSchema, noListAbilitiesSchema);
/** A page of reports. */
export type ReportPage = z.infer<typeof reportPageSchema>;

/** Body of `PUT /api/plans/:planId/nodes/:nodeId`: 分解 edits after publishing, with why. */
export const nodeUpdateSchema = z.strictObject({
  title: lineText().min(1).max(200).optional(),
  startDate: calendarDateSchema.nullable().optional(),
  dueDate: calendarDateSchema.nullable().optional(),
  weight: z.number().min(0).max(1000).optional(),
  leadUnitId: idSchema.nullable().optional(),
  reason: reasonText("请说明修改原因"),
  version: versionSchema,
});
/** Task edit input. */
export type NodeUpdateInput = z.infer<typeof nodeUpdateSchema>;

/** Body for adding or editing an indicator after publishing. */
export const indicatorEditSchema = z.strictObject({
  name: lineText().min(1).max(200),
  comparator: z.enum(comparators),
  targetValue: z.number().finite(),
  targetMax: z.number().finite().nullable(),
  unit: lineText().max(20),
  deadline: planDateSchema.nullable(),
  aggregation: z.enum(aggregations),
  reason: reasonText("请说明修改原因"),
});
/** Indicator add/edit input. */
export type IndicatorEditInput = z.infer<typeof indicatorEditSchema>;

/** Body for adding a measure after publishing. */
export const measureCreateSchema = z.strictObject({
  text: multilineText().trim().min(1, { error: "请填写措施内容" }).max(limits.textMax),
  reason: reasonText("请说明修改原因"),
});
/** Measure add input. */
export type MeasureCreateInput = z.infer<typeof measureCreateSchema>;

/** Body for adding a milestone after publishing. */
export const milestoneCreateSchema = z.strictObject({
  title: lineText().min(1, { error: "请填写节点名称" }).max(200),
  deadline: calendarDateSchema.nullable(),
  reason: reasonText("请说明修改原因"),
});
/** Milestone add input. */
export type MilestoneCreateInput = z.infer<typeof milestoneCreateSchema>;

/** Body of `POST /api/nodes/:nodeId/close-request`（申请办结）. */
export const closeRequestSchema = z.strictObject({
  summary: multilineText()
    .trim()
    .min(1, { error: "请填写办结情况" })
    .max(limits.textMax * 5),
  fileIds: z.array(idSchema).max(30).default([]),
  version: versionSchema,
});
/** Close-out request input. */
export type CloseRequestInput = z.infer<typeof closeRequestSchema>;
/** A close-out request body as sent: `fileIds` may be left out. */
export type CloseRequestBody = z.input<typeof closeRequestSchema>;

/** Body of `POST /api/nodes/:nodeId/close-decision`（销号 or 退回）. */
export const closeDecisionSchema = decisionSchema("confirm", "return", "退回时请填写原因");
/** Close-out decision input. */
export type CloseDecisionInput = z.infer<typeof closeDecisionSchema>;

/** States of a close-out request（申请办结）. */
export const closureStatuses = ["requested", "confirmed", "returned"] as const;

/** A close-out request（申请办结）and the supervisor's decision on it. */
export const closureSchema = z.object({
  id: z.string(),
  status: z.enum(closureStatuses),
  summary: z.string(),
  files: z.array(fileRefSchema),
  requestedBy: z.string().nullable(),
  requestedAt: z.string(),
  decidedAt: z.string().nullable(),
  decisionReason: z.string().nullable(),
});
/** A close-out request. */
export type Closure = z.infer<typeof closureSchema>;

/** A page of `GET /api/nodes/:nodeId/closures`, newest first. */
export const closurePageSchema = pageOf(closureSchema, noListAbilitiesSchema);
/** A page of close-out requests. */
export type ClosurePage = z.infer<typeof closurePageSchema>;

/** One recorded change to a published plan. */
export const planChangeSchema = z.object({
  id: z.string(),
  entity: z.string(),
  entityId: z.string(),
  action: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  reason: z.string().nullable(),
  actorName: z.string().nullable(),
  at: z.string(),
});
/** One recorded change to a published plan. */
export type PlanChange = z.infer<typeof planChangeSchema>;

/** A page of `GET /api/plans/:id/changes`（变更记录）, oldest first. */
export const planChangePageSchema = pageOf(planChangeSchema, noListAbilitiesSchema);
/** A page of plan changes. */
export type PlanChangePage = z.infer<typeof planChangePageSchema>;
