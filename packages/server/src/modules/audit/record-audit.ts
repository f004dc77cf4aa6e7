import type { AuditAction, AuditEntity } from "@duban/domain";
import type { DbOrTx } from "../../db/client.js";
import type { ServiceContext } from "../../http/context.js";
import { insertAudit } from "./audit.repository.js";

/** Records what the actor did, inside the caller's transaction. */
export function audit(
  ctx: ServiceContext,
  db: DbOrTx,
  event: { action: AuditAction; entity: AuditEntity; entityId?: string | null; summary?: unknown },
): Promise<void> {
  return insertAudit(db, {
    tenantId: ctx.actor.tenantId,
    actorId: ctx.actor.userId,
    actorName: ctx.actor.name,
    ip: ctx.ip,
    ...event,
  });
}
