/**
 * The 考评 API's bodies and answers. Routes (server module `assessments`):
 * - `GET  /api/plans/:id/assessment-scheme` → `AssessmentSchemeView` (the default scheme until one is saved)
 * - `PUT  /api/plans/:id/assessment-scheme` `{ scheme, version }` → `AssessmentSchemeView` (409 stale or locked)
 * - `POST /api/plans/:id/assessment-scheme/copy` `{ fromPlanId, version }` → `AssessmentSchemeView` (last year's)
 * - `GET  /api/plans/:id/assessment-entries` / `POST` `{ unitId, itemKey, points, reason, fileIds }` → 201 /
 *   `POST /api/assessment-entries/:id/revoke` `{ reason }`
 * - `POST /api/plans/:id/assessments` `{ asOf, final }` → 201 `{ id }`; `GET /api/plans/:id/assessments` → list
 * - `GET  /api/assessments/:id` → `AssessmentView`; `DELETE /api/assessments/:id` (a trial run only)
 * - `GET  /api/assessments/:id/results` → a page `{ items, total, … }` (a unit's own row only for a school or department user)
 * - `POST /api/assessments/:id/adjustments` `{ unitId, itemKey, points, reason, version }` (draft only)
 * - `POST /api/assessments/:id/publish` `{ version }`; `POST /api/assessments/:id/finalise` `{ version }`
 * - `POST /api/assessments/:id/appeals` `{ reason, fileIds }` → 201; `GET /api/assessments/:id/appeals`
 * - `POST /api/assessment-appeals/:id/decision` `{ decision, reason, adjustment? }`
 * - `GET  /api/assessments/:id/results.xlsx`, `GET /api/assessments/:id/document` (.docx 考评结果通报)
 * - `GET  /api/plans/:id/summary-document` (.docx 年度工作总结 draft)
 */
import { z } from "zod";
import {
  assessmentAdjustmentSources,
  assessmentAppealStatuses,
  assessmentStatuses,
} from "../assessment/states.js";
import {
  type AssessmentCategory,
  type AssessmentItem,
  type AssessmentScheme,
  assessmentItemKinds,
  assessmentTieBreaks,
} from "../assessment/types.js";
import { schemeProblems } from "../assessment/validate.js";
import {
  assessmentAbilitiesSchema,
  assessmentEntryAbilitiesSchema,
  assessmentEntryListAbilitiesSchema,
} from "../policies/assessment.js";
import { schoolTypes } from "../units.js";
import { idSchema, noListAbilitiesSchema, pageOf, versionSchema } from "./common.js";
import { calendarDateSchema, lineText, multilineText } from "./primitives.js";

/** Bounds of a scheme and of the texts around it. */
export const assessmentLimits = {
  categoriesMax: 20,
  itemsMax: 30,
  bandsMax: 10,
  labelMax: 50,
  keyMax: 40,
  reasonMax: 2000,
  filesMax: 20,
  pointsMax: 1000,
  appealDaysMax: 60,
} as const;

const label = (error: string) =>
  lineText("应为文字")
    .min(1, { error })
    .max(assessmentLimits.labelMax, { error: `不能超过 ${assessmentLimits.labelMax} 个字符` });
const key = z
  .string({ error: "应为文字" })
  .regex(/^[A-Za-z][A-Za-z0-9_]*$/, { error: "代码应以英文字母开头，只含字母、数字和下划线" })
  .max(assessmentLimits.keyMax, { error: `代码不能超过 ${assessmentLimits.keyMax} 个字符` });
const points = z
  .number({ error: "应为数字" })
  .finite({ error: "应为数字" })
  .min(-assessmentLimits.pointsMax, { error: `不能小于 -${assessmentLimits.pointsMax}` })
  .max(assessmentLimits.pointsMax, { error: `不能超过 ${assessmentLimits.pointsMax}` });
