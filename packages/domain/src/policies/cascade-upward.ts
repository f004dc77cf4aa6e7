import { z } from "zod";
import { hasAnyRole, type PolicyActor } from "./actor.js";
import type { CascadeLinkStatus } from "./cascade.js";

/** What the actor may do with a received hand-down's upward reports（向上报送）. */
export const upwardReportAbilitiesSchema = z.object({ submit: z.boolean() });
/** What the actor may do with a received hand-down's upward reports. */
export type UpwardReportAbilities = z.infer<typeof upwardReportAbilitiesSchema>;

/** Who may send an upward report whatever the link's state: the subordinate's 督查室. */
export function upwardReportPermissions(actor: PolicyActor): UpwardReportAbilities {
  return { submit: hasAnyRole(actor, "supervisor") };
}

/** An upward report is sent on a linked hand-down only: before 关联 there is no own item to report on. */
export function upwardReportAbilities(
  actor: PolicyActor,
  link: { status: CascadeLinkStatus },
): UpwardReportAbilities {
  return { submit: upwardReportPermissions(actor).submit && link.status === "linked" };
}
