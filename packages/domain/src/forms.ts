/**
 * 数据填报: the vocabulary of statistical forms（填报表）, their rounds（填报批次）and the units' submissions, shared by
 * the server's tables, the API schemas and the web.
 */

/** Types of a form field. */
export const formFieldTypes = [
  "integer",
  "decimal",
  "percent",
  "boolean",
  "choice",
  "multi_choice",
  "date",
  "text",
  "file",
] as const;
/** Type of a form field. */
export type FormFieldType = (typeof formFieldTypes)[number];

/** Chinese names of the field types. */
export const formFieldTypeLabels: Record<FormFieldType, string> = {
  integer: "整数",
  decimal: "小数",
  percent: "百分比",
  boolean: "是/否",
  choice: "单选",
  multi_choice: "多选",
  date: "日期",
  text: "文字",
  file: "附件",
};

/** Field types whose values are numbers: what sum / avg / min / max may aggregate. */
export const numericFormFieldTypes = [
  "integer",
  "decimal",
  "percent",
] as const satisfies readonly FormFieldType[];

/** One field of a form, as stored in `forms.fields`. `key` is stable (formulas refer to it); `label` may change. */
export interface FormField {
  key: string;
  label: string;
  type: FormFieldType;
  required: boolean;
  /** Bounds of a numeric field (inclusive), or of a text's length. */
  min?: number | null;
  max?: number | null;
  /** Decimal places of a decimal or percent field. */
  decimals?: number | null;
  /** Unit of a number（人、所、%）. */
  unit?: string | null;
  /** The options of a choice or multi_choice field. */
  options?: string[] | null;
  help?: string | null;
}

/** A cross-field rule of a form: an expression over one submission's fields that must hold, e.g. 公办在园幼儿数 <= 在园幼儿总数. */
export interface FormRule {
  /** The rule as written, with field labels. */
  source: string;
  /** What the unit is told when the rule does not hold. */
  message: string;
}

/** A submission's values by field key: number, boolean, string (choice, date, text), string[] (multi_choice), file id (file). */
export type FormValues = Record<string, number | boolean | string | string[] | null>;

/** States of a form: a draft is edited freely; once sent its fields' keys and types are fixed; archived forms take no new rounds. */
export const formStatuses = ["draft", "active", "archived"] as const;
/** A form state. */
export type FormStatus = (typeof formStatuses)[number];

/** States of a round（填报批次）: open while units fill it in; closed ends it (its data stays and counts as final). */
export const formRoundStatuses = ["open", "closed"] as const;
/** A round state. */
export type FormRoundStatus = (typeof formRoundStatuses)[number];

/** States of one unit's submission in a round; reviewed like a report, locked when approved. */
export const formSubmissionStatuses = ["draft", "submitted", "returned", "approved"] as const;
/** A submission state. */
export type FormSubmissionStatus = (typeof formSubmissionStatuses)[number];

/** Chinese names of the submission states. */
export const formSubmissionStatusLabels: Record<FormSubmissionStatus, string> = {
  draft: "未报送",
  submitted: "待审核",
  returned: "已退回",
  approved: "已通过",
};

/** What happened to a submission, as its history（填报记录）records it. */
export const formSubmissionActions = ["saved", "submitted", "returned", "approved", "imported"] as const;
/** A history action. */
export type FormSubmissionAction = (typeof formSubmissionActions)[number];

/**
 * Unit attributes a formula may filter by, from the unit register: kind (科室/学校), school type, ownership
 * (公办/民办/普惠性民办), 普惠 (public or 普惠性民办) and township.
 */
export const formulaUnitAttributes = ["kind", "schoolType", "ownership", "inclusive", "township"] as const;
/** A unit attribute a formula may filter by. */
export type FormulaUnitAttribute = (typeof formulaUnitAttributes)[number];

/**
 * How the deadline of a round sent automatically for a reporting cycle is set: the cycle's own 截止日期, or a
 * number of days after the day the cycle is opened.
 */
export type FormAutoRoundDeadline = { kind: "cycle_due" } | { kind: "days_after_open"; days: number };

/** A form's standing setting "每个填报周期自动发放": the audience every cycle's round goes to, and its deadline rule. */
export interface FormAutoRound {
  unitIds?: string[] | undefined;
  groupIds?: string[] | undefined;
  deadline: FormAutoRoundDeadline;
}
