import type { Actor } from "../../http/context.js";
import { hasAnyRole } from "../../policy.js";

/** Who sets a plan's 催办 settings: the supervision office and administrators; every role may read them. */
export function canManageReminderSettings(actor: Actor): boolean {
  return hasAnyRole(actor, "supervisor", "admin");
}
