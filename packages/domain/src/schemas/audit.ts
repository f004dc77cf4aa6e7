import { z } from "zod";
import { auditActions, auditEntities } from "../audit-actions.js";
import { limits } from "../limits.js";
import { auditAbilitiesSchema } from "../policies/audit.js";
import { idSchema, pageOf, pageQuerySchema } from "./common.js";
import { calendarDateSchema, lineText } from "./primitives.js";

/** Query of `GET /api/audit-logs`. Dates are Asia/Shanghai calendar dates. */
export const auditQuerySchema = pageQuerySchema.extend({
  actorId: idSchema.optional(),
  action: z.enum(auditActions, { error: "请从列表中选择操作" }).optional(),
  entity: z.enum(auditEntities, { error: "请从列表中选择对象类型" }).optional(),
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
  /** The action's Chinese name, e.g. 复制计划 for `plan.copy`. */
  actionLabel: z.string(),
  entity: z.string(),
  /** The record kind's Chinese name, e.g. 计划. */
  entityLabel: z.string(),
  entityId: z.string().nullable(),
  /** What the record is called today (a plan's title, a file's name), or null when it has none or is gone. */
  entityTitle: z.string().nullable(),
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
