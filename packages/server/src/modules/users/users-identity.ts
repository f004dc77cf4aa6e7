import type { DbOrTx } from "../../db/client.js";
import { AppError, uniqueViolation } from "../../errors.js";
import { findIdentityOwners } from "./users.repository.js";

/** The parts of a user that sign them in. */
export interface SignInProfile {
  login: string;
  phone: string | null;
}

/** Whose identities are being written: nobody yet (create), or a user and the phone they had. */
export interface IdentityOwner {
  userId?: string;
  previousPhone?: string | null;
}

/** The 409 for a login someone already signs in with; it never says in which tenant. */
export function loginTaken(login: string): AppError {
  return new AppError("conflict", `账号“${login}”已被使用，请换一个`, [
    { path: "login", message: "账号已被使用" },
  ]);
}

/** The 409 for a mobile number someone else already signs in with. */
export function phoneTaken(phone: string): AppError {
  return new AppError("conflict", `手机号“${phone}”已被其他账号使用，请换一个`, [
    { path: "phone", message: "手机号已被其他账号使用" },
  ]);
}

/** Throws 409 naming the field when another user, in any tenant, signs in with this login or phone. */
export async function assertIdentitiesFree(
  db: DbOrTx,
  profile: SignInProfile,
  owner: IdentityOwner = {},
): Promise<void> {
  const login = profile.login.trim().toLowerCase();
  const phone = profile.phone?.trim().toLowerCase() || null;
  // An unchanged phone is not claimed again (see the sign_in_identities migration), so it is not checked.
  const checkPhone = phone !== null && phone !== login && phone !== owner.previousPhone?.toLowerCase();
  const owners = await findIdentityOwners(db, checkPhone && phone ? [login, phone] : [login]);
  const heldByOther = (value: string) => {
    const holder = owners.get(value);
    return holder !== undefined && holder !== owner.userId;
  };
  if (heldByOther(login)) throw loginTaken(profile.login);
  if (checkPhone && phone && heldByOther(phone)) throw phoneTaken(profile.phone!);
}

/** Answers a unique violation of the write itself (an identity taken meanwhile) with the 409 naming the field. */
export async function identityConflict(
  db: DbOrTx,
  err: unknown,
  options: { profile: SignInProfile; owner?: IdentityOwner },
): Promise<never> {
  if (!uniqueViolation(err)) throw err;
  await assertIdentitiesFree(db, options.profile, options.owner);
  throw new AppError("conflict", "账号或手机号已被其他账号使用，请换一个");
}