const reason = multilineText("应为文字")
  .trim()
  .min(1, { error: "请填写理由" })
  .max(assessmentLimits.reasonMax, { error: `不能超过 ${assessmentLimits.reasonMax} 个字符` });
const fileIds = z
  .array(idSchema)
  .max(assessmentLimits.filesMax, { error: `附件不能超过 ${assessmentLimits.filesMax} 个` });

const itemBase = { key, label: label("请填写考评项名称"), points };
/** One scoring item; the kind decides its parameters. */
export const assessmentItemSchema = z.discriminatedUnion(
  "kind",
  [
    z.strictObject({
      ...itemBase,
      kind: z.literal("task_completion"),
      redPenalty: points,
      yellowPenalty: points,
    }),
    z.strictObject({
      ...itemBase,
      kind: z.literal("reporting"),
      lateCredit: points,
      missingPenalty: points.optional(),
    }),
    z.strictObject({
      ...itemBase,
      kind: z.literal("supervision"),
      levelPenalty: z.strictObject({ blue: points, yellow: points, red: points }),
      lateReplyPenalty: points,
      notFirstTimePenalty: points,
    }),
    z.strictObject({ ...itemBase, kind: z.literal("rectification") }),
    z.strictObject({ ...itemBase, kind: z.literal("indicators") }),
    z.strictObject({ ...itemBase, kind: z.literal("manual"), maxBonus: points, maxDeduction: points }),
    z.strictObject({ ...itemBase, kind: z.literal("veto") }),
  ],
  { error: `考评项类型应为 ${assessmentItemKinds.join(" / ")} 之一` },
) satisfies z.ZodType<AssessmentItem>;

/** A unit category with its items, grade bands and tie-breaks. */
export const assessmentCategorySchema = z.strictObject({
  key,
  label: label("请填写类别名称"),
  unitKind: z.enum(["department", "school"], { error: "类别应为科室或学校" }),
  schoolTypes: z.array(z.enum(schoolTypes, { error: "学校类型不正确" })).optional(),
  items: z
    .array(assessmentItemSchema)
    .min(1, { error: "请至少设置一个考评项" })
    .max(assessmentLimits.itemsMax, { error: `考评项不能超过 ${assessmentLimits.itemsMax} 个` }),
  bands: z
    .array(
      z.strictObject({
        grade: label("请填写等次名称"),
        min: points,
        quotaPercent: z.number({ error: "应为数字" }).optional(),
      }),
    )
    .min(1, { error: "请至少设置一个等次" })
    .max(assessmentLimits.bandsMax, { error: `等次不能超过 ${assessmentLimits.bandsMax} 个` }),
  tieBreaks: z.array(z.enum(assessmentTieBreaks, { error: "并列排序规则不正确" })),
}) satisfies z.ZodType<AssessmentCategory>;

/** A whole 考评方案, checked by `schemeProblems` (each problem names its field). */
export const assessmentSchemeSchema = z
  .strictObject({
    total: z
      .number({ error: "应为数字" })
      .positive({ error: "总分应大于 0" })
      .max(assessmentLimits.pointsMax, { error: `总分不能超过 ${assessmentLimits.pointsMax}` }),
    appealDays: z
      .number({ error: "应为整数" })
      .int({ error: "应为整数" })
      .min(1, { error: "申诉期至少 1 天" })
      .max(assessmentLimits.appealDaysMax, { error: `申诉期不能超过 ${assessmentLimits.appealDaysMax} 天` }),
    categories: z
      .array(assessmentCategorySchema)
      .min(1, { error: "请至少设置一个考评类别" })
      .max(assessmentLimits.categoriesMax, {
        error: `考评类别不能超过 ${assessmentLimits.categoriesMax} 个`,
      }),
  })
  .superRefine((scheme, ctx) => {
    for (const problem of schemeProblems(scheme))
      ctx.addIssue({ code: "custom", path: problem.path, message: problem.message });
  }) satisfies z.ZodType<AssessmentScheme>;

