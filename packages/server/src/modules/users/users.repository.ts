import type { UserQuery } from "@duban/domain";
import { and, arrayContains, asc, count, eq, ilike, inArray, or, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { signInIdentities, units, users } from "../../db/schema.js";
import { likePattern } from "../audit/index.js";

/** A user row (it holds the password hash: never send it as is). */
export type UserRow = typeof users.$inferSelect;
/** A user row with the name of its unit. */
export type UserWithUnit = { user: UserRow; unit: { id: string; name: string } | null };
/** Columns written on create. */
export type UserValues = Omit<
  typeof users.$inferInsert,
  "id" | "tenantId" | "createdAt" | "updatedAt" | "version"
>;

const withUnit = { user: users, unit: { id: units.id, name: units.name } };

/** The filters of the user list as SQL. */
function userFilters(tenantId: string, query: Partial<UserQuery>): SQL {
  const c: SQL[] = [eq(users.tenantId, tenantId)];
  if (query.role) c.push(arrayContains(users.roles, [query.role]));
  if (query.unitId) c.push(eq(users.unitId, query.unitId));
  if (query.enabled) c.push(eq(users.enabled, query.enabled === "true"));
  if (query.q) {
    const p = likePattern(query.q);
    c.push(or(ilike(users.name, p), ilike(users.login, p), ilike(users.phone, p), ilike(users.email, p))!);
  }
  return and(...c)!;
}

/** A filtered page of a tenant's users with their units, by name. */
export async function findUsers(db: DbOrTx, tenantId: string, query: UserQuery) {
  const where = userFilters(tenantId, query);
  const [rows, [total]] = await Promise.all([
    db
      .select(withUnit)
      .from(users)
      .leftJoin(units, eq(units.id, users.unitId))
      .where(where)
      .orderBy(asc(users.name), asc(users.login))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(users).where(where),
  ]);
  return { rows: rows as UserWithUnit[], total: total?.n ?? 0 };
}

/** One user of the tenant with their unit, or null. */
export async function findUser(db: DbOrTx, tenantId: string, id: string): Promise<UserWithUnit | null> {
  const [row] = await db
    .select(withUnit)
    .from(users)
    .leftJoin(units, eq(units.id, users.unitId))
    .where(and(eq(users.tenantId, tenantId), eq(users.id, id)));
  return (row as UserWithUnit | undefined) ?? null;
}

/**
 * Who holds each of these sign-in identities (logins and mobile numbers, any case), in any tenant: the login
 * form has no tenant, so a login may equal no other user's login or phone.
 */
export async function findIdentityOwners(db: DbOrTx, values: string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(values.map((v) => v.trim().toLowerCase()).filter(Boolean))];
  if (wanted.length === 0) return new Map();
  const rows = await db.select().from(signInIdentities).where(inArray(signInIdentities.identity, wanted));
  return new Map(rows.map((r) => [r.identity, r.userId]));
}

/** Inserts users and returns them. */
export async function insertUsers(db: DbOrTx, tenantId: string, values: UserValues[]): Promise<UserRow[]> {
  if (values.length === 0) return [];
  return db
    .insert(users)
    .values(values.map((v) => ({ ...v, tenantId })))
    .returning();
}

/** Updates a user only if its version is still `version`; returns null when it changed meanwhile. */
export async function updateUser(
  db: DbOrTx,
  key: { tenantId: string; id: string; version: number },
  values: Partial<UserValues>,
): Promise<UserRow | null> {
  const [row] = await db
    .update(users)
    .set({ ...values, version: sql`${users.version} + 1`, updatedAt: new Date() })
    .where(and(eq(users.tenantId, key.tenantId), eq(users.id, key.id), eq(users.version, key.version)))
    .returning();
  return row ?? null;
}

/** Stores a new password hash that the user must change at next sign-in. */
export async function setPassword(
  db: DbOrTx,
  key: { tenantId: string; id: string },
  options: { passwordHash: string; now: Date },
): Promise<void> {
  await db
    .update(users)
    .set({
      passwordHash: options.passwordHash,
      mustChangePassword: true,
      passwordChangedAt: options.now,
      version: sql`${users.version} + 1`,
      updatedAt: options.now,
    })
    .where(and(eq(users.tenantId, key.tenantId), eq(users.id, key.id)));
}
