import { roles as allRoles, passwordProblem, type Role, roleLabels } from "@duban/domain";
import { and, eq, sql } from "drizzle-orm";
import { signInIdentities, tenants, units, users } from "../db/schema.js";
import { insertAudit } from "../modules/audit/index.js";
import { clearFailures, deleteUserSessions, hashPassword } from "../modules/auth/index.js";
import { randomPassword } from "../seed/demo.js";
import { CliError, withDatabase } from "./runtime.js";

/** Options of `duban user create`. */
export interface UserCreateOptions {
  tenant: string;
  login: string;
  name: string;
  roles: string;
  unit?: string | undefined;
  password?: string | undefined;
}

/** Parses `admin,leader` into roles, refusing unknown ones. */
function parseRoles(text: string): Role[] {
  const list = text
    .split(/[,，、]/)
    .map((r) => r.trim())
    .filter(Boolean);
  const bad = list.filter((r) => !(allRoles as readonly string[]).includes(r));
  if (bad.length || list.length === 0)
    throw new CliError(
      `未知角色：${bad.join(", ") || "(空)"}。可选：${allRoles.map((r) => `${r}(${roleLabels[r]})`).join(", ")}`,
    );
  return list as Role[];
}

/** Checks a chosen password, or makes a random one. */
function choosePassword(password: string | undefined): string {
  if (!password) return randomPassword();
  const problem = passwordProblem(password);
  if (problem) throw new CliError(problem);
  return password;
}

/** Creates a user who must change the printed password at first sign-in. */
export async function createUserCommand(options: UserCreateOptions): Promise<void> {
  const roles = parseRoles(options.roles);
  const password = choosePassword(options.password);
  await withDatabase(async ({ db }, config) => {
    const [tenant] = await db.select().from(tenants).where(eq(tenants.code, options.tenant));
    if (!tenant) throw new CliError(`找不到编码为 ${options.tenant} 的教育局`);
    let unitId: string | null = null;
    if (options.unit) {
      const [unit] = await db
        .select()
        .from(units)
        .where(and(eq(units.tenantId, tenant.id), eq(units.name, options.unit)));
      if (!unit) throw new CliError(`${tenant.name}没有名为“${options.unit}”的单位`);
      unitId = unit.id;
    }
    // A login may equal no other user's login or mobile number, in any tenant: sign-in names one person.
    const [existing] = await db
      .select({ id: signInIdentities.userId })
      .from(signInIdentities)
      .where(eq(signInIdentities.identity, options.login.trim().toLowerCase()));
    if (existing) throw new CliError(`账号 ${options.login} 已被使用（与已有账号或手机号相同），请换一个`);
    const passwordHash = await hashPassword(password, config.argon2);
    await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(users)
        .values({
          tenantId: tenant.id,
          unitId,
          name: options.name,
          login: options.login,
          roles,
          passwordHash,
          mustChangePassword: true,
        })
        .returning();
      await insertAudit(tx, {
        tenantId: tenant.id,
        actorId: null,
        actorName: "命令行",
        action: "user.create",
        entity: "user",
        entityId: row!.id,
        summary: { after: { login: options.login, roles } },
        ip: null,
      });
    });
  });
  console.log(`已创建账号 ${options.login}，初始密码：${password}（首次登录须修改）`);
}

/** Sets a new password that must be changed at next sign-in, ends the user's sessions and clears a lockout. */
export async function resetPasswordCommand(options: {
  login: string;
  password?: string | undefined;
}): Promise<void> {
  const password = choosePassword(options.password);
  await withDatabase(async ({ db }, config) => {
    const [user] = await db
      .select()
      .from(users)
      .where(eq(sql`lower(${users.login})`, options.login.toLowerCase()));
    if (!user) throw new CliError(`账号 ${options.login} 不存在`);
    const passwordHash = await hashPassword(password, config.argon2);
    await db.transaction(async (tx) => {
      await tx
        .update(users)
        .set({
          passwordHash,
          mustChangePassword: true,
          passwordChangedAt: new Date(),
          version: sql`${users.version} + 1`,
        })
        .where(eq(users.id, user.id));
      await deleteUserSessions(tx, { tenantId: user.tenantId, userId: user.id });
      await clearFailures(tx, user.login);
      await insertAudit(tx, {
        tenantId: user.tenantId,
        actorId: null,
        actorName: "命令行",
        action: "user.reset_password",
        entity: "user",
        entityId: user.id,
        ip: null,
      });
    });
  });
  console.log(`已重置账号 ${options.login} 的密码：${password}（下次登录须修改）`);
}
