import { createHash, randomBytes } from "node:crypto";
import { and, eq, ne } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { sessions, tenants, units, users } from "../../db/schema.js";

/** Hashes a cookie token: the database never holds a usable token. */
export function sessionIdOf(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}

/** Creates a session and returns the cookie token. */
export async function createSession(
  db: DbOrTx,
  input: {
    tenantId: string;
    userId: string;
    ip: string | null;
    userAgent: string | null;
    now: Date;
    absoluteMs: number;
  },
): Promise<{ token: string; csrfToken: string }> {
  const token = randomBytes(32).toString("base64url");
  const csrfToken = randomBytes(24).toString("base64url");
  await db.insert(sessions).values({
    id: sessionIdOf(token),
    tenantId: input.tenantId,
    userId: input.userId,
    csrfToken,
    ip: input.ip,
    userAgent: input.userAgent?.slice(0, 300) ?? null,
    createdAt: input.now,
    lastSeenAt: input.now,
    expiresAt: new Date(input.now.getTime() + input.absoluteMs),
  });
  return { token, csrfToken };
}

/** Finds a session with its user, unit and tenant, or null. */
export async function findSessionWithUser(db: DbOrTx, sessionId: string) {
  const rows = await db
    .select({ session: sessions, user: users, tenantName: tenants.name, unit: units })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(tenants, eq(tenants.id, sessions.tenantId))
    .leftJoin(units, eq(units.id, users.unitId))
    .where(eq(sessions.id, sessionId))
    .limit(1);
  return rows[0] ?? null;
}

/** Records activity on a session (for the idle timeout). */
export async function touchSession(db: DbOrTx, sessionId: string, now: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, sessionId));
}

/** Ends one session. */
export async function deleteSession(db: DbOrTx, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Ends every session of a user, optionally keeping one. */
export async function deleteUserSessions(
  db: DbOrTx,
  options: { tenantId: string; userId: string; exceptSessionId?: string },
): Promise<void> {
  const conditions = [eq(sessions.tenantId, options.tenantId), eq(sessions.userId, options.userId)];
  if (options.exceptSessionId) conditions.push(ne(sessions.id, options.exceptSessionId));
  await db.delete(sessions).where(and(...conditions));
}
