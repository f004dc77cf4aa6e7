import { z } from "zod";
import { hasAnyRole, type PolicyActor } from "./actor.js";
import { enabledRecordAbilities } from "./enabled.js";

/** What the actor may do with one group: edit it, disable it, enable it again. */
export const groupAbilitiesSchema = z.object({
  update: z.boolean(),
  disable: z.boolean(),
  enable: z.boolean(),
});
/** What the actor may do with one group. */
export type GroupAbilities = z.infer<typeof groupAbilitiesSchema>;

/** What the group list offers the actor: create one. */
export const groupListAbilitiesSchema = z.object({ create: z.boolean() });
/** What the group list offers the actor. */
export type GroupListAbilities = z.infer<typeof groupListAbilitiesSchema>;

/** Who may list and read unit groups (they pick groups when handing out tasks). */
export function canViewGroups(actor: PolicyActor): boolean {
  return hasAnyRole(actor, "admin", "leader", "supervisor", "department");
}

/** Who may create, edit, disable and preview unit groups. */
export function canManageGroups(actor: PolicyActor): boolean {
  return hasAnyRole(actor, "admin", "supervisor");
}

/** Who may act on a group whatever its state (the server's 403). */
export function groupPermissions(actor: PolicyActor): GroupAbilities {
  const manage = canManageGroups(actor);
  return { update: manage, disable: manage, enable: manage };
}

/** What the actor may do with the group now: an enabled group may be disabled, a disabled one enabled. */
export function groupAbilities(actor: PolicyActor, group: { enabled: boolean }): GroupAbilities {
  return enabledRecordAbilities(canManageGroups(actor), group);
}

/** Administrators and the supervision office create groups. */
export function groupListAbilities(actor: PolicyActor): GroupListAbilities {
  return { create: canManageGroups(actor) };
}
