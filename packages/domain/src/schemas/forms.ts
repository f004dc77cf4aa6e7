import { z } from "zod";
import {
  type FormAutoRound,
  type FormField,
  type FormRule,
  formFieldTypes,
  formRoundStatuses,
  formStatuses,
  formSubmissionStatuses,
} from "../forms.js";
import { limits } from "../limits.js";
import { formAbilitiesSchema, formListAbilitiesSchema, formRoundAbilitiesSchema } from "../policies/forms.js";
import { idSchema, pageOf, pageQuerySchema, refSchema, versionSchema } from "./common.js";
import { calendarDateSchema, lineText, multilineText } from "./primitives.js";

/** Bounds of a form's definition and of one submission's values. */
export const formLimits = {
  titleMax: 200,
  fieldsMax: 200,
  rulesMax: 100,
  labelMax: 100,
  keyMax: 40,
  optionsMax: 100,
  ruleMax: 500,
  decimalsMax: 6,
  textValueMax: limits.textMax,
  roundUnitsMax: 5000,
} as const;

const text = (error: string, max: number) =>
  lineText("应为文字")
    .min(1, { error })
    .max(max, { error: `不能超过 ${max} 个字符` });
const optionalText = (max: number) =>
  lineText("应为文字")
    .max(max, { error: `不能超过 ${max} 个字符` })
    .nullable()
    .optional();
const bound = z.number({ error: "应为数字" }).finite().nullable().optional();

/** A field key: stable once a round is sent, what formulas and history refer to (labels may change). */
export const formFieldKeySchema = z
  .string({ error: "应为文字" })
  .regex(/^[A-Za-z][A-Za-z0-9_]*$/, { error: "字段代码应以英文字母开头，只含字母、数字和下划线" })
  .max(formLimits.keyMax, { error: `字段代码不能超过 ${formLimits.keyMax} 个字符` });

/** One field of a form: its type, whether it is required, bounds, decimals, unit and options. */
export const formFieldSchema = z
  .strictObject({
    key: formFieldKeySchema,
    label: text("请填写字段名称", formLimits.labelMax),
    type: z.enum(formFieldTypes, { error: "字段类型不正确" }),
    required: z.boolean({ error: "应为是或否" }),
    min: bound,
    max: bound,
    decimals: z.number().int().min(0).max(formLimits.decimalsMax).nullable().optional(),
    unit: optionalText(20),
    options: z
      .array(text("选项不能为空", formLimits.labelMax))
      .max(formLimits.optionsMax)
      .nullable()
      .optional(),
    help: optionalText(500),
  })
  .superRefine((field, ctx) => {
    if (field.min != null && field.max != null && field.min > field.max)
      ctx.addIssue({ code: "custom", path: ["min"], message: "最小值不能大于最大值" });
    const choice = field.type === "choice" || field.type === "multi_choice";
    if (choice && (field.options?.length ?? 0) < 2)
      ctx.addIssue({ code: "custom", path: ["options"], message: "选择题请至少设置两个选项" });
    if (!choice && field.options?.length)
      ctx.addIssue({ code: "custom", path: ["options"], message: "只有单选、多选字段可以设置选项" });
    if (field.options && new Set(field.options).size !== field.options.length)
      ctx.addIssue({ code: "custom", path: ["options"], message: "选项不能重复" });
  }) satisfies z.ZodType<FormField>;

/** A cross-field rule: an expression over field labels (e.g. 公办在园幼儿数 <= 在园幼儿数) and the message shown when it fails. */
export const formRuleSchema = z.strictObject({
  source: text("请填写校验规则", formLimits.ruleMax),
  message: text("请填写规则不满足时的提示", formLimits.labelMax * 2),
}) satisfies z.ZodType<FormRule>;

/** A form's fields: at least one, keys and labels unique (formulas name fields by label). */
export const formFieldsSchema = z
  .array(formFieldSchema)
  .min(1, { error: "请至少添加一个字段" })
  .max(formLimits.fieldsMax, { error: `字段不能超过 ${formLimits.fieldsMax} 个` })
  .superRefine((fields, ctx) => {
    const keys = new Set<string>();
    const labels = new Set<string>();
    fields.forEach((field, i) => {
      if (keys.has(field.key))
        ctx.addIssue({ code: "custom", path: [i, "key"], message: `字段代码“${field.key}”重复` });
      if (labels.has(field.label))
        ctx.addIssue({ code: "custom", path: [i, "label"], message: `字段名称“${field.label}”重复` });
      keys.add(field.key);
      labels.add(field.label);
    });
  });

