import {
  canViewUsers,
  passwordProblem,
  type User,
  type UserCreateInput,
  type UserQuery,
  type UserUpdateInput,
  userAbilities,
  userListAbilities,
  userPermissions,
} from "@duban/domain";
import type { DbOrTx } from "../../db/client.js";
import { forbidden, invalid, notFound, staleVersion } from "../../errors.js";
import { authorize } from "../../http/authorize.js";
import type { Actor, ServiceContext } from "../../http/context.js";
import { audit, changeSummary } from "../audit/index.js";
import { findLocks, hashPassword } from "../auth/index.js";
import { findUnit } from "../units/index.js";
import * as repo from "./users.repository.js";
import { assertIdentitiesFree, identityConflict } from "./users-identity.js";

/** Builds the API shape of a user, field by field (the password hash never leaves). */
export function toUser(row: repo.UserWithUnit, actor: Actor, lockedUntil: Date | null): User {
  const { user, unit } = row;
  return {
    id: user.id,
    name: user.name,
    login: user.login,
    phone: user.phone,
    email: user.email,
    unit: unit ? { id: unit.id, name: unit.name } : null,
    roles: user.roles,
    enabled: user.enabled,
    mustChangePassword: user.mustChangePassword,
    lockedUntil: lockedUntil?.toISOString() ?? null,
    lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    version: user.version,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
    abilities: userAbilities(actor, user, { locked: lockedUntil !== null }),
  };
}

/** Builds API users with their current lock state. */
export async function presentUsers(ctx: ServiceContext, rows: repo.UserWithUnit[]): Promise<User[]> {
  const locks = await findLocks(
    ctx.database.db,
    rows.map((r) => r.user.login),
    ctx.clock.now(),
  );
  return rows.map((r) => toUser(r, ctx.actor, locks.get(r.user.login.trim().toLowerCase()) ?? null));
}

/** Lists the tenant's users, a page at a time. */
export async function findUsersPage(ctx: ServiceContext, query: UserQuery) {
  if (!canViewUsers(ctx.actor)) throw forbidden("您的角色无权查看用户");
  const { rows, total } = await repo.findUsers(ctx.database.db, ctx.actor.tenantId, query);
  return {
    items: await presentUsers(ctx, rows),
    total,
    page: query.page,
    pageSize: query.pageSize,
    abilities: userListAbilities(ctx.actor),
  };
}

/** One user, or 404 when not in the actor's tenant (or the actor may not see users at all). */
export async function getUser(ctx: ServiceContext, id: string): Promise<repo.UserWithUnit> {
  if (!canViewUsers(ctx.actor)) throw forbidden("您的角色无权查看用户");
  const row = await repo.findUser(ctx.database.db, ctx.actor.tenantId, id);
  if (!row) throw notFound("用户");
  return row;
}

/** Throws 400 naming `unitId` unless it is a unit of the tenant that may take new users. */
async function assertUsableUnit(
  ctx: ServiceContext,
  unitId: string | null | undefined,
  current?: string | null,
) {
  if (!unitId || unitId === current) return;
  const unit = await findUnit(ctx.database.db, ctx.actor.tenantId, unitId);
  if (!unit) throw invalid([{ path: "unitId", message: "所属单位不存在，请重新选择" }]);
  if (!unit.enabled) throw invalid([{ path: "unitId", message: "所属单位已停用，请选择其他单位" }]);
}

/** The profile columns of create/update input. */
function profileOf(input: UserCreateInput | UserUpdateInput) {
  return {
    name: input.name,
    login: input.login,
    phone: input.phone ?? null,
    email: input.email ?? null,
    unitId: input.unitId ?? null,
    roles: [...new Set(input.roles)],
  };
}

/** Re-reads a user with their unit inside a transaction. */
async function reread(ctx: ServiceContext, db: DbOrTx, id: string): Promise<repo.UserWithUnit> {
  return (await repo.findUser(db, ctx.actor.tenantId, id))!;
}

/** Creates a user with an initial password that must be changed at first login. */
export async function createUser(ctx: ServiceContext, input: UserCreateInput): Promise<User> {
  authorize(userListAbilities(ctx.actor), "create");
  const problem = passwordProblem(input.password);
  if (problem) throw invalid([{ path: "password", message: problem }]);
  await assertUsableUnit(ctx, input.unitId);
  const profile = profileOf(input);
  await assertIdentitiesFree(ctx.database.db, profile);
  const passwordHash = await hashPassword(input.password, ctx.config.argon2);
  const row = await ctx.database.db
    .transaction(async (tx) => {
      const [created] = await repo.insertUsers(tx, ctx.actor.tenantId, [
        { ...profile, passwordHash, mustChangePassword: true },
      ]);
      await audit(ctx, tx, {
        action: "user.create",
        entity: "user",
        entityId: created!.id,
        summary: { after: profile },
      });
      return reread(ctx, tx, created!.id);
    })
    .catch((err) => identityConflict(ctx.database.db, err, { profile }));
  return toUser(row, ctx.actor, null);
}

/** Updates a user's profile and roles when the client's version is current. */
export async function updateUser(ctx: ServiceContext, id: string, input: UserUpdateInput): Promise<User> {
  const before = await getUser(ctx, id);
  authorize(userPermissions(ctx.actor), "update");
  if (before.user.version !== input.version) throw staleVersion();
  const profile = profileOf(input);
  // An admin dropping their own admin role could leave the bureau with no one to manage accounts.
  if (id === ctx.actor.userId && !profile.roles.includes("admin"))
    throw invalid([{ path: "roles", message: "不能移除自己的系统管理员角色，请由其他管理员操作" }]);
  await assertUsableUnit(ctx, profile.unitId, before.user.unitId);
  const owner = { userId: id, previousPhone: before.user.phone };
  await assertIdentitiesFree(ctx.database.db, profile, owner);
  const row = await ctx.database.db
    .transaction(async (tx) => {
      const updated = await repo.updateUser(
        tx,
        { tenantId: ctx.actor.tenantId, id, version: input.version },
        profile,
      );
      if (!updated) throw staleVersion();
      await audit(ctx, tx, {
        action: "user.update",
        entity: "user",
        entityId: id,
        summary: changeSummary(before.user, profile),
      });
      return reread(ctx, tx, id);
    })
    .catch((err) => identityConflict(ctx.database.db, err, { profile, owner }));
  return (await presentUsers(ctx, [row]))[0]!;
}
