import { z } from "zod";
import type { FormRoundStatus, FormStatus, FormSubmissionStatus } from "../forms.js";
import {
  bureauRoles,
  hasAnyRole,
  isOwnUnit,
  nextStatus,
  type PolicyActor,
  type Transitions,
} from "./actor.js";

/**
 * What moves a form: edit it, send a round of it (a draft becomes active), delete it (only while nothing was
 * sent), archive it when it is no longer collected, restore it.
 */
export const formActions = ["edit", "send", "delete", "archive", "restore"] as const;
/** A form action. */
export type FormAction = (typeof formActions)[number];

/**
 * From-status × action → to-status. Sending the first round makes a form active, after which its fields' keys
 * and types are fixed; an archived form takes no new rounds and is not edited.
 */
export const formTransitions: Transitions<FormStatus, FormAction> = {
  draft: { edit: "draft", send: "active", delete: "draft" },
  active: { edit: "active", send: "active", archive: "archived" },
  archived: { restore: "active" },
};

/** What can be done to a unit's submission: save, submit, and the form owner's approve or return. */
export const formSubmissionPolicyActions = ["save", "submit", "approve", "return"] as const;
/** An action on a submission. */
export type FormSubmissionPolicyAction = (typeof formSubmissionPolicyActions)[number];

/** From-status × action → to-status: like a report, a returned submission is corrected and submitted again; approval locks it. */
export const formSubmissionTransitions: Transitions<FormSubmissionStatus, FormSubmissionPolicyAction> = {
  draft: { save: "draft", submit: "submitted" },
  returned: { save: "returned", submit: "submitted" },
  submitted: { approve: "approved", return: "returned" },
  approved: {},
};

/** What a plan's form list offers the actor: define a new form. */
export const formListAbilitiesSchema = z.object({ create: z.boolean() });
/** What a plan's form list offers the actor. */
export type FormListAbilities = z.infer<typeof formListAbilitiesSchema>;

/** What the actor may do with one form now. */
export const formAbilitiesSchema = z.object({
  /** Change its title, fields and rules (on an active form, keys and types stay). */
  edit: z.boolean(),
  /** Send a new round to units（下发）. */
  send: z.boolean(),
  /** Delete it: only before any round was sent. */
  delete: z.boolean(),
  /** Approve or return its submissions, 催报 and close its rounds. */
  review: z.boolean(),
  /** Archive it: hidden from the list, no new rounds, its data kept. */
  archive: z.boolean(),
  /** Bring an archived form back into use. */
  restore: z.boolean(),
});
/** What the actor may do with one form. */
export type FormAbilities = z.infer<typeof formAbilitiesSchema>;

/** What the actor may do with one round now. */
export const formRoundAbilitiesSchema = z.object({
  /** 一键催报: remind every unit that has not submitted. */
  urge: z.boolean(),
  /** End the round: its data counts as final. */
  close: z.boolean(),
  /** Approve or return its submissions. */
  review: z.boolean(),
});
/** What the actor may do with one round. */
export type FormRoundAbilities = z.infer<typeof formRoundAbilitiesSchema>;

/** What the actor may do with one submission now. */
export const formSubmissionAbilitiesSchema = z.object({
  /** Change its values (saved as a draft). */
  edit: z.boolean(),
  /** Hand it in for review. */
  submit: z.boolean(),
  /** Approve it or return it with a reason. */
  review: z.boolean(),
});
/** What the actor may do with one submission. */
export type FormSubmissionAbilities = z.infer<typeof formSubmissionAbilitiesSchema>;

/** The parts of a form its policy reads. */
export interface FormPolicySubject {
  /** The department that owns the form; null for the 督查室's own forms. */
  ownerUnitId: string | null;
  status: FormStatus;
}

/** Who defines and sends any form of the tenant's plans, whoever owns it: the 督查室 and administrators. */
export function canManageAllForms(actor: PolicyActor): boolean {
  return hasAnyRole(actor, "supervisor", "admin");
}

/** Who may define a new form: the 督查室, administrators, and a department (for itself). */
export function canDefineForms(actor: PolicyActor): boolean {
  return canManageAllForms(actor) || (hasAnyRole(actor, "department") && !!actor.unitId);
}

