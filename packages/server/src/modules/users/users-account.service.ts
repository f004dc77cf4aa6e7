import {
  isOwnAccount,
  passwordProblem,
  type ResetPasswordInput,
  type SetEnabledInput,
  type User,
  userPermissions,
} from "@duban/domain";
import { invalid, staleVersion } from "../../errors.js";
import { authorize } from "../../http/authorize.js";
import type { ServiceContext } from "../../http/context.js";
import { audit } from "../audit/index.js";
import { clearFailures, deleteUserSessions, hashPassword } from "../auth/index.js";
import * as repo from "./users.repository.js";
import { getUser, presentUsers } from "./users.service.js";

/** Enables or disables a user; disabling also ends every session the user has. */
export async function setUserEnabled(ctx: ServiceContext, id: string, input: SetEnabledInput): Promise<User> {
  const before = await getUser(ctx, id);
  authorize(userPermissions(ctx.actor), input.enabled ? "enable" : "disable");
  if (!input.enabled && isOwnAccount(ctx.actor, before.user))
    throw invalid(
      [{ path: "enabled", message: "不能停用自己的账号" }],
      "不能停用自己的账号，如需停用请由其他管理员操作",
    );
  if (before.user.version !== input.version) throw staleVersion();
  const tenantId = ctx.actor.tenantId;
  const row = await ctx.database.db.transaction(async (tx) => {
    const updated = await repo.updateUser(
      tx,
      { tenantId, id, version: input.version },
      { enabled: input.enabled },
    );
    if (!updated) throw staleVersion();
    if (!input.enabled) await deleteUserSessions(tx, { tenantId, userId: id });
    await audit(ctx, tx, {
      action: input.enabled ? "user.enable" : "user.disable",
      entity: "user",
      entityId: id,
      summary: { before: { enabled: before.user.enabled }, after: { enabled: input.enabled } },
    });
    return (await repo.findUser(tx, tenantId, id))!;
  });
  return (await presentUsers(ctx, [row]))[0]!;
}

/** Sets a new password the user must change at next sign-in, and signs the user out everywhere. */
export async function resetUserPassword(
  ctx: ServiceContext,
  id: string,
  input: ResetPasswordInput,
): Promise<void> {
  await getUser(ctx, id);
  authorize(userPermissions(ctx.actor), "resetPassword");
  const problem = passwordProblem(input.password);
  if (problem) throw invalid([{ path: "password", message: problem }]);
  const passwordHash = await hashPassword(input.password, ctx.config.argon2);
  const tenantId = ctx.actor.tenantId;
  await ctx.database.db.transaction(async (tx) => {
    await repo.setPassword(tx, { tenantId, id }, { passwordHash, now: ctx.clock.now() });
    await deleteUserSessions(tx, { tenantId, userId: id });
    // The summary records that a reset happened, never the password or its hash.
    await audit(ctx, tx, {
      action: "user.reset_password",
      entity: "user",
      entityId: id,
      summary: { after: { mustChangePassword: true } },
    });
  });
}

/** Clears the lockout left by repeated failed sign-ins. */
export async function unlockUser(ctx: ServiceContext, id: string): Promise<void> {
  const { user } = await getUser(ctx, id);
  authorize(userPermissions(ctx.actor), "unlock");
  await ctx.database.db.transaction(async (tx) => {
    await clearFailures(tx, user.login);
    await audit(ctx, tx, {
      action: "user.unlock",
      entity: "user",
      entityId: id,
      summary: { login: user.login },
    });
  });
}
