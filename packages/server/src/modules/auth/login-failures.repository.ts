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

/** What a reserved attempt allows: whether its password may be checked, and whether a wrong one locks. */
export interface ReservedAttempt {
  /** False once the login is locked: the password is not even looked at. */
  evaluate: boolean;
  /** This attempt holds the last slot before the lock: if its password is wrong, the login is now locked. */
  locksIfWrong: boolean;
}

/**
 * Takes the next attempt slot of a login in one atomic upsert, before any password is checked.
 *
 * Every attempt counts as a failure until it proves otherwise (a success clears the count), so attempts
 * running at the same moment each see the slots taken by the others and at most MAX_FAILURES passwords
 * are ever checked before the lock. The slot that reaches MAX_FAILURES sets the lock at once; if that
 * attempt turns out right, its success clears the lock again.
 */
export async function reserveAttempt(db: DbOrTx, login: string, now: Date): Promise<ReservedAttempt> {
  const lockUntil = new Date(now.getTime() + LOCK_MS);
  // A lock that has run out starts a fresh count.
  const expired = sql`${loginFailures.lockedUntil} is not null and ${loginFailures.lockedUntil} <= ${now}`;
  const [row] = await db
    .insert(loginFailures)
    .values({
      login: key(login),
      count: 1,
      lastFailedAt: now,
      lockedUntil: MAX_FAILURES <= 1 ? lockUntil : null,
    })
    .onConflictDoUpdate({
      target: loginFailures.login,
      set: {
        count: sql`case when ${expired} then 1 else ${loginFailures.count} + 1 end`,
        lockedUntil: sql`case when ${expired} then null
          when ${loginFailures.lockedUntil} is not null then ${loginFailures.lockedUntil}
          when ${loginFailures.count} + 1 >= ${MAX_FAILURES} then ${lockUntil}::timestamptz
          else null end`,
        lastFailedAt: now,
      },
    })
    .returning({ count: loginFailures.count });
  const slot = row!.count;
  return { evaluate: slot <= MAX_FAILURES, locksIfWrong: slot >= MAX_FAILURES };
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