/** `PUT /api/plans/:id/assessment-scheme`. */
export const saveAssessmentSchemeSchema = z.strictObject({
  scheme: assessmentSchemeSchema,
  version: versionSchema,
});
/** Body of saving a scheme. */
export type SaveAssessmentSchemeInput = z.infer<typeof saveAssessmentSchemeSchema>;

/** `POST /api/plans/:id/assessment-scheme/copy`: take another plan's (last year's) scheme. */
export const copyAssessmentSchemeSchema = z.strictObject({ fromPlanId: idSchema, version: versionSchema });
/** Body of copying a scheme. */
export type CopyAssessmentSchemeInput = z.infer<typeof copyAssessmentSchemeSchema>;

/** A plan's scheme as the editor reads it. `version` 0 and `isDefault` until first saved. */
export const assessmentSchemeViewSchema = z.object({
  planId: z.string(),
  scheme: assessmentSchemeSchema,
  version: z.number().int(),
  isDefault: z.boolean(),
  lockedAt: z.string().nullable(),
  abilities: z.object({ edit: z.boolean(), run: z.boolean() }),
});
/** A plan's scheme as the editor reads it. */
export type AssessmentSchemeView = z.infer<typeof assessmentSchemeViewSchema>;

/** `POST /api/plans/:id/assessment-entries`: a 加分 / 扣分 / 一票否决 entry for a unit. */
export const createAssessmentEntrySchema = z.strictObject({
  unitId: idSchema,
  itemKey: key,
  points,
  reason,
  fileIds: fileIds.optional(),
});
/** Body of a manual entry. */
export type CreateAssessmentEntryInput = z.infer<typeof createAssessmentEntrySchema>;

/** `POST /api/assessment-entries/:id/revoke`. */
export const revokeAssessmentEntrySchema = z.strictObject({ reason });

/** `POST /api/plans/:id/assessments`: compute a run as of a day; `final` freezes the facts for publication. */
export const createAssessmentSchema = z.strictObject({
  asOf: calendarDateSchema,
  final: z.boolean({ error: "应为是或否" }),
});
/** Body of a run. */
export type CreateAssessmentInput = z.infer<typeof createAssessmentSchema>;

/** One run as listed and opened. */
export const assessmentViewSchema = z.object({
  id: z.string(),
  planId: z.string(),
  asOf: z.string(),
  final: z.boolean(),
  status: z.enum(assessmentStatuses),
  appealUntil: z.string().nullable(),
  publishedAt: z.string().nullable(),
  finalisedAt: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  unitCount: z.number().int(),
  pendingAppeals: z.number().int(),
  abilities: assessmentAbilitiesSchema,
});
/** One run. */
export type AssessmentView = z.infer<typeof assessmentViewSchema>;

const factSchema = z.object({
  text: z.string(),
  points: z.number().optional(),
  link: z
    .object({
      kind: z.enum(["task", "assignment", "report", "notice", "rectification", "indicator", "entry"]),
      id: z.string(),
    })
    .optional(),
});

/** One unit's result row with its explained breakdown. */
export const assessmentResultSchema = z.object({
  unitId: z.string(),
  unitName: z.string(),
  category: z.string(),
  categoryLabel: z.string(),
  total: z.number(),
  rank: z.number().int(),
  /** Units in the category, so a unit reads "第 3 名 / 共 12 所". */
  categorySize: z.number().int(),
  grade: z.string(),
  vetoed: z.boolean(),
  gradeNote: z.string().nullable(),
  breakdown: z.array(
    z.object({
      itemKey: z.string(),
      item: z.string(),
      kind: z.enum(assessmentItemKinds),
      points: z.number(),
      maxPoints: z.number(),
      facts: z.array(factSchema),
    }),
  ),
});
/** One unit's result row. */
export type AssessmentResultView = z.infer<typeof assessmentResultSchema>;

