import { z } from "zod";
import { hasAnyRole, type PolicyActor } from "./actor.js";
import { enabledRecordAbilities } from "./enabled.js";

/** What the actor may do with one user: edit, disable, enable, reset the password, lift a lockout. */
export const userAbilitiesSchema = z.object({
  update: z.boolean(),
  disable: z.boolean(),
  enable: z.boolean(),
  resetPassword: z.boolean(),
  unlock: z.boolean(),
});
/** What the actor may do with one user. */
export type UserAbilities = z.infer<typeof userAbilitiesSchema>;

/** What the user list offers the actor: create one, import a workbook. */
export const userListAbilitiesSchema = z.object({ create: z.boolean(), import: z.boolean() });
/** What the user list offers the actor. */
export type UserListAbilities = z.infer<typeof userListAbilitiesSchema>;

/** Who may list and read users. */
export function canViewUsers(actor: PolicyActor): boolean {
  return hasAnyRole(actor, "admin", "leader");
}

/** Who may create, edit, disable, reset, unlock and import users. */
export function canManageUsers(actor: PolicyActor): boolean {
  return hasAnyRole(actor, "admin");
}

/** Whether the user is the actor: an admin never disables themself, so someone can always sign in. */
export function isOwnAccount(actor: PolicyActor, user: { id: string }): boolean {
  return user.id === actor.userId;
}

/** Who may act on a user whatever its state (the server's 403; disabling oneself is a 400 of its own). */
export function userPermissions(actor: PolicyActor): UserAbilities {
  const manage = canManageUsers(actor);
  return { update: manage, disable: manage, enable: manage, resetPassword: manage, unlock: manage };
}

/** What the actor may do with the user now; `locked` says whether failed sign-ins have locked the account. */
export function userAbilities(
  actor: PolicyActor,
  user: { id: string; enabled: boolean },
  context: { locked: boolean },
): UserAbilities {
  const manage = canManageUsers(actor);
  const state = enabledRecordAbilities(manage, user);
  return {
    ...state,
    disable: state.disable && !isOwnAccount(actor, user),
    resetPassword: manage,
    unlock: manage && context.locked,
  };
}

/** Administrators create and import users. */
export function userListAbilities(actor: PolicyActor): UserListAbilities {
  const manage = canManageUsers(actor);
  return { create: manage, import: manage };
}
