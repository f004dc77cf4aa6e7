import { z } from "zod";
import { limits } from "../limits.js";
import { inspectionAbilitiesSchema, inspectionListAbilitiesSchema } from "../policies/inspections.js";
import {
  instructionAbilitiesSchema,
  instructionListAbilitiesSchema,
  instructionStatusLabels,
} from "../policies/instructions.js";
import {
  rectificationAbilitiesSchema,
  rectificationLedgerAbilitiesSchema,
  rectificationStatuses,
} from "../policies/rectifications.js";
import { decisionSchema, idSchema, pageOf, pageQuerySchema, searchSchema, versionSchema } from "./common.js";
import { fileRefSchema } from "./execution.js";
import { calendarDateSchema, lineText, multilineText } from "./primitives.js";

/** Where a 整改 item came from. */
export const rectificationSources = ["inspection", "safety", "supervision", "manual"] as const;
/** A rectification source. */
export type RectificationSource = (typeof rectificationSources)[number];
/** Chinese labels of rectification sources, as the 整改台账 prints them. */
export const rectificationSourceLabels: Record<RectificationSource, string> = {
  inspection: "督导检查",
  safety: "安全隐患排查",
  supervision: "督办发现",
  manual: "手工录入",
};

/** A required free-text field with its own Chinese message. */
function requiredText(message: string, max: number = limits.textMax) {
  return multilineText(message).trim().min(1, { error: message }).max(max);
}

/** An optional person's name. */
const personSchema = lineText().max(limits.nameMax).nullable().optional();

/** Body of `POST /api/rectifications`. */
export const rectificationCreateSchema = z.strictObject({
  unitId: idSchema,
  problem: requiredText("请填写存在的问题"),
  requirement: requiredText("请填写整改要求"),
  deadline: calendarDateSchema,
  responsiblePerson: personSchema,
  source: z.enum(rectificationSources, { error: "来源应为督导检查、安全隐患排查、督办发现或手工录入" }),
  sourceId: idSchema.nullable().optional(),
});
/** Rectification create input. */
export type RectificationCreateInput = z.infer<typeof rectificationCreateSchema>;

/** Filters of the 整改台账, shared by the list and the export. */
export const rectificationFilterSchema = z.object({
  unitId: idSchema.optional(),
  source: z.enum(rectificationSources).optional(),
  status: z.enum(rectificationStatuses).optional(),
  overdue: z.enum(["true", "false"]).optional(),
  q: searchSchema,
});
/** Ledger filters. */
export type RectificationFilter = z.infer<typeof rectificationFilterSchema>;

/** Query of `GET /api/rectifications`. */
export const rectificationQuerySchema = pageQuerySchema.extend(rectificationFilterSchema.shape);
/** Ledger list query. */
export type RectificationQuery = z.infer<typeof rectificationQuerySchema>;

/** Body of `POST /api/rectifications/:id/submit`: the measures taken and evidence. */
export const rectificationSubmitSchema = z.strictObject({
  measures: requiredText("请填写整改措施", limits.textMax * 5),
  fileIds: z.array(idSchema).max(30).default([]),
  version: versionSchema,
});
/** Rectification submit input. */
export type RectificationSubmitInput = z.infer<typeof rectificationSubmitSchema>;
/** A rectification submit body as sent: `fileIds` may be left out. */
export type RectificationSubmitBody = z.input<typeof rectificationSubmitSchema>;

/** Body of `POST /api/rectifications/:id/verify`: 销号 or 退回 with a reason. */
export const rectificationVerifySchema = decisionSchema("accept", "return", "退回时请填写原因");
/** Rectification verify input. */
export type RectificationVerifyInput = z.infer<typeof rectificationVerifySchema>;

/** A 整改 item as the API returns it. */
export const rectificationSchema = z.object({
  id: z.string(),
  unit: z.object({ id: z.string(), name: z.string() }),
  problem: z.string(),
  requirement: z.string(),
  deadline: z.string(),
  responsiblePerson: z.string().nullable(),
  source: z.enum(rectificationSources),
  sourceId: z.string().nullable(),
  status: z.enum(rectificationStatuses),
  overdue: z.boolean(),
  measures: z.string().nullable(),
  files: z.array(fileRefSchema),
  submittedAt: z.string().nullable(),
  verifierId: z.string().nullable(),
  verifiedAt: z.string().nullable(),
  returnReason: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  version: z.number(),
  abilities: rectificationAbilitiesSchema,
});
/** A 整改 item. */
export type Rectification = z.infer<typeof rectificationSchema>;

/** A page of `GET /api/rectifications`. */
export const rectificationPageSchema = pageOf(rectificationSchema, rectificationLedgerAbilitiesSchema);
/** A page of the ledger. */
export type RectificationPage = z.infer<typeof rectificationPageSchema>;

