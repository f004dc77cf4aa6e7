import type { FastifyInstance, FastifyServerOptions } from "fastify";

/**
 * The server's request log: one line per request, written when it is answered (`GET /api/plans 200 request
 * completed`, with the request, the status and the response time), in place of Fastify's two lines per request
 * (one when it comes in, one when it is answered). A request whose client went away before the answer gets a
 * line of its own; errors are logged with the request's id as before.
 */
export const requestLogOptions = { disableRequestLogging: true } satisfies FastifyServerOptions;

/** Registers the request log's hooks (on an app built with `requestLogOptions`). */
export function registerRequestLog(app: FastifyInstance): void {
  app.addHook("onResponse", async (request, reply) => {
    request.log.info({ req: request, res: reply, responseTime: reply.elapsedTime }, "request completed");
  });
  app.addHook("onRequestAbort", async (request) => {
    request.log.info({ req: request }, "request aborted by the client");
  });
}
