import { z } from "zod";
import { hasAnyRole, nextStatus, type PolicyActor, type Transitions } from "./actor.js";

/** States of a 督查通报: a draft the 督查室 edits, then issued with its 文号 and frozen. */
export const bulletinStatuses = ["draft", "issued"] as const;
/** A bulletin state. */
export type BulletinStatus = (typeof bulletinStatuses)[number];
/** Chinese names of the states. */
export const bulletinStatusLabels: Record<BulletinStatus, string> = { draft: "草稿", issued: "已印发" };

/** What moves a bulletin: edit (a draft stays a draft), issue, delete (drafts only). */
export const bulletinActions = ["edit", "issue", "delete"] as const;
/** A bulletin action. */
export type BulletinAction = (typeof bulletinActions)[number];

/** An issued 通报 is final: its text and 文号 never change again, and it is never deleted. */
export const bulletinTransitions: Transitions<BulletinStatus, BulletinAction> = {
  draft: { edit: "draft", issue: "issued", delete: "draft" },
  issued: {},
};

/** The state an action leads to from `status`, or null when the action does not apply there. */
export function nextBulletinStatus(status: BulletinStatus, action: BulletinAction): BulletinStatus | null {
  return nextStatus(bulletinTransitions, status, action);
}

/** What the actor may do with one bulletin now. */
export const bulletinAbilitiesSchema = z.object({
  edit: z.boolean(),
  issue: z.boolean(),
  delete: z.boolean(),
});
/** What the actor may do with one bulletin. */
export type BulletinAbilities = z.infer<typeof bulletinAbilitiesSchema>;

/** What a plan's bulletin list offers the actor: draft a new one. */
export const bulletinListAbilitiesSchema = z.object({ create: z.boolean() });
/** What a plan's bulletin list offers the actor. */
export type BulletinListAbilities = z.infer<typeof bulletinListAbilitiesSchema>;

/** The parts of a bulletin its policy reads. */
export interface BulletinPolicySubject {
  status: BulletinStatus;
  namedUnitIds: readonly string[];
}

/** The 督查室 writes bulletins; leaders read every one, drafts included, to follow what is being prepared. */
export function seesAllBulletins(actor: PolicyActor): boolean {
  return hasAnyRole(actor, "leader", "supervisor");
}

/** Only the 督查室 drafts, edits and issues a 通报. */
export function canWriteBulletins(actor: PolicyActor): boolean {
  return hasAnyRole(actor, "supervisor");
}

/** A unit reads an issued 通报 that names it (红榜 or 通报批评); a draft stays inside the bureau's office. */
export function canSeeBulletin(actor: PolicyActor, bulletin: BulletinPolicySubject): boolean {
  if (seesAllBulletins(actor)) return true;
  return bulletin.status === "issued" && !!actor.unitId && bulletin.namedUnitIds.includes(actor.unitId);
}

/** The list's offers: the 督查室 drafts a new 通报. */
export function bulletinListAbilities(actor: PolicyActor): BulletinListAbilities {
  return { create: canWriteBulletins(actor) };
}

/** Who may act on a bulletin whatever its state (403 otherwise; the state is the transitions table's, 409). */
export function bulletinPermissions(actor: PolicyActor): BulletinAbilities {
  const may = canWriteBulletins(actor);
  return { edit: may, issue: may, delete: may };
}

/** What the actor may do with the bulletin now: permitted, and its state allows it. */
export function bulletinAbilities(actor: PolicyActor, bulletin: BulletinPolicySubject): BulletinAbilities {
  const may = bulletinPermissions(actor);
  return {
    edit: may.edit && nextBulletinStatus(bulletin.status, "edit") !== null,
    issue: may.issue && nextBulletinStatus(bulletin.status, "issue") !== null,
    delete: may.delete && nextBulletinStatus(bulletin.status, "delete") !== null,
  };
}