/** Counts of the ledger by status, with overdue counted apart. */
export const rectificationCountsSchema = z.object({
  total: z.number(),
  open: z.number(),
  submitted: z.number(),
  accepted: z.number(),
  returned: z.number(),
  overdue: z.number(),
});
/** Counts by status, overdue apart. */
export type RectificationCounts = z.infer<typeof rectificationCountsSchema>;

/** `GET /api/rectifications/stats`: the ledger's counts in total, by unit and by source. */
export const rectificationStatsSchema = z.object({
  totals: rectificationCountsSchema,
  byUnit: z.array(rectificationCountsSchema.extend({ unit: z.object({ id: z.string(), name: z.string() }) })),
  bySource: z.array(rectificationCountsSchema.extend({ source: z.string(), label: z.string() })),
});
/** Ledger statistics. */
export type RectificationStats = z.infer<typeof rectificationStatsSchema>;

/** Body of `POST /api/inspections`: one 挂牌督导 visit and its findings. */
export const inspectionCreateSchema = z.strictObject({
  unitId: idSchema,
  visitDate: calendarDateSchema,
  kind: lineText("请填写督导类型").min(1, { error: "请填写督导类型" }).max(limits.nameMax),
  findings: z.array(z.strictObject({ text: requiredText("请填写发现的问题") })).max(100),
});
/** Inspection create input. */
export type InspectionCreateInput = z.infer<typeof inspectionCreateSchema>;

/** Query of `GET /api/inspections`. */
export const inspectionQuerySchema = pageQuerySchema.extend({ unitId: idSchema.optional() });
/** Inspection list query. */
export type InspectionQuery = z.infer<typeof inspectionQuerySchema>;

/** Body of `POST /api/inspections/:id/findings/:index/rectify`. */
export const findingRectifySchema = z.strictObject({
  requirement: requiredText("请填写整改要求"),
  deadline: calendarDateSchema,
  responsiblePerson: personSchema,
});
/** Finding → rectification input. */
export type FindingRectifyInput = z.infer<typeof findingRectifySchema>;

/** An inspection visit as the API returns it. */
export const inspectionSchema = z.object({
  id: z.string(),
  unit: z.object({ id: z.string(), name: z.string() }),
  inspectorId: z.string().nullable(),
  visitDate: z.string(),
  kind: z.string(),
  findings: z.array(
    z.object({ index: z.number(), text: z.string(), rectificationId: z.string().nullable() }),
  ),
  createdAt: z.string(),
  abilities: inspectionAbilitiesSchema,
});
/** An inspection visit. */
export type Inspection = z.infer<typeof inspectionSchema>;

/** A page of `GET /api/inspections`. */
export const inspectionPageSchema = pageOf(inspectionSchema, inspectionListAbilitiesSchema);
/** A page of visits. */
export type InspectionPage = z.infer<typeof inspectionPageSchema>;

/** What a 领导批示 may be written on. */
export const instructionEntities = ["plan_node", "report", "notice", "rectification"] as const;
/** What a 领导批示 is written on. */
export type InstructionEntity = (typeof instructionEntities)[number];

/** Body of `POST /api/instructions`. */
export const instructionCreateSchema = z.strictObject({
  entity: z.enum(instructionEntities, { error: "批示对象应为任务、反馈、督办单或整改事项" }),
  entityId: idSchema,
  unitId: idSchema.optional(),
  text: requiredText("请填写批示内容"),
});
/** Instruction create input. */
export type InstructionCreateInput = z.infer<typeof instructionCreateSchema>;

/** Query of `GET /api/instructions`: a page of the instructions on one item. */
export const instructionQuerySchema = pageQuerySchema.extend({
  entity: z.enum(instructionEntities),
  entityId: idSchema,
});
/** Item instructions query. */
export type InstructionQuery = z.infer<typeof instructionQuerySchema>;

/** A 领导批示 as the API returns it; `state` is 待签收 until the unit acknowledges it. */
export const instructionSchema = z.object({
  id: z.string(),
  leader: z.object({ id: z.string(), name: z.string() }),
  entity: z.enum(instructionEntities),
  entityId: z.string(),
  unit: z.object({ id: z.string(), name: z.string() }),
  text: z.string(),
  state: z.enum([instructionStatusLabels.pending, instructionStatusLabels.acknowledged]),
  acknowledgedAt: z.string().nullable(),
  createdAt: z.string(),
  abilities: instructionAbilitiesSchema,
});
/** A leader instruction. */
export type Instruction = z.infer<typeof instructionSchema>;

/** A page of `GET /api/instructions`: the instructions on one item. */
export const instructionPageSchema = pageOf(instructionSchema, instructionListAbilitiesSchema);
/** A page of an item's instructions. */
export type InstructionPage = z.infer<typeof instructionPageSchema>;

/** A page of `GET /api/instructions/mine`: a leader's own instructions. */
export const myInstructionPageSchema = pageOf(instructionSchema, instructionListAbilitiesSchema);
/** A page of a leader's own instructions. */
export type MyInstructionPage = z.infer<typeof myInstructionPageSchema>;