/** Bounds of the days after a cycle opens that an automatic round's deadline may be set to. */
export const autoRoundDaysMax = 366;

/** The deadline rule of "每个填报周期自动发放": the cycle's due date, or N days after the cycle is opened. */
export const formAutoRoundDeadlineSchema = z.discriminatedUnion(
  "kind",
  [
    z.strictObject({ kind: z.literal("cycle_due") }),
    z.strictObject({
      kind: z.literal("days_after_open"),
      days: z
        .number({ error: "应为天数" })
        .int({ error: "天数应为整数" })
        .min(0, { error: "天数不能为负" })
        .max(autoRoundDaysMax, { error: `天数不能超过 ${autoRoundDaysMax} 天` }),
    }),
  ],
  { error: "请选择截止日期的规则" },
);

/**
 * The standing setting "每个填报周期自动发放" of a form: when a reporting cycle of its plan is opened, a round
 * for that cycle goes to this audience (units and/or groups, as a round is sent) with this deadline rule.
 */
export const formAutoRoundSchema = z
  .strictObject({
    unitIds: z.array(idSchema).max(formLimits.roundUnitsMax).optional(),
    groupIds: z.array(idSchema).max(200).optional(),
    deadline: formAutoRoundDeadlineSchema,
  })
  .refine((v) => (v.unitIds?.length ?? 0) + (v.groupIds?.length ?? 0) > 0, {
    path: ["unitIds"],
    error: "自动发放须至少选择一个填报单位或单位分组",
  }) satisfies z.ZodType<FormAutoRound>;

const formBody = {
  title: text("请填写填报表名称", formLimits.titleMax),
  description: multilineText("应为文字").trim().max(limits.textMax).optional(),
  fields: formFieldsSchema,
  rules: z
    .array(formRuleSchema)
    .max(formLimits.rulesMax, { error: `校验规则不能超过 ${formLimits.rulesMax} 条` })
    .optional(),
  /**
   * The department that owns the form and reviews its submissions. The 督查室 and administrators pick one (or
   * none: their own form); a department's form is always its own.
   */
  ownerUnitId: idSchema.nullable().optional(),
  /** 每个填报周期自动发放; null (or absent) when rounds are only sent by hand. */
  autoRound: formAutoRoundSchema.nullable().optional(),
};

/** Body of `POST /api/plans/:id/forms`: a new draft form. */
export const formCreateSchema = z.strictObject(formBody);
/** A request to define a form. */
export type FormCreateInput = z.infer<typeof formCreateSchema>;

/** Body of `PUT /api/forms/:id`: the whole edited definition with the version it was edited from. */
export const formUpdateSchema = z.strictObject({ ...formBody, version: versionSchema });
/** An edit of a form. */
export type FormUpdateInput = z.infer<typeof formUpdateSchema>;

/** Body of `DELETE /api/forms/:id`, `POST /api/form-rounds/:id/close`, submit and approve: the version the user saw. */
export const formVersionSchema = z.strictObject({ version: versionSchema });
/** The version a user acts on. */
export type FormVersionInput = z.infer<typeof formVersionSchema>;

/** Body of `POST /api/forms/:id/rounds`: send the form to units, singly and/or by group, with a deadline. */
export const formRoundCreateSchema = z
  .strictObject({
    name: text("请填写批次名称", limits.nameMax),
    deadline: calendarDateSchema,
    unitIds: z.array(idSchema).max(formLimits.roundUnitsMax).optional(),
    groupIds: z.array(idSchema).max(200).optional(),
    cycleId: idSchema.nullable().optional(),
  })
  .refine((v) => (v.unitIds?.length ?? 0) + (v.groupIds?.length ?? 0) > 0, {
    path: ["unitIds"],
    error: "请至少选择一个填报单位或单位分组",
  });
/** A request to send a round. */
export type FormRoundCreateInput = z.infer<typeof formRoundCreateSchema>;

/** Query of `GET /api/plans/:id/forms`: archived forms are left out unless asked for. */
export const formListQuerySchema = pageQuerySchema.extend({
  includeArchived: z
    .enum(["true", "false"], { error: "应为 true 或 false" })
    .transform((v) => v === "true")
    .optional(),
});
/** Query of a plan's forms. */
export type FormListQuery = z.infer<typeof formListQuerySchema>;

