import { ApiError } from "../../api/client";

/** A problem the server found in a submission: the field's key it names (null for a cross-field rule). */
export interface SubmissionIssue {
  field: string | null;
  message: string;
}

/**
 * The problems of a refused submission from the error's `details`: each either names a field (`field: key`, or
 * a zod `path` such as `values.f1`) or none (a cross-field rule, shown above the buttons).
 */
export function submissionIssues(error: unknown): SubmissionIssue[] {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return [];
  return (error.details as { field?: string | null; path?: string; message?: string }[]).map((d) => {
    const fromPath = /^values\.(.+)$/.exec(d.path ?? "")?.[1];
    return { field: d.field ?? fromPath ?? null, message: d.message ?? "填写有误" };
  });
}
