/** The check of one unit's submission: each value against its field, then the form's cross-field rules. */
import type { FormField, FormRule, FormValues } from "../forms.js";
import { ruleHolds } from "./evaluate.js";
import { isEmptyValue, isNumericField, isValidDate } from "./fields.js";
import { parse } from "./parse.js";
import type { SubmissionProblem } from "./types.js";

// The longest file id accepted; ids are short opaque strings, this only keeps junk out.
const maxFileIdLength = 200;

/** How strictly to check: a draft being saved may leave required fields empty and break rules until it is submitted. */
export interface CheckSubmissionOptions {
  draft?: boolean;
}

/**
 * Every problem of one submission: each value against its field, then each cross-field rule; [] when fine.
 * Values under keys the form does not have are the caller's to refuse（the API names them before calling）.
 */
export function checkSubmission(
  fields: FormField[],
  rules: FormRule[],
  values: FormValues,
  options: CheckSubmissionOptions = {},
): SubmissionProblem[] {
  const problems: SubmissionProblem[] = [];
  const valid: FormValues = {};
  for (const field of fields) {
    const value = values[field.key];
    const message = valueProblem(options.draft ? { ...field, required: false } : field, value);
    if (message !== null) problems.push({ field: field.key, message: `${field.label}：${message}` });
    // Rules see only values that passed, so a wrong value is reported once, by its field.
    else if (value !== undefined) valid[field.key] = value;
  }
  if (options.draft) return problems;
  for (const rule of rules) {
    const parsed = parse(rule.source, fields, "rule");
    if (!parsed.ok) {
      problems.push({
        field: null,
        message: `校验规则「${rule.source}」有误（${parsed.message}）：请联系表单管理员`,
      });
    } else if (!ruleHolds(parsed.ast, valid)) {
      problems.push({ field: null, message: rule.message });
    }
  }
  return problems;
}

/** What is wrong with one value of a field, or null. */
export function valueProblem(field: FormField, value: unknown): string | null {
  if (isEmptyValue(value)) return field.required ? "必填，请填写" : null;
  if (isNumericField(field)) return numberProblem(field, value);
  switch (field.type) {
    case "boolean":
      return typeof value === "boolean" ? null : "应为“是”或“否”";
    case "choice": {
      const options = field.options ?? [];
      return typeof value === "string" && options.includes(value)
        ? null
        : `只能选 ${options.join("、")} 之一`;
    }
    case "multi_choice":
      return choicesProblem(field, value);
    case "date":
      return typeof value === "string" && isValidDate(value) ? null : "应为日期，格式如 2023-06-01";
    case "text":
      return typeof value === "string" ? lengthProblem(field, [...value].length, "字") : "应为文字";
    case "file":
      return typeof value === "string" && value.length <= maxFileIdLength ? null : "应为已上传的附件";
    default:
      return "无法识别的字段类型";
  }
}

function numberProblem(field: FormField, value: unknown): string | null {
  if (typeof value !== "number" || !Number.isFinite(value)) return "应为数字";
  if (field.type === "integer" && !Number.isInteger(value)) return "应为整数";
  const decimals = field.decimals ?? null;
  if (field.type !== "integer" && decimals !== null && !hasAtMostDecimals(value, decimals)) {
    return decimals === 0 ? "应为整数" : `最多保留 ${decimals} 位小数`;
  }
  // A percentage lies within 0–100 unless the form sets its own bounds（an increase may exceed 100 %）.
  const min = field.min ?? (field.type === "percent" ? 0 : null);
  const max = field.max ?? (field.type === "percent" ? 100 : null);
  const unit = field.unit ?? (field.type === "percent" ? "%" : "");
  if ((min !== null && value < min) || (max !== null && value > max)) {
    if (min !== null && max !== null) return `应在 ${min}${unit} 到 ${max}${unit} 之间`;
    return min !== null ? `不能小于 ${min}${unit}` : `不能大于 ${max}${unit}`;
  }
  return null;
}

/** Whether a number is written with at most that many decimals（0.1 + 0.2 counts as 0.3）. */
export function hasAtMostDecimals(value: number, decimals: number): boolean {
  const scaled = value * 10 ** decimals;
  return Math.abs(scaled - Math.round(scaled)) <= 1e-9 * Math.max(1, Math.abs(scaled));
}

function choicesProblem(field: FormField, value: unknown): string | null {
  const options = field.options ?? [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== "string" || !options.includes(v))) {
    return `只能从 ${options.join("、")} 中选择`;
  }
  if (new Set(value).size !== value.length) return "同一选项只能选一次";
  return lengthProblem(field, value.length, "项");
}

function lengthProblem(field: FormField, length: number, unit: string): string | null {
  if (field.min != null && length < field.min) return `至少 ${field.min} ${unit}`;
  if (field.max != null && length > field.max) return `最多 ${field.max} ${unit}`;
  return null;
}
