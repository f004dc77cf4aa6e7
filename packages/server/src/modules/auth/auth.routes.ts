import { changePasswordSchema, errorEnvelopeSchema, loginSchema, meSchema } from "@duban/domain";
import type { FastifyInstance } from "fastify";
import { SESSION_COOKIE } from "../../http/auth-hook.js";
import { noContent } from "../../http/openapi.js";
import { contextOf, typed } from "../../http/route-context.js";
import { changePassword, getMe, login, logout } from "./auth.service.js";

/** Sign-in, sign-out, the current user and password change. */
export async function authRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);
  const tags = ["auth"];

  r.post(
    "/api/auth/login",
    {
      schema: { tags, body: loginSchema, response: { 200: meSchema, 401: errorEnvelopeSchema } },
      config: {
        auth: "public",
        rateLimit: { max: app.deps.config.loginRateLimitPerMinute, timeWindow: "1 minute" },
      },
    },
    async (request, reply) => {
      const origin = { ip: request.ip ?? null, userAgent: request.headers["user-agent"] ?? null };
      const { token, me } = await login(app.deps, request.body, origin);
      reply.setCookie(SESSION_COOKIE, token, {
        path: "/",
        httpOnly: true,
        sameSite: "strict",
        secure: request.protocol === "https",
        maxAge: Math.floor(app.deps.config.sessionAbsoluteMs / 1000),
      });
      return me;
    },
  );

  r.get(
    "/api/auth/me",
    { schema: { tags, response: { 200: meSchema } }, config: { auth: "password-change" } },
    async (request) => getMe(app.deps, contextOf(app, request).actor),
  );

  for (const [path, everywhere] of [
    ["/api/auth/logout", false],
    ["/api/auth/logout-all", true],
  ] as const) {
    const schema = { tags, response: noContent };
    r.post(path, { schema, config: { auth: "password-change" } }, async (request, reply) => {
      await logout(contextOf(app, request), everywhere);
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return reply.status(204).send();
    });
  }

  r.post(
    "/api/auth/change-password",
    {
      schema: { tags, body: changePasswordSchema, response: noContent },
      config: { auth: "password-change" },
    },
    async (request, reply) => {
      await changePassword(contextOf(app, request), request.body);
      return reply.status(204).send();
    },
  );
}
