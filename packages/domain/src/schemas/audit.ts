import { z } from "zod";
import { limits } from "../limits.js";
import { auditAbilitiesSchema } from "../policies/audit.js";
import { idSchema, pageOf, pageQuerySchema } from "./common.js";
import { calendarDateSchema, lineText } from "./primitives.js";

/** Query of `GET /api/audit-logs`. Dates are Asia/Shanghai calendar dates. */
export const auditQuerySchema = pageQuerySchema.extend({
  actorId: idSchema.optional(),
  action: lineText().max(limits.searchMax).optional(),
  entity: lineText().max(limits.searchMax).optional(),
  q: lineText().max(limits.searchMax).optional(),
  from: calendarDateSchema.optional(),
  to: calendarDateSchema.optional(),
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

/** A page of `GET /api/audit-logs`, newest first; the log is read-only, readable only as `abilities.view` says. */
export const auditPageSchema = pageOf(auditEntrySchema, auditAbilitiesSchema);
/** A page of the audit log. */
export type AuditPage = z.infer<typeof auditPageSchema>;
