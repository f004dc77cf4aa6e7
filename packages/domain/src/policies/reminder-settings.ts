import { z } from "zod";
import { hasAnyRole, type PolicyActor } from "./actor.js";

/** What the actor may do with a plan's 催办 settings: change them. */
export const reminderSettingsAbilitiesSchema = z.object({ update: z.boolean() });
/** What the actor may do with a plan's 催办 settings. */
export type ReminderSettingsAbilities = z.infer<typeof reminderSettingsAbilitiesSchema>;

/** The supervision office and administrators set a plan's 催办 settings; every role may read them. */
export function reminderSettingsAbilities(actor: PolicyActor): ReminderSettingsAbilities {
  return { update: hasAnyRole(actor, "supervisor", "admin") };
}
