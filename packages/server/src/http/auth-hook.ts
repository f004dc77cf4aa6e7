import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Database } from "../db/client.js";
import type { Config } from "../env.js";
import { AppError } from "../errors.js";
import {
  deleteSession,
  findSessionActor,
  sessionIdOf,
  touchSession,
} from "../modules/auth/sessions.repository.js";
import type { Actor, AppDeps, Clock } from "./context.js";

/** Name of the session cookie. */
export const SESSION_COOKIE = "duban_session";

/** Writes to lastSeenAt at most this often, so reads stay reads. */
const TOUCH_EVERY_MS = 60_000;

const unsafeMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** Loads the session for a request and enforces expiry; returns null when signed out. */
async function loadActor(
  request: FastifyRequest,
  database: Database,
  config: Config,
  clock: Clock,
): Promise<Actor | null> {
  const token = request.cookies[SESSION_COOKIE];
  if (!token) return null;
  const sessionId = sessionIdOf(token);
  const found = await findSessionActor(database.db, sessionId);
  if (!found) return null;
  const now = clock.now();
  const idle = now.getTime() - found.lastSeenAt.getTime() > config.sessionIdleMs;
  if (idle || now >= found.expiresAt || !found.enabled) {
    await deleteSession(database.db, sessionId);
    throw new AppError(
      "session_expired",
      found.enabled ? "登录已超时，请重新登录" : "账号已停用，请联系管理员",
    );
  }
  if (now.getTime() - found.lastSeenAt.getTime() > TOUCH_EVERY_MS)
    await touchSession(database.db, sessionId, now);
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
export function registerAuthHook(app: FastifyInstance, deps: AppDeps): void {
  app.decorateRequest("actor", null);
  // onRequest, before any body is read: an anonymous caller learns nothing about schemas and costs no parsing.
  app.addHook("onRequest", async (request) => {
    const mode = request.routeOptions.config?.auth ?? "session";
    // The browsable API docs are as public as the OpenAPI document they render.
    if (mode === "public" || !request.url.startsWith("/api/") || request.url.startsWith("/api/docs")) return;
    const actor = await loadActor(request, deps.database, deps.config, deps.clock);
    if (!actor) throw new AppError("unauthenticated", "请先登录");
    // SameSite=Strict already keeps the cookie off cross-site requests; the header is the second lock.
    if (unsafeMethods.has(request.method) && request.headers["x-csrf-token"] !== actor.csrfToken)
      throw new AppError("csrf_rejected", "请求缺少有效的安全令牌，请刷新页面后重试");
    if (actor.mustChangePassword && mode !== "password-change")
      throw new AppError("password_change_required", "请先修改初始密码");
    request.actor = actor;
  });
}
