import type { AssessmentItem, AssessmentItemKind, AssessmentScheme } from "@duban/domain";
import { ApiError } from "../../api/client";

/** Field errors of a scheme keyed by their dotted path inside the scheme (`categories.0.items.1.points`). */
export type SchemeErrors = Record<string, string>;

/** The 400 field issues of a save, keyed by their path inside the scheme; empty for any other error. */
export function schemeErrorsOf(error: unknown): SchemeErrors {
  if (!(error instanceof ApiError) || error.code !== "validation_failed" || !Array.isArray(error.details))
    return {};
  const errors: SchemeErrors = {};
  for (const issue of error.details as { path?: string; message?: string }[]) {
    if (!issue.path) continue;
    const path = issue.path.replace(/^scheme\.?/, "") || "(scheme)";
    errors[path] ??= issue.message ?? "输入有误";
  }
  return errors;
}

/** The issues of the errors that no field shows (e.g. a category's school types), as text lines. */
export function otherErrors(errors: SchemeErrors, shown: (path: string) => boolean): string[] {
  return Object.entries(errors)
    .filter(([path]) => !shown(path))
    .map(([path, message]) => `${path}：${message}`);
}

/** The sum of a category's scored items (manual and veto items do not count), exact to the hundredth. */
export function scoredSum(items: AssessmentItem[]): number {
  const hundredths = items
    .filter((item) => item.kind !== "manual" && item.kind !== "veto")
    .reduce((sum, item) => sum + Math.round(item.points * 100), 0);
  return hundredths / 100;
}

/** A fresh item of a kind with usable parameters, under a key no other item of the category has. */
export function newItem(kind: AssessmentItemKind, label: string, taken: string[]): AssessmentItem {
  let n = taken.length + 1;
  while (taken.includes(`${kind}_${n}`)) n++;
  const base = { key: `${kind}_${n}`, label, points: 0 };
  switch (kind) {
    case "task_completion":
      return { ...base, kind, redPenalty: 2, yellowPenalty: 1 };
    case "reporting":
      return { ...base, kind, lateCredit: 0.5, missingPenalty: 1 };
    case "supervision":
      return {
        ...base,
        kind,
        levelPenalty: { blue: 0.5, yellow: 1, red: 2 },
        lateReplyPenalty: 1,
        notFirstTimePenalty: 1,
      };
    case "manual":
      return { ...base, kind, maxBonus: 5, maxDeduction: 10 };
    default:
      return { ...base, kind };
  }
}

/** Replaces one category of a scheme. */
export function withCategory(
  scheme: AssessmentScheme,
  index: number,
  change: (category: AssessmentScheme["categories"][number]) => AssessmentScheme["categories"][number],
): AssessmentScheme {
  return {
    ...scheme,
    categories: scheme.categories.map((category, i) => (i === index ? change(category) : category)),
  };
}
