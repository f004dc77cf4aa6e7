import { z } from "zod";
import { hasAnyRole, type PolicyActor } from "./actor.js";

/** What the actor may do with the bureau's working-day calendar: change a year's table. */
export const workCalendarAbilitiesSchema = z.object({ update: z.boolean() });
/** What the actor may do with the working-day calendar. */
export type WorkCalendarAbilities = z.infer<typeof workCalendarAbilitiesSchema>;

/** Every role reads the calendar (the 催办 settings warn of a missing year); administrators maintain it. */
export function workCalendarAbilities(actor: PolicyActor): WorkCalendarAbilities {
  return { update: hasAnyRole(actor, "admin") };
}

/** The calendar page is listed for the administrators who keep it and the 督查室 whose 催办 depend on it. */
export function canViewWorkCalendarPage(actor: PolicyActor): boolean {
  return hasAnyRole(actor, "admin", "supervisor");
}
