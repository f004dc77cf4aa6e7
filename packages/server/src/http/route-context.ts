import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { AppError } from "../errors.js";
import type { AppDeps, ServiceContext } from "./context.js";

declare module "fastify" {
  interface FastifyInstance {
    deps: AppDeps;
  }
}

/** The app with zod-typed routes. */
export type ZodApp = ReturnType<FastifyInstance["withTypeProvider"]> & FastifyInstance;

/** Registers routes with zod schemas typing `request.body`, `query` and `params`. */
export function typed(app: FastifyInstance) {
  return app.withTypeProvider<ZodTypeProvider>();
}

/** The service context of a signed-in request. */
export function contextOf(app: FastifyInstance, request: FastifyRequest): ServiceContext {
  if (!request.actor) throw new AppError("unauthenticated", "请先登录");
  return { ...app.deps, actor: request.actor, ip: request.ip ?? null };
}
