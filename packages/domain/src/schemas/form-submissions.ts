/** A unit's submission of a form（填报）: the values it saves and submits, its review, and the answers about it. */
import { z } from "zod";
import { formRoundStatuses, formSubmissionActions, formSubmissionStatuses } from "../forms.js";
import { limits } from "../limits.js";
import { formSubmissionAbilitiesSchema } from "../policies/forms.js";
import { noListAbilitiesSchema, pageOf, refSchema, versionSchema } from "./common.js";
import {
  formFieldKeySchema,
  formFieldSchema,
  formLimits,
  formRuleSchema,
  formVersionSchema,
} from "./forms.js";
import { lineText, multilineText } from "./primitives.js";

/** One value of a submission: number, yes/no, text (choice, date, text, file id), several choices, or empty. */
export const formValueSchema = z.union([
  z.number().finite(),
  z.boolean(),
  multilineText("应为文字").max(formLimits.textValueMax, {
    error: `不能超过 ${formLimits.textValueMax} 个字符`,
  }),
  z.array(lineText("应为文字").max(formLimits.labelMax)).max(formLimits.optionsMax),
  z.null(),
]);

/** Stored values as the API answers them (no input normalisation). */
const storedValuesSchema = z.record(
  z.string(),
  z.union([z.number(), z.boolean(), z.string(), z.array(z.string()), z.null()]),
);

/** A submission's values by field key; each is checked against its field when saved and when submitted. */
export const formValuesSchema = z
  .record(formFieldKeySchema, formValueSchema)
  .refine((v) => Object.keys(v).length <= formLimits.fieldsMax, { error: "填写的字段过多" });

/** Body of `PUT /api/form-submissions/:id`: the values so far (a draft), with the version they were edited from. */
export const formSubmissionSaveSchema = z.strictObject({ values: formValuesSchema, version: versionSchema });
/** A save of a submission. */
export type FormSubmissionSaveInput = z.infer<typeof formSubmissionSaveSchema>;

/** Body of `POST /api/form-submissions/:id/submit` and `/approve`: the version the user saw. */
export const formSubmissionVersionSchema = formVersionSchema;
/** A version-only action on a submission. */
export type FormSubmissionVersionInput = z.infer<typeof formSubmissionVersionSchema>;

/** Body of `POST /api/form-submissions/:id/return`: why it goes back to the unit (required), with the version. */
export const formSubmissionReturnSchema = z.strictObject({
  version: versionSchema,
  reason: multilineText("应为文字")
    .trim()
    .min(1, { error: "请填写退回原因" })
    .max(limits.textMax, { error: `不能超过 ${limits.textMax} 个字符` }),
});
/** A return of a submission. */
export type FormSubmissionReturnInput = z.infer<typeof formSubmissionReturnSchema>;

/** A submission in a list: whose, for which round of which form, and its state. */
export const formSubmissionSummarySchema = z.object({
  id: z.string(),
  form: z.object({ id: z.string(), title: z.string(), planId: z.string() }),
  round: z.object({
    id: z.string(),
    name: z.string(),
    deadline: z.string(),
    status: z.enum(formRoundStatuses),
  }),
  unit: refSchema,
  status: z.enum(formSubmissionStatuses),
  late: z.boolean(),
  submittedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  returnReason: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
  abilities: formSubmissionAbilitiesSchema,
});
/** A submission in a list. */
export type FormSubmissionSummary = z.infer<typeof formSubmissionSummarySchema>;

/** One entry of a submission's history（填报记录）. */
export const formSubmissionEventSchema = z.object({
  id: z.number().int(),
  action: z.enum(formSubmissionActions),
  values: storedValuesSchema.nullable(),
  reason: z.string().nullable(),
  actor: refSchema.nullable(),
  at: z.string(),
});
/** One history entry. */
export type FormSubmissionEvent = z.infer<typeof formSubmissionEventSchema>;

/** `GET /api/form-submissions/:id`: the submission with its values, the form's fields and rules, and its history. */
export const formSubmissionSchema = formSubmissionSummarySchema.extend({
  values: storedValuesSchema,
  fields: z.array(formFieldSchema),
  rules: z.array(formRuleSchema),
  history: z.array(formSubmissionEventSchema),
});
/** One submission. */
export type FormSubmission = z.infer<typeof formSubmissionSchema>;

/** `GET /api/my/form-submissions`: a page of the signed-in unit's submissions, open rounds' first. */
export const formSubmissionPageSchema = pageOf(formSubmissionSummarySchema, noListAbilitiesSchema);
/** A page of submissions. */
export type FormSubmissionPage = z.infer<typeof formSubmissionPageSchema>;

/** One problem with a submission's values, as a 400's `details` lists them: the field's key (null: a cross-field rule). */
export const formValueIssueSchema = z.object({ field: z.string().nullable(), message: z.string() });
/** One problem with a submission's values. */
export type FormValueIssue = z.infer<typeof formValueIssueSchema>;
