import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Db } from "../db/client.js";
import { tenants, unitGroups, unitKeywords, units, users } from "../db/schema.js";
import type { Config } from "../env.js";
import { insertAudit } from "../modules/audit/index.js";
import { hashPassword } from "../modules/auth/index.js";
import { demoCityUsers } from "./demo-city.js";
import {
  demoDepartments,
  demoGroups,
  demoKeywords,
  demoSchools,
  demoTenants,
  demoUsers,
} from "./demo-data.js";

/** The password of every demo account in demo mode. */
export const DEMO_PASSWORD = "Duban@2023";

/** A demo account created by this run, with its initial password. */
export interface SeededUser {
  login: string;
  name: string;
  roles: string[];
  password: string;
}

/** What a seeding run did. */
export interface SeedResult {
  created: boolean;
  users: SeededUser[];
}

/** A random password that satisfies the policy: three classes guaranteed, 12+ characters. */
export function randomPassword(): string {
  return `Db-${randomBytes(9).toString("base64url")}7a`;
}

/** Finds or creates a tenant by code. */
async function ensureTenant(db: Db, code: string, name: string, parentId: string | null): Promise<string> {
  await db.insert(tenants).values({ code, name, parentId }).onConflictDoNothing();
  const [row] = await db.select({ id: tenants.id }).from(tenants).where(eq(tenants.code, code));
  return row!.id;
}

/**
 * Seeds the demo bureaus, units, groups and one user per role. Idempotent: existing rows are left alone
 * and only newly created accounts are returned. In demo mode every password is DEMO_PASSWORD and need not
 * be changed; otherwise each account gets a random password it must change at first sign-in.
 */
export async function seedDemo(
  db: Db,
  config: Pick<Config, "argon2">,
  options: { demo: boolean },
): Promise<SeedResult> {
  return db.transaction(async (tx) => {
    const txDb = tx as unknown as Db;
    const cityId = await ensureTenant(txDb, demoTenants.city.code, demoTenants.city.name, null);
    const tenantId = await ensureTenant(txDb, demoTenants.county.code, demoTenants.county.name, cityId);
    const unitRows = [
      ...demoDepartments.map((name, i) => ({
        tenantId,
        name,
        kind: "department" as const,
        sortOrder: i + 1,
      })),
      ...demoSchools.map(([name, schoolType, ownership, township], i) => ({
        tenantId,
        name,
        kind: "school" as const,
        schoolType,
        ownership,
        township,
        sortOrder: i + 1,
      })),
    ];
    const insertedUnits = await tx
      .insert(units)
      .values(unitRows)
      .onConflictDoNothing()
      .returning({ id: units.id });
    await tx
      .insert(unitGroups)
      .values(demoGroups.map((g) => ({ tenantId, name: g.name, kind: "rule" as const, rule: g.rule })))
      .onConflictDoNothing();
    const departments = await tx
      .select({ id: units.id, name: units.name })
      .from(units)
      .where(and(eq(units.tenantId, tenantId), eq(units.kind, "department")));
    const departmentId = new Map(departments.map((d) => [d.name, d.id]));
    await tx
      .insert(unitKeywords)
      .values(demoKeywords.map(([keyword, name]) => ({ tenantId, keyword, unitId: departmentId.get(name)! })))
      .onConflictDoNothing();
    const seeded: SeededUser[] = [];
    for (const [login, name, roles, unitName] of demoUsers) {
      const [unit] = unitName
        ? await tx
            .select({ id: units.id })
            .from(units)
            .where(and(eq(units.tenantId, tenantId), eq(units.name, unitName)))
        : [];
      const password = options.demo ? DEMO_PASSWORD : randomPassword();
      const [created] = await tx
        .insert(users)
        .values({
          tenantId,
          unitId: unit?.id ?? null,
          name,
          login,
          roles,
          passwordHash: await hashPassword(password, config.argon2),
          mustChangePassword: !options.demo,
        })
        .onConflictDoNothing()
        .returning({ id: users.id });
      if (created) seeded.push({ login, name, roles, password });
    }
    // The city's 督查室 and director: 上下联动 needs a superior to hand tasks down from.
    for (const [login, name, roles] of demoCityUsers) {
      const password = options.demo ? DEMO_PASSWORD : randomPassword();
      const [created] = await tx
        .insert(users)
        .values({
          tenantId: cityId,
          name,
          login,
          roles,
          passwordHash: await hashPassword(password, config.argon2),
          mustChangePassword: !options.demo,
        })
        .onConflictDoNothing()
        .returning({ id: users.id });
      if (created) seeded.push({ login, name, roles, password });
    }
    const created = insertedUnits.length > 0 || seeded.length > 0;
    if (created)
      await insertAudit(tx, {
        tenantId,
        actorId: null,
        actorName: "系统",
        action: "seed.demo",
        entity: "tenant",
        entityId: tenantId,
        summary: { units: insertedUnits.length, users: seeded.map((u) => u.login) },
        ip: null,
      });
    return { created, users: seeded };
  });
}
