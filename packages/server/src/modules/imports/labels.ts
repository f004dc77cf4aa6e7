import type { z } from "zod";

/** The code whose Chinese label is `text` (codes themselves are accepted too), or undefined. */
export function codeOfLabel<C extends string>(labels: Record<C, string>, text: string): C | undefined {
  const entries = Object.entries(labels) as [C, string][];
  return entries.find(([code, label]) => label === text || code === text)?.[0];
}

/** The labels a column accepts, for messages and the 说明 sheet. */
export function labelList(labels: Record<string, string>): string {
  return Object.values(labels).join("、");
}

/** Turns zod issues into Chinese reasons that name the Excel column. */
export function issueReasons(error: z.ZodError, columnOf: Record<string, string>): string[] {
  return error.issues.map((issue) => {
    const field = String(issue.path[0] ?? "");
    return `${columnOf[field] ?? field}：${issue.message}`;
  });
}
