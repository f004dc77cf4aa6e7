import {
  type ChangePasswordInput,
  type LoginInput,
  type Me,
  menuAbilities,
  passwordProblem,
} from "@duban/domain";
import { AppError, invalid } from "../../errors.js";
import type { Actor, AppDeps, ServiceContext } from "../../http/context.js";
import { audit, insertAudit } from "../audit/index.js";
import { findUserByLogin, findUserProfile, markSignedIn, updatePassword } from "./auth.repository.js";
import { clearFailures, reserveAttempt } from "./login-failures.repository.js";
import { burnPasswordCheck, hashPassword, verifyPassword } from "./passwords.js";
import { createSession, deleteSession, deleteUserSessions } from "./sessions.repository.js";

/** The one answer for a wrong login or password, so neither reveals whether the account exists. */
const BAD_CREDENTIALS = "账号或密码错误";
const LOCKED = "密码错误次数过多，账号已锁定 15 分钟，请稍后再试或联系管理员解锁";

/** Where a sign-in attempt came from. */
export interface RequestOrigin {
  ip: string | null;
  userAgent: string | null;
}

/** Builds what the web app knows about the signed-in user. */
export async function getMe(
  deps: AppDeps,
  actor: Pick<Actor, "tenantId" | "userId" | "csrfToken">,
): Promise<Me> {
  const profile = await findUserProfile(deps.database.db, actor);
  if (!profile) throw new AppError("unauthenticated", "请先登录");
  const { user, unit } = profile;
  const { roles } = user;
  return {
    id: user.id,
    name: user.name,
    login: user.login,
    roles,
    tenant: { id: user.tenantId, name: profile.tenantName },
    unit: unit ? { id: unit.id, name: unit.name, kind: unit.kind } : null,
    mustChangePassword: user.mustChangePassword,
    csrfToken: actor.csrfToken,
    abilities: menuAbilities({ userId: user.id, tenantId: user.tenantId, unitId: unit?.id ?? null, roles }),
  };
}

type LoginUser = { id: string; tenantId: string; login: string; name: string } | null;

/** Audits a failed sign-in in the tenant of the account it named (none for an unknown login), then throws. */
async function failLogin(
  deps: AppDeps,
  attempt: { input: LoginInput; origin: RequestOrigin; user: LoginUser; locked: boolean },
): Promise<never> {
  const { input, origin, user, locked } = attempt;
  await insertAudit(deps.database.db, {
    tenantId: user?.tenantId ?? null,
    actorId: user?.id ?? null,
    actorName: user?.name ?? null,
    action: "auth.login_failed",
    entity: "user",
    entityId: user?.id ?? null,
    summary: { login: input.login, locked },
    ip: origin.ip,
  });
  throw locked ? lockedError() : new AppError("invalid_credentials", BAD_CREDENTIALS);
}

/** The 423 of a locked login. */
function lockedError(): AppError {
  return new AppError("account_locked", LOCKED);
}

/** Signs a user in: attempt slot, argon2id check, new session, audit. */
export async function login(deps: AppDeps, input: LoginInput, origin: RequestOrigin) {
  const { db } = deps.database;
  const now = deps.clock.now();
  const user = await findUserByLogin(db, input.login);
  const lockKey = user?.login ?? input.login;
  // The slot is taken before the password is looked at, so simultaneous guesses cannot outrun the lock.
  const attempt = await reserveAttempt(db, lockKey, now);
  if (!attempt.evaluate) return failLogin(deps, { input, origin, user, locked: true });
  if (!user) {
    await burnPasswordCheck(input.password, deps.config.argon2);
    return failLogin(deps, { input, origin, user: null, locked: attempt.locksIfWrong });
  }
  if (!(await verifyPassword(user.passwordHash, input.password)))
    return failLogin(deps, { input, origin, user, locked: attempt.locksIfWrong });
  if (!user.enabled) {
    // The password was right: the attempt is no failure, even though the account may not sign in.
    await clearFailures(db, lockKey);
    throw new AppError("account_disabled", "账号已停用，请联系管理员");
  }

  const session = await db.transaction(async (tx) => {
    await clearFailures(tx, lockKey);
    await markSignedIn(tx, user, now);
    const created = await createSession(tx, {
      tenantId: user.tenantId,
      userId: user.id,
      ip: origin.ip,
      userAgent: origin.userAgent,
      now,
      absoluteMs: deps.config.sessionAbsoluteMs,
    });
    await insertAudit(tx, {
      tenantId: user.tenantId,
      actorId: user.id,
      actorName: user.name,
      action: "auth.login",
      entity: "user",
      entityId: user.id,
      ip: origin.ip,
    });
    return created;
  });
  const me = await getMe(deps, { tenantId: user.tenantId, userId: user.id, csrfToken: session.csrfToken });
  return { token: session.token, me };
}

/** Ends the current session, or every session of the user. */
export async function logout(ctx: ServiceContext, everywhere: boolean): Promise<void> {
  await ctx.database.db.transaction(async (tx) => {
    if (everywhere) await deleteUserSessions(tx, { tenantId: ctx.actor.tenantId, userId: ctx.actor.userId });
    else await deleteSession(tx, ctx.actor.sessionId);
    await audit(ctx, tx, {
      action: everywhere ? "auth.logout_all" : "auth.logout",
      entity: "user",
      entityId: ctx.actor.userId,
    });
  });
}

/** Checks the actor's current password against the same attempt slots as sign-in, so guesses lock too. */
async function assertCurrentPassword(ctx: ServiceContext, currentPassword: string): Promise<void> {
  const { db } = ctx.database;
  const attempt = await reserveAttempt(db, ctx.actor.login, ctx.clock.now());
  if (!attempt.evaluate) throw lockedError();
  const profile = await findUserProfile(db, ctx.actor);
  if (profile && (await verifyPassword(profile.user.passwordHash, currentPassword))) {
    await clearFailures(db, ctx.actor.login);
    return;
  }
  await audit(ctx, db, {
    action: "auth.change_password_failed",
    entity: "user",
    entityId: ctx.actor.userId,
    summary: { locked: attempt.locksIfWrong },
  });
  if (attempt.locksIfWrong) throw lockedError();
  throw invalid([{ path: "currentPassword", message: "当前密码不正确" }], "当前密码不正确");
}

/** Changes the actor's own password; other sessions of the user end. */
export async function changePassword(ctx: ServiceContext, input: ChangePasswordInput): Promise<void> {
  await assertCurrentPassword(ctx, input.currentPassword);
  const problem = passwordProblem(input.newPassword);
  if (problem) throw invalid([{ path: "newPassword", message: problem }], problem);
  if (input.newPassword === input.currentPassword)
    throw invalid([{ path: "newPassword", message: "新密码不能与当前密码相同" }], "新密码不能与当前密码相同");
  const passwordHash = await hashPassword(input.newPassword, ctx.config.argon2);
  await ctx.database.db.transaction(async (tx) => {
    await updatePassword(tx, {
      tenantId: ctx.actor.tenantId,
      userId: ctx.actor.userId,
      passwordHash,
      mustChange: false,
      now: ctx.clock.now(),
    });
    await deleteUserSessions(tx, {
      tenantId: ctx.actor.tenantId,
      userId: ctx.actor.userId,
      exceptSessionId: ctx.actor.sessionId,
    });
    await audit(ctx, tx, { action: "auth.change_password", entity: "user", entityId: ctx.actor.userId });
  });
}
