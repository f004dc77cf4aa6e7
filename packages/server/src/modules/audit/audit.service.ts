import {
  type AuditPage,
  type AuditQuery,
  auditAbilities,
  auditActionLabel,
  auditEntityLabel,
} from "@duban/domain";
import { authorize } from "../../http/authorize.js";
import type { ServiceContext } from "../../http/context.js";
import { findAuditLogs } from "./audit.repository.js";

/** A page of the tenant's audit log, for administrators. */
export async function findAuditPage(ctx: ServiceContext, query: AuditQuery): Promise<AuditPage> {
  const abilities = auditAbilities(ctx.actor);
  authorize(abilities, "view");
  const { rows, total } = await findAuditLogs(ctx.database.db, ctx.actor.tenantId, query);
  return {
    items: rows.map((r) => ({
      id: String(r.id),
      actor: r.actorId ? { id: r.actorId, name: r.actorName ?? "" } : null,
      action: r.action,
      actionLabel: auditActionLabel(r.action),
      entity: r.entity,
      entityLabel: auditEntityLabel(r.entity),
      entityId: r.entityId,
      entityTitle: r.entityTitle,
      summary: r.summary,
      ip: r.ip,
      createdAt: r.createdAt.toISOString(),
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
    abilities,
  };
}
