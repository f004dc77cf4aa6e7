import type { Actor } from "../../http/context.js";
import { hasAnyRole } from "../../policy.js";

/** Bureau roles see the whole 督办台账; a school or inspector sees only its own unit's notices. */
export function canSeeNotice(actor: Actor, notice: { unitId: string }): boolean {
  return hasAnyRole(actor, "admin", "leader", "supervisor", "department") || isNoticeUnit(actor, notice);
}

/** Whether the actor sees every unit's notices rather than only its own. */
export function seesAllNotices(actor: Actor): boolean {
  return hasAnyRole(actor, "admin", "leader", "supervisor", "department");
}

/** The supervision office and bureau leaders raise notices by hand. */
export function canRaiseNotice(actor: Actor): boolean {
  return hasAnyRole(actor, "supervisor", "leader");
}

/** The unit a notice went to replies to it. */
export function isNoticeUnit(actor: Actor, notice: { unitId: string }): boolean {
  return !!actor.unitId && actor.unitId === notice.unitId;
}

/** Only the supervision office accepts a reply or sends it back. */
export function canDecideNotice(actor: Actor): boolean {
  return hasAnyRole(actor, "supervisor");
}

/** Who may download the ledger as a workbook. */
export function canExportNotices(actor: Actor): boolean {
  return hasAnyRole(actor, "supervisor", "leader", "admin");
}
