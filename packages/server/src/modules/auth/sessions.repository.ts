import { createHash, randomBytes } from "node:crypto";
import { and, eq, ne, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../../db/client.js";
import { preparedOnce } from "../../db/prepared-once.js";
import { sessions, users } from "../../db/schema.js";
import { idArray } from "../../db/sql-array.js";

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

/**
 * What every request needs of its session and user: nothing more, so the hot path reads narrow rows. One id
 * (`find_session_actor`, a request arriving alone, the usual case) or several (`find_session_actors`, requests
 * arriving together). PostgreSQL keeps a named statement's generic plan only while it is estimated no dearer
 * than the plans made for the values: for `= any($1)` the generic plan guesses ten ids where a lone request sends
 * one, so it is planned again every time (~0.25 ms), while `= $1` keeps its plan.
 */
function prepareFindSessionActors(db: Db, many: boolean) {
  return db
    .select({
      id: sessions.id,
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
    .where(
      many
        ? sql`${sessions.id} = any(${sql.placeholder("ids")}::text[])`
        : eq(sessions.id, sql.placeholder("id")),
    )
    .prepare(many ? "find_session_actors" : "find_session_actor");
}

type SessionActorRow = Awaited<ReturnType<ReturnType<typeof prepareFindSessionActors>["execute"]>>[number];
/** A session with the fields of its user a request acts with. */
export type SessionActor = Omit<SessionActorRow, "id">;

/** sessionIdOf's output: a SHA-256 in base64url. */
const SESSION_ID = /^[A-Za-z0-9_-]{43}$/;

interface Waiting {
  resolve(row: SessionActor | null): void;
  reject(err: unknown): void;
}

/**
 * The session reads of one database handle, batched: the reads asked for while the event loop handles one round
 * of arriving requests go out together as one statement, after all of them were asked (setImmediate), so each
 * request still sees the session as it is after it arrived — a session ended before a request came is never
 * taken for it. A surge of requests costs a few statements instead of one each.
 */
class SessionReads {
  private waiting = new Map<string, Waiting[]>();
  private scheduled = false;
  private readonly one: ReturnType<typeof prepareFindSessionActors>;
  private readonly many: ReturnType<typeof prepareFindSessionActors>;

  constructor(db: Db) {
    this.one = prepareFindSessionActors(db, false);
    this.many = prepareFindSessionActors(db, true);
  }

  read(sessionId: string): Promise<SessionActor | null> {
    // Only a hash made by sessionIdOf can name a session; anything else is none (and never reaches the array).
    if (!SESSION_ID.test(sessionId)) return Promise.resolve(null);
    return new Promise((resolve, reject) => {
      const list = this.waiting.get(sessionId);
      if (list) list.push({ resolve, reject });
      else this.waiting.set(sessionId, [{ resolve, reject }]);
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    const batch = this.waiting;
    this.waiting = new Map();
    this.scheduled = false;
    try {
      const ids = [...batch.keys()];
      // Session ids are base64url hashes (checked in read): an array literal needs no quoting for them.
      const rows = await (ids.length === 1
        ? this.one.execute({ id: ids[0] })
        : this.many.execute({ ids: idArray(ids) }));
      const byId = new Map(rows.map(({ id, ...actor }) => [id, actor]));
      for (const [id, list] of batch) {
        const actor = byId.get(id);
        // Each request gets its own copy: nothing one request does to its actor reaches another's.
        for (const w of list) w.resolve(actor ? { ...actor, roles: [...actor.roles] } : null);
      }
    } catch (err) {
      for (const list of batch.values()) for (const w of list) w.reject(err);
    }
  }
}

/** A session with the fields of its user a request acts with, or null; read together with other requests' reads. */
export function findSessionActor(db: Db, sessionId: string): Promise<SessionActor | null> {
  return preparedOnce(db, "find_session_actors", () => new SessionReads(db)).read(sessionId);
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
