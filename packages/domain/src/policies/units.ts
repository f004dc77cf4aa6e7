import { z } from "zod";
import { hasAnyRole, type PolicyActor } from "./actor.js";
import { enabledRecordAbilities } from "./enabled.js";

/** What the actor may do with one unit: edit it, disable it, enable it again. */
export const unitAbilitiesSchema = z.object({
  update: z.boolean(),
  disable: z.boolean(),
  enable: z.boolean(),
});
/** What the actor may do with one unit. */
export type UnitAbilities = z.infer<typeof unitAbilitiesSchema>;

/** What the unit list offers the actor: create one, import a workbook. */
export const unitListAbilitiesSchema = z.object({ create: z.boolean(), import: z.boolean() });
/** What the unit list offers the actor. */
export type UnitListAbilities = z.infer<typeof unitListAbilitiesSchema>;

/** Who may list and read units. */
export function canViewUnits(actor: PolicyActor): boolean {
  return hasAnyRole(actor, "admin", "leader", "supervisor", "department", "inspector");
}

/** Who may create, edit, disable and import units. */
export function canManageUnits(actor: PolicyActor): boolean {
  return hasAnyRole(actor, "admin");
}

/** Who may act on a unit whatever its state (the server's 403). */
export function unitPermissions(actor: PolicyActor): UnitAbilities {
  const manage = canManageUnits(actor);
  return { update: manage, disable: manage, enable: manage };
}

/** What the actor may do with the unit now: an enabled unit may be disabled, a disabled one enabled. */
export function unitAbilities(actor: PolicyActor, unit: { enabled: boolean }): UnitAbilities {
  return enabledRecordAbilities(canManageUnits(actor), unit);
}

/** Administrators create and import units. */
export function unitListAbilities(actor: PolicyActor): UnitListAbilities {
  const manage = canManageUnits(actor);
  return { create: manage, import: manage };
}