/**
 * Who reads forms, rounds and every unit's submissions: the bureau's roles (leaders read, departments and the
 * 督查室 work with them). Units see only their own submissions, through those.
 */
export function canViewForms(actor: PolicyActor): boolean {
  return hasAnyRole(actor, ...bureauRoles);
}

/** Whether the actor manages this form: the 督查室 and administrators any form, a department the forms it owns. */
export function isFormManager(actor: PolicyActor, form: { ownerUnitId: string | null }): boolean {
  if (canManageAllForms(actor)) return true;
  return (
    hasAnyRole(actor, "department") &&
    form.ownerUnitId !== null &&
    isOwnUnit(actor, { unitId: form.ownerUnitId })
  );
}

/** Whether the actor may see a submission: the bureau's roles every one, a unit only its own (otherwise 404). */
export function canSeeFormSubmission(actor: PolicyActor, submission: { unitId: string }): boolean {
  return canViewForms(actor) || isOwnUnit(actor, submission);
}

/** The list's offers: define a new form. */
export function formListAbilities(actor: PolicyActor): FormListAbilities {
  return { create: canDefineForms(actor) };
}

/** Who may act on a form whatever its state (403 otherwise; the state is the transitions table's, 409). */
export function formPermissions(actor: PolicyActor, form: { ownerUnitId: string | null }): FormAbilities {
  const may = isFormManager(actor, form);
  return { edit: may, send: may, delete: may, review: may, archive: may, restore: may };
}

/** What the actor may do with the form now: permitted, its state allows it, and (delete) nothing was sent yet. */
export function formAbilities(
  actor: PolicyActor,
  form: FormPolicySubject,
  context: { hasRounds: boolean },
): FormAbilities {
  const may = formPermissions(actor, form);
  const allows = (action: FormAction) => nextStatus(formTransitions, form.status, action) !== null;
  return {
    edit: may.edit && allows("edit"),
    send: may.send && allows("send"),
    delete: may.delete && allows("delete") && !context.hasRounds,
    review: may.review,
    archive: may.archive && allows("archive"),
    restore: may.restore && allows("restore"),
  };
}

/** Who may act on a round whatever its state: the form's managers. */
export function formRoundPermissions(
  actor: PolicyActor,
  form: { ownerUnitId: string | null },
): FormRoundAbilities {
  const may = isFormManager(actor, form);
  return { urge: may, close: may, review: may };
}

/** What the actor may do with the round now: 催报 and closing only while it is open; a closed round is still reviewed. */
export function formRoundAbilities(
  actor: PolicyActor,
  form: { ownerUnitId: string | null },
  round: { status: FormRoundStatus },
): FormRoundAbilities {
  const may = formRoundPermissions(actor, form);
  const open = round.status === "open";
  return { urge: may.urge && open, close: may.close && open, review: may.review };
}

/**
 * Who may act on a submission whatever its state: a unit fills only its own (never another's, bureau staff
 * included), and the form's managers review.
 */
export function formSubmissionPermissions(
  actor: PolicyActor,
  submission: { unitId: string },
  form: { ownerUnitId: string | null },
): FormSubmissionAbilities {
  const own = isOwnUnit(actor, submission);
  return { edit: own, submit: own, review: isFormManager(actor, form) };
}

/** What the actor may do with the submission now: who may, in a state that allows it, while its round is open. */
export function formSubmissionAbilities(
  actor: PolicyActor,
  submission: { unitId: string; status: FormSubmissionStatus },
  context: { form: { ownerUnitId: string | null }; round: { status: FormRoundStatus } },
): FormSubmissionAbilities {
  const may = formSubmissionPermissions(actor, submission, context.form);
  const open = context.round.status === "open";
  const allows = (action: FormSubmissionPolicyAction) =>
    nextStatus(formSubmissionTransitions, submission.status, action) !== null;
  return {
    edit: may.edit && open && allows("save"),
    submit: may.submit && open && allows("submit"),
    // A closed round still gets its last submissions reviewed, as a closed cycle's reports are.
    review: may.review && allows("approve"),
  };
}
