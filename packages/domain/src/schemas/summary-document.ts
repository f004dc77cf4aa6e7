import { z } from "zod";
import { dateYears } from "./primitives.js";

/** Query of `GET /api/plans/:id/summary-document`: the year whose approved reports it gathers (the plan's year by default). */
export const summaryDocumentQuerySchema = z.strictObject({
  year: z.coerce
    .number({ error: "年度应为数字" })
    .int({ error: "年度应为整数" })
    .min(dateYears.min, { error: `年度不能早于 ${dateYears.min} 年` })
    .max(dateYears.max, { error: `年度不能晚于 ${dateYears.max} 年` })
    .optional(),
});
/** Query of the 年度工作总结 draft. */
export type SummaryDocumentQuery = z.infer<typeof summaryDocumentQuerySchema>;
