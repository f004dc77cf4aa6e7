import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { signInIdentities, tenants, units, users } from "../../db/schema.js";

/** The one user a login or mobile number names (identities are unique across tenants), or null. */
export async function findUserByLogin(db: DbOrTx, login: string) {
  const [row] = await db
    .select({ user: users })
    .from(signInIdentities)
    .innerJoin(users, eq(users.id, signInIdentities.userId))
    .where(eq(signInIdentities.identity, login.trim().toLowerCase()));
  return row?.user ?? null;
}

/** A user with the names of their tenant and unit. */
export async function findUserProfile(db: DbOrTx, key: { tenantId: string; userId: string }) {
  const [row] = await db
    .select({ user: users, tenantName: tenants.name, unit: units })
    .from(users)
    .innerJoin(tenants, eq(tenants.id, users.tenantId))
    .leftJoin(units, eq(units.id, users.unitId))
    .where(and(eq(users.tenantId, key.tenantId), eq(users.id, key.userId)));
  return row ?? null;
}

/** Stores a new password hash and whether it must be changed at next sign-in. */
export async function updatePassword(
  db: DbOrTx,
  options: { tenantId: string; userId: string; passwordHash: string; mustChange: boolean; now: Date },
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
    .where(and(eq(users.tenantId, options.tenantId), eq(users.id, options.userId)));
}

/** Notes a successful sign-in. */
export async function markSignedIn(
  db: DbOrTx,
  user: { tenantId: string; id: string },
  now: Date,
): Promise<void> {
  await db
    .update(users)
    .set({ lastLoginAt: now })
    .where(and(eq(users.tenantId, user.tenantId), eq(users.id, user.id)));
}
