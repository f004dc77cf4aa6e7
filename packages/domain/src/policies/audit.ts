import { z } from "zod";
import { hasAnyRole, type PolicyActor } from "./actor.js";

/** What the actor may do with the audit log: read it (it is append-only, so nothing else). */
export const auditAbilitiesSchema = z.object({ view: z.boolean() });
/** What the actor may do with the audit log. */
export type AuditAbilities = z.infer<typeof auditAbilitiesSchema>;

/** Administrators read the tenant's audit log. */
export function auditAbilities(actor: PolicyActor): AuditAbilities {
  return { view: hasAnyRole(actor, "admin") };
}
