import {
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
  LogController,
} from "fastify";

/**
 * The server's request log: one line per request, written when it is answered (`GET /api/plans 200 request
 * completed`, with the request, the status and the response time), in place of Fastify's two lines per request
 * (one when it comes in, one when it is answered). Errors are logged as Fastify logs them, with the request's id.
 */
class OneLinePerRequest extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    const line = { req: request, res: reply, responseTime: reply.elapsedTime };
    if (error) reply.log.error({ ...line, err: error }, "request errored");
    else reply.log.info(line, "request completed");
  }
}

/** The Fastify options of the request log (a logger is given separately). */
export function requestLogOptions(): Pick<FastifyServerOptions, "logController"> {
  return { logController: new OneLinePerRequest() };
}

/** Registers the request log's hook for a request whose client went away before the answer: a line of its own. */
export function registerRequestLog(app: FastifyInstance): void {
  app.addHook("onRequestAbort", async (request) => {
    request.log.info({ req: request }, "request aborted by the client");
  });
}
