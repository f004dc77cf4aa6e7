import { hasAnyRole as hasRole, type Role } from "@duban/domain";
import type { DbOrTx } from "./db/client.js";
import { forbidden } from "./errors.js";
import type { Actor, ServiceContext } from "./http/context.js";
import { insertAudit } from "./modules/audit/audit.repository.js";

/** Whether the actor holds any of the roles (the domain's rule, for modules that still check roles here). */
export function hasAnyRole(actor: Actor, ...roles: Role[]): boolean {
  return hasRole(actor, ...roles);
}

/** Throws 403 unless the actor holds one of the roles: for endpoints a role may not use at all. */
export function assertAnyRole(actor: Actor, ...roles: Role[]): void {
  if (!hasAnyRole(actor, ...roles)) throw forbidden("您的角色无权使用此功能");
}

/** Records what the actor did, inside the caller's transaction. */
export function audit(
  ctx: ServiceContext,
  db: DbOrTx,
  event: { action: string; entity: string; entityId?: string | null; summary?: unknown },
): Promise<void> {
  return insertAudit(db, {
    tenantId: ctx.actor.tenantId,
    actorId: ctx.actor.userId,
    actorName: ctx.actor.name,
    ip: ctx.ip,
    ...event,
  });
}
