import { z } from "zod";
import { limits } from "../limits.js";
import { idSchema, pageQuerySchema } from "./common.js";

/** Query of `GET /api/audit-logs`. Dates are Asia/Shanghai calendar dates. */
export const auditQuerySchema = pageQuerySchema.extend({
  actorId: idSchema.optional(),
  action: z.string().trim().max(limits.searchMax).optional(),
  entity: z.string().trim().max(limits.searchMax).optional(),
  q: z.string().trim().max(limits.searchMax).optional(),
  from: z.iso.date({ error: "日期格式应为 YYYY-MM-DD" }).optional(),
  to: z.iso.date({ error: "日期格式应为 YYYY-MM-DD" }).optional(),
});
/** Audit list query. */
export type AuditQuery = z.infer<typeof auditQuerySchema>;

/** One audit log entry. */
export const auditEntrySchema = z.object({
  id: z.string(),
  actor: z.object({ id: z.string(), name: z.string() }).nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  summary: z.unknown(),
  ip: z.string().nullable(),
  createdAt: z.string(),
});
/** An audit entry. */
export type AuditEntry = z.infer<typeof auditEntrySchema>;