/** Query of `GET /api/my/form-submissions`: the signed-in unit's submissions, optionally by status. */
export const mySubmissionsQuerySchema = pageQuerySchema.extend({
  status: z.enum(formSubmissionStatuses).optional(),
});
/** Query of the unit's submissions. */
export type MySubmissionsQuery = z.infer<typeof mySubmissionsQuerySchema>;

/** How many of a round's units stand where: what the "who has filled" view counts. */
export const formRoundCountsSchema = z.object({
  expected: z.number().int(),
  draft: z.number().int(),
  submitted: z.number().int(),
  returned: z.number().int(),
  approved: z.number().int(),
});
/** A round's counts. */
export type FormRoundCounts = z.infer<typeof formRoundCountsSchema>;

/** A round in a form's detail. */
export const formRoundSummarySchema = z.object({
  id: z.string(),
  formId: z.string(),
  name: z.string(),
  deadline: z.string(),
  cycleId: z.string().nullable(),
  status: z.enum(formRoundStatuses),
  closedAt: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
  counts: formRoundCountsSchema,
});
/** A round in a list. */
export type FormRoundSummary = z.infer<typeof formRoundSummarySchema>;

/** A form in a plan's list, without its fields. */
export const formSummarySchema = z.object({
  id: z.string(),
  planId: z.string(),
  title: z.string(),
  description: z.string(),
  status: z.enum(formStatuses),
  /** The department that owns it; null for the 督查室's own. */
  ownerUnit: refSchema.nullable(),
  fieldCount: z.number().int(),
  roundCount: z.number().int(),
  version: z.number().int(),
  updatedAt: z.string(),
  abilities: formAbilitiesSchema,
});
/** A form in a list. */
export type FormSummary = z.infer<typeof formSummarySchema>;

/** A field a computed indicator's formula uses: it cannot be deleted while the formula stands. */
export const formFieldUseSchema = z.object({
  fieldKey: z.string(),
  indicator: refSchema,
});
/** A field in use by a formula. */
export type FormFieldUse = z.infer<typeof formFieldUseSchema>;

/** One form: its definition, rounds (newest first) and the fields formulas use. */
export const formSchema = formSummarySchema.extend({
  fields: z.array(formFieldSchema),
  rules: z.array(formRuleSchema),
  rounds: z.array(formRoundSummarySchema),
  fieldsInUse: z.array(formFieldUseSchema),
  /** 每个填报周期自动发放, or null when rounds are only sent by hand. */
  autoRound: z
    .object({
      unitIds: z.array(z.string()).optional(),
      groupIds: z.array(z.string()).optional(),
      deadline: z.union([
        z.object({ kind: z.literal("cycle_due") }),
        z.object({ kind: z.literal("days_after_open"), days: z.number().int() }),
      ]),
    })
    .nullable(),
});
/** One form. */
export type Form = z.infer<typeof formSchema>;

/** `GET /api/plans/:id/forms`: a plan's forms, with whether the user may define one. */
export const formPageSchema = pageOf(formSummarySchema, formListAbilitiesSchema);
/** A page of forms. */
export type FormPage = z.infer<typeof formPageSchema>;

/** One audience unit's standing in a round（填报情况）: its submission's state, or missing. */
export const formRoundUnitSchema = z.object({
  unit: refSchema,
  submissionId: z.string(),
  status: z.enum(formSubmissionStatuses),
  late: z.boolean(),
  submittedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  /** Whether it was reminded（催报）today already. */
  urgedToday: z.boolean(),
});
/** One unit's standing in a round. */
export type FormRoundUnit = z.infer<typeof formRoundUnitSchema>;

/** `GET /api/form-rounds/:id`: the round, its form, and every audience unit's standing, missing ones first. */
export const formRoundSchema = formRoundSummarySchema.extend({
  form: z.object({ id: z.string(), title: z.string(), planId: z.string() }),
  units: z.array(formRoundUnitSchema),
  abilities: formRoundAbilitiesSchema,
});
/** One round with its 填报情况. */
export type FormRound = z.infer<typeof formRoundSchema>;

/** `POST /api/form-rounds/:id/urge`: how many missing units were reminded now, and how many already were today. */
export const formRoundUrgeResultSchema = z.object({
  /** Units that have not submitted（draft or returned）. */
  missing: z.number().int(),
  /** Units reminded by this request. */
  reminded: z.number().int(),
  /** Missing units not reminded again: already reminded today (or without a user to tell). */
  skipped: z.number().int(),
  /** A sentence for the sender saying what happened. */
  message: z.string(),
});
/** The answer of 催报. */
export type FormRoundUrgeResult = z.infer<typeof formRoundUrgeResultSchema>;
