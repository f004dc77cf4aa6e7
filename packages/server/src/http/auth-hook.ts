import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Db } from "../db/client.js";
import { AppError } from "../errors.js";
import type { Actor, AppDeps } from "./context.js";

/** Name of the session cookie. */
export const SESSION_COOKIE = "duban_session";

/** Writes to lastSeenAt at most this often, so reads stay reads. */
const TOUCH_EVERY_MS = 60_000;

/** Past this many remembered uses, forget those already idle past the timeout. */
const SWEEP_AT = 5_000;

const unsafeMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * The session statements every request runs. The auth module owns them and the app hands them in, so request
 * plumbing stays below the features.
 */
export interface SessionStore {
  sessionIdOf(token: string): string;
  findSessionActor(
    db: Db,
    sessionId: string,
  ): Promise<{
    lastSeenAt: Date;
    expiresAt: Date;
    csrfToken: string;
    userId: string;
    tenantId: string;
    name: string;
    login: string;
    roles: string[];
    unitId: string | null;
    enabled: boolean;
    mustChangePassword: boolean;
  } | null>;
  touchSession(db: Db, sessionId: string, now: Date): Promise<void>;
  deleteSession(db: Db, sessionId: string): Promise<void>;
}

/**
 * The latest use of each session this process served but did not write (lastSeenAt is written at most once
 * a minute). The idle timeout counts from the later of the two, so a session lives exactly the idle time
 * after its last use instead of up to a minute less. Each server process keeps its own: with several worker
 * processes, a use served by another process within the last minute is seen only from the database.
 */
class UnwrittenUses {
  private readonly uses = new Map<string, number>();

  /** The last use of a session: the later of the stored time and any use not yet written. */
  lastUse(sessionId: string, stored: Date): number {
    return Math.max(stored.getTime(), this.uses.get(sessionId) ?? 0);
  }

  /** Remembers a use that was not written. */
  remember(sessionId: string, at: number): void {
    if ((this.uses.get(sessionId) ?? 0) < at) this.uses.set(sessionId, at);
  }

  /** Forgets uses up to `at`, once the database holds `at`; a later use of a parallel request stays. */
  written(sessionId: string, at: number, idleMs: number): void {
    if ((this.uses.get(sessionId) ?? 0) <= at) this.uses.delete(sessionId);
    // Sessions nobody came back to would otherwise stay here forever.
    if (this.uses.size > SWEEP_AT)
      for (const [id, use] of this.uses) if (at - use >= idleMs) this.uses.delete(id);
  }

  /** Forgets an ended session. */
  forget(sessionId: string): void {
    this.uses.delete(sessionId);
  }
}

/** Loads the session for a request and enforces expiry; returns null when signed out. */
async function loadActor(
  request: FastifyRequest,
  deps: Pick<AppDeps, "database" | "config" | "clock">,
  store: SessionStore,
  unwritten: UnwrittenUses,
): Promise<Actor | null> {
  const { database, config, clock } = deps;
  const token = request.cookies[SESSION_COOKIE];
  if (!token) return null;
  const sessionId = store.sessionIdOf(token);
  const found = await store.findSessionActor(database.db, sessionId);
  if (!found) return null;
  const now = clock.now();
  // Idle from the true last use: at exactly the idle time after it, the session is over.
  const idle = now.getTime() - unwritten.lastUse(sessionId, found.lastSeenAt) >= config.sessionIdleMs;
  if (idle || now >= found.expiresAt || !found.enabled) {
    unwritten.forget(sessionId);
    await store.deleteSession(database.db, sessionId);
    throw new AppError(
      "session_expired",
      found.enabled ? "登录已超时，请重新登录" : "账号已停用，请联系管理员",
    );
  }
  if (now.getTime() - found.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await store.touchSession(database.db, sessionId, now);
    unwritten.written(sessionId, now.getTime(), config.sessionIdleMs);
  } else unwritten.remember(sessionId, now.getTime());
  return {
    userId: found.userId,
    tenantId: found.tenantId,
    name: found.name,
    login: found.login,
    roles: found.roles as Actor["roles"],
    unitId: found.unitId,
    sessionId,
    csrfToken: found.csrfToken,
    mustChangePassword: found.mustChangePassword,
  };
}

/** Authenticates every /api request: session, CSRF header on writes, and the forced password change. */
export function registerAuthHook(app: FastifyInstance, deps: AppDeps, store: SessionStore): void {
  app.decorateRequest("actor", null);
  const unwritten = new UnwrittenUses();
  // onRequest, before any body is read: an anonymous caller learns nothing about schemas and costs no parsing.
  app.addHook("onRequest", async (request) => {
    const mode = request.routeOptions.config?.auth ?? "session";
    // The browsable API docs are as public as the OpenAPI document they render.
    if (mode === "public" || !request.url.startsWith("/api/") || request.url.startsWith("/api/docs")) return;
    const actor = await loadActor(request, deps, store, unwritten);
    if (!actor) throw new AppError("unauthenticated", "请先登录");
    // SameSite=Strict already keeps the cookie off cross-site requests; the header is the second lock.
    if (unsafeMethods.has(request.method) && request.headers["x-csrf-token"] !== actor.csrfToken)
      throw new AppError("csrf_rejected", "请求缺少有效的安全令牌，请刷新页面后重试");
    if (actor.mustChangePassword && mode !== "password-change")
      throw new AppError("password_change_required", "请先修改初始密码");
    request.actor = actor;
  });
}
