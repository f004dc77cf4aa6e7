import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { loginFailures } from "../../db/schema.js";

/** Lockout after this many consecutive failures… */
export const MAX_FAILURES = 5;
/** …for this long. */
export const LOCK_MS = 15 * 60_000;

/** Normalises a login for lockout bookkeeping. */
function key(login: string): string {
  return login.trim().toLowerCase();
}

/** The lock end time if the login is locked now, else null. */
export async function findLock(db: DbOrTx, login: string, now: Date): Promise<Date | null> {
  const [row] = await db
    .select()
    .from(loginFailures)
    .where(eq(loginFailures.login, key(login)));
  return row?.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null;
}

/** Counts a failure atomically; the fifth locks the login. Returns whether it is now locked. */
export async function recordFailure(db: DbOrTx, login: string, now: Date): Promise<boolean> {
  const lockUntil = new Date(now.getTime() + LOCK_MS);
  // A lock that has run out starts a fresh count.
  const [row] = await db
    .insert(loginFailures)
    .values({ login: key(login), count: 1, lastFailedAt: now })
    .onConflictDoUpdate({
      target: loginFailures.login,
      set: {
        count: sql`case when ${loginFailures.lockedUntil} is not null and ${loginFailures.lockedUntil} <= ${now} then 1 else ${loginFailures.count} + 1 end`,
        lockedUntil: sql`case when ${loginFailures.lockedUntil} is not null and ${loginFailures.lockedUntil} <= ${now} then null else ${loginFailures.lockedUntil} end`,
        lastFailedAt: now,
      },
    })
    .returning();
  if (row && row.count >= MAX_FAILURES && !row.lockedUntil) {
    await db
      .update(loginFailures)
      .set({ lockedUntil: lockUntil })
      .where(eq(loginFailures.login, key(login)));
    return true;
  }
  return false;
}

/** Forgets failures after a successful sign-in or an admin unlock. */
export async function clearFailures(db: DbOrTx, login: string): Promise<void> {
  await db.delete(loginFailures).where(eq(loginFailures.login, key(login)));
}

/** Lock end times for a set of logins, for showing lock state to admins. */
export async function findLocks(db: DbOrTx, logins: string[], now: Date): Promise<Map<string, Date>> {
  if (logins.length === 0) return new Map();
  const rows = await db
    .select()
    .from(loginFailures)
    .where(sql`${loginFailures.login} in ${logins.map(key)}`);
  return new Map(
    rows.filter((r) => r.lockedUntil && r.lockedUntil > now).map((r) => [r.login, r.lockedUntil!]),
  );
}
