import { z } from "zod";
import { formFieldTypes, formRoundStatuses } from "../forms.js";
import { limits } from "../limits.js";
import { indicatorFormulaAbilitiesSchema } from "../policies/indicator-formulas.js";
import { indicatorStatuses } from "../rules/indicator-status.js";
import { ownerships, schoolTypes, unitKinds } from "../units.js";
import { idSchema, noListAbilitiesSchema, pageOf, pageQuerySchema, versionSchema } from "./common.js";
import { lineText } from "./primitives.js";

/** Longest formula a user may write: a few aggregates with filters fit in a fraction of it. */
export const formulaSourceMax = 1000;

/**
 * Body of `PUT /api/indicators/:id/formula`: the form whose approved data the indicator is computed from and
 * the formula over its fields by label; `version` is the formula's version read, required when replacing one.
 */
export const indicatorFormulaPutSchema = z.strictObject({
  formId: idSchema,
  source: lineText()
    .min(1, { error: "请填写计算公式" })
    .max(formulaSourceMax, { error: `计算公式不能超过 ${formulaSourceMax} 个字符` }),
  version: versionSchema.optional(),
});
/** A formula as a client sends it. */
export type IndicatorFormulaPutInput = z.infer<typeof indicatorFormulaPutSchema>;

/** Query of `GET /api/indicators/:id/computed`: a page of the unit rows, sorted by unit name or a field's key. */
export const computedIndicatorQuerySchema = pageQuerySchema.extend({
  sort: z.string().max(limits.nameMax).optional(),
  order: z.enum(["asc", "desc"]).default("asc"),
});
/** Query of the computed indicator. */
export type ComputedIndicatorQuery = z.infer<typeof computedIndicatorQuerySchema>;

/** One value of a form field as stored and answered (the request side is `formValueSchema`). */
const storedValueSchema = z.union([z.number(), z.boolean(), z.string(), z.array(z.string()), z.null()]);

/** One unit's approved row behind a computed value: the unit, its register attributes and the fields used. */
export const computedRowSchema = z.object({
  unitId: z.string(),
  unitName: z.string(),
  kind: z.enum(unitKinds),
  schoolType: z.enum(schoolTypes).nullable(),
  ownership: z.enum(ownerships).nullable(),
  /** 普惠: public or 普惠性民办. */
  inclusive: z.boolean(),
  township: z.string().nullable(),
  /** The formula's fields by key. */
  values: z.record(z.string(), storedValueSchema),
});
/** One unit row of a computed indicator. */
export type ComputedRow = z.infer<typeof computedRowSchema>;

/** One point of a computed indicator's history: the value and coverage from a moment on. */
export const computedPointSchema = z.object({
  value: z.number().nullable(),
  reported: z.number().int(),
  expected: z.number().int(),
  at: z.string(),
});

/** The answer of `GET /api/indicators/:id/computed` (and of a successful PUT of its formula). */
export const computedIndicatorSchema = z.object({
  indicatorId: z.string(),
  /** The definition, or null when the indicator is still reported directly. */
  formula: z
    .object({
      formId: z.string(),
      formTitle: z.string(),
      source: z.string(),
      /** The formula read out in Chinese, as the task page shows it. */
      words: z.string(),
      version: z.number().int(),
    })
    .nullable(),
  /** Null when there is no data yet（无数据）. */
  value: z.number().nullable(),
  /** Why the value is null, e.g. 无数据. */
  reason: z.string().nullable(),
  /** Units with approved data in the form's latest round / units the round was sent to. */
  coverage: z.object({ reported: z.number().int(), expected: z.number().int() }),
  /** The form's latest round, whose approved submissions the value is computed from. */
  round: z
    .object({ id: z.string(), name: z.string(), deadline: z.string(), status: z.enum(formRoundStatuses) })
    .nullable(),
  status: z.enum(indicatorStatuses),
  /** The status in words: 已达成, or 进行中（已报 2/3） while units are still to report. */
  statusLabel: z.string(),
  history: z.array(computedPointSchema),
  /** The fields the formula uses, the columns of `rows`. */
  columns: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      type: z.enum(formFieldTypes),
      unit: z.string().nullable(),
    }),
  ),
  rows: pageOf(computedRowSchema, noListAbilitiesSchema),
  abilities: indicatorFormulaAbilitiesSchema,
});
/** A computed indicator as the task page shows it. */
export type ComputedIndicator = z.infer<typeof computedIndicatorSchema>;
