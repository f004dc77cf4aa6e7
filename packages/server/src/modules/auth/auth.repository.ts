import { eq, or, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { tenants, units, users } from "../../db/schema.js";

/** Finds the user a login names: by login (any case) or by mobile number. */
export async function findUserByLogin(db: DbOrTx, login: string) {
  const value = login.trim();
  const rows = await db
    .select()
    .from(users)
    .where(or(eq(sql`lower(${users.login})`, value.toLowerCase()), eq(users.phone, value)))
    .limit(2);
  // A phone shared by two accounts names nobody for sign-in; the login then has to be used.
  return rows.length === 1
    ? rows[0]!
    : (rows.find((r) => r.login.toLowerCase() === value.toLowerCase()) ?? null);
}

/** A user with the names of their tenant and unit. */
export async function findUserProfile(db: DbOrTx, userId: string) {
  const [row] = await db
    .select({ user: users, tenantName: tenants.name, unit: units })
    .from(users)
    .innerJoin(tenants, eq(tenants.id, users.tenantId))
    .leftJoin(units, eq(units.id, users.unitId))
    .where(eq(users.id, userId));
  return row ?? null;
}

/** Stores a new password hash and whether it must be changed at next sign-in. */
export async function updatePassword(
  db: DbOrTx,
  options: { userId: string; passwordHash: string; mustChange: boolean; now: Date },
): Promise<void> {
  await db
    .update(users)
    .set({
      passwordHash: options.passwordHash,
      mustChangePassword: options.mustChange,
      passwordChangedAt: options.now,
      version: sql`${users.version} + 1`,
      updatedAt: options.now,
    })
    .where(eq(users.id, options.userId));
}

/** Notes a successful sign-in. */
export async function markSignedIn(db: DbOrTx, userId: string, now: Date): Promise<void> {
  await db.update(users).set({ lastLoginAt: now }).where(eq(users.id, userId));
}