/** `GET /api/assessments/:id/results`: a page of rows in category order, then by rank. */
export const assessmentResultsSchema = pageOf(assessmentResultSchema, noListAbilitiesSchema);

/** `POST /api/assessments/:id/adjustments`: the 督查室 changes a unit's item by some points, with a reason. */
export const createAssessmentAdjustmentSchema = z.strictObject({
  unitId: idSchema,
  itemKey: key,
  points,
  reason,
  version: versionSchema,
});
/** Body of an adjustment. */
export type CreateAssessmentAdjustmentInput = z.infer<typeof createAssessmentAdjustmentSchema>;

/** One adjustment as listed under a run. */
export const assessmentAdjustmentViewSchema = z.object({
  id: z.string(),
  unitId: z.string(),
  itemKey: z.string(),
  points: z.number(),
  reason: z.string(),
  source: z.enum(assessmentAdjustmentSources),
  createdAt: z.string(),
});

/** `POST /api/assessments/:id/appeals`: a unit appeals its published result. */
export const createAssessmentAppealSchema = z.strictObject({ reason, fileIds: fileIds.optional() });
/** Body of an appeal. */
export type CreateAssessmentAppealInput = z.infer<typeof createAssessmentAppealSchema>;

/** `POST /api/assessment-appeals/:id/decision`: accept (with the points it changes) or reject, with a reason. */
export const decideAssessmentAppealSchema = z.discriminatedUnion(
  "decision",
  [
    z.strictObject({
      decision: z.literal("accept"),
      reason,
      adjustment: z.strictObject({ itemKey: key, points }),
    }),
    z.strictObject({ decision: z.literal("reject"), reason }),
  ],
  { error: "处理结果应为采纳或不采纳" },
);
/** Body of an appeal decision. */
export type DecideAssessmentAppealInput = z.infer<typeof decideAssessmentAppealSchema>;

/** One appeal as the 督查室 and the appealing unit read it. */
export const assessmentAppealViewSchema = z.object({
  id: z.string(),
  assessmentId: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  reason: z.string(),
  fileIds: z.array(z.string()),
  status: z.enum(assessmentAppealStatuses),
  decisionReason: z.string().nullable(),
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
});
/** One appeal. */
export type AssessmentAppealView = z.infer<typeof assessmentAppealViewSchema>;

/** One manual entry as the entry list shows it. */
export const assessmentEntryViewSchema = z.object({
  id: z.string(),
  planId: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  itemKey: z.string(),
  points: z.number(),
  reason: z.string(),
  fileIds: z.array(z.string()),
  createdBy: z.object({ id: z.string(), name: z.string() }),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  revokeReason: z.string().nullable(),
  abilities: assessmentEntryAbilitiesSchema,
});
/** One manual entry. */
export type AssessmentEntryView = z.infer<typeof assessmentEntryViewSchema>;

/** `GET /api/plans/:id/assessment-entries`: every entry for the 督查室 and leaders, its own for a department. */
export const assessmentEntryListSchema = pageOf(
  assessmentEntryViewSchema,
  assessmentEntryListAbilitiesSchema,
);

/** `GET /api/plans/:id/assessments`: a plan's runs, newest first (a unit sees the published ones). */
export const assessmentListSchema = pageOf(assessmentViewSchema, z.object({ run: z.boolean() }));

/** `GET /api/assessments/:id/appeals`: every appeal for the 督查室 and leaders, its own for a unit. */
export const assessmentAppealListSchema = pageOf(assessmentAppealViewSchema, noListAbilitiesSchema);

/** `GET /api/assessments/:id/adjustments`: the run's adjustments in the order they were made. */
export const assessmentAdjustmentListSchema = pageOf(assessmentAdjustmentViewSchema, noListAbilitiesSchema);

/** Body of revoking an entry. */
export type RevokeAssessmentEntryInput = z.infer<typeof revokeAssessmentEntrySchema>;
