import { randomUUID } from "node:crypto";
import type { Role } from "@duban/domain";
import type { Db } from "../db/client.js";
import { tenants, unitGroupMembers, unitGroups, units, users } from "../db/schema.js";
import { hashPassword } from "../modules/auth/index.js";

/** A password that satisfies the policy. */
export const TEST_PASSWORD = "Test@12345";

/** Short unique suffix, so factories never collide across test files sharing one database. */
export function uniq(): string {
  return randomUUID().slice(0, 8);
}

/** A mobile number no other test run uses: phones sign in, so they are unique across all tenants. */
export function uniqPhone(): string {
  const digits = randomUUID().replace(/\D/g, "").padEnd(10, "0").slice(0, 10);
  return `1${digits}`;
}

/** Creates a tenant (bureau). */
export async function buildTenant(db: Db, overrides: { name?: string; parentId?: string } = {}) {
  const suffix = uniq();
  const [row] = await db
    .insert(tenants)
    .values({
      code: `t-${suffix}`,
      name: overrides.name ?? `测试教育局${suffix}`,
      parentId: overrides.parentId ?? null,
    })
    .returning();
  return row!;
}

/** Creates a unit; a school unless `kind: "department"`. */
export async function buildUnit(
  db: Db,
  tenantId: string,
  overrides: Partial<typeof units.$inferInsert> = {},
) {
  const kind = overrides.kind ?? "school";
  const [row] = await db
    .insert(units)
    .values({
      tenantId,
      name: overrides.name ?? `${kind === "school" ? "测试学校" : "测试科室"}${uniq()}`,
      kind,
      schoolType: kind === "school" ? "primary" : null,
      ownership: kind === "school" ? "public" : null,
      ...overrides,
    })
    .returning();
  return row!;
}

/** Creates a user with a known password; signs in without a forced change unless asked. */
export async function buildUser(
  db: Db,
  options: {
    tenantId: string;
    role?: Role;
    roles?: Role[];
    unitId?: string | null;
    password?: string;
    mustChangePassword?: boolean;
    enabled?: boolean;
    name?: string;
  },
) {
  const login = `u${uniq()}`;
  const password = options.password ?? TEST_PASSWORD;
  const [row] = await db
    .insert(users)
    .values({
      tenantId: options.tenantId,
      unitId: options.unitId ?? null,
      name: options.name ?? `测试用户${login}`,
      login,
      roles: options.roles ?? [options.role ?? "admin"],
      passwordHash: await hashPassword(password, { memoryCost: 1024, timeCost: 1 }),
      mustChangePassword: options.mustChangePassword ?? false,
      enabled: options.enabled ?? true,
    })
    .returning();
  return { ...row!, password };
}

/** Creates a unit group: a list of `unitIds`, or a rule group when `rule` is given. */
export async function buildGroup(
  db: Db,
  tenantId: string,
  options: { name?: string; unitIds?: string[]; rule?: Record<string, unknown>; enabled?: boolean } = {},
) {
  const [row] = await db
    .insert(unitGroups)
    .values({
      tenantId,
      name: options.name ?? `测试分组${uniq()}`,
      kind: options.rule ? "rule" : "list",
      rule: options.rule ?? null,
      enabled: options.enabled ?? true,
    })
    .returning();
  const unitIds = options.unitIds ?? [];
  if (unitIds.length > 0)
    await db
      .insert(unitGroupMembers)
      .values(unitIds.map((unitId) => ({ tenantId, groupId: row!.id, unitId })));
  return row!;
}
