import { createHash, randomBytes } from "node:crypto";
import { and, eq, ne, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../../db/client.js";
import { preparedOnce } from "../../db/prepared-once.js";
import { sessions, users } from "../../db/schema.js";

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

/** What every request needs of its session and user: nothing more, so the hot path reads one narrow row. */
function prepareFindSessionActor(db: Db) {
  return db
    .select({
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      csrfToken: sessions.csrfToken,
      userId: users.id,
      tenantId: users.tenantId,
      name: users.name,
      login: users.login,
      roles: users.roles,
      unitId: users.unitId,
      enabled: users.enabled,
      mustChangePassword: users.mustChangePassword,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, sql.placeholder("id")))
    .limit(1)
    .prepare("find_session_actor");
}

/** The statement built once per database handle: every request runs it, so its SQL is not rebuilt each time. */
const findSessionActorStatements = new WeakMap<Db, ReturnType<typeof prepareFindSessionActor>>();

/** A session with the fields of its user a request acts with, or null. */
export async function findSessionActor(db: Db, sessionId: string) {
  let statement = findSessionActorStatements.get(db);
  if (!statement) {
    statement = prepareFindSessionActor(db);
    findSessionActorStatements.set(db, statement);
  }
  const [row] = await statement.execute({ id: sessionId });
  return row ?? null;
}

/** Records activity on a session (for the idle timeout). */
export async function touchSession(db: DbOrTx, sessionId: string, now: Date): Promise<void> {
  // Named: requests run it every few minutes per session, so PostgreSQL keeps its plan.
  await preparedOnce(db, "touch_session", () =>
    db
      .update(sessions)
      .set({ lastSeenAt: sql`${sql.placeholder("now")}` })
      .where(eq(sessions.id, sql.placeholder("id")))
      .prepare("touch_session"),
  ).execute({ id: sessionId, now: now.toISOString() });
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
