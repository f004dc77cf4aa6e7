import { type ErrorCode, errorStatus, type FieldIssue } from "@duban/domain";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { DATABASE_UNAVAILABLE_MESSAGE } from "../db/availability.js";
import { AppError } from "../errors.js";

/**
 * Writes the error envelope. A refusal that says when to come back (`details.retryAfterSeconds`: the import
 * queue, the upload quota) says it in the Retry-After header too, for clients and proxies that read headers.
 */
function send(reply: FastifyReply, status: number, code: ErrorCode, message: string, details?: unknown) {
  const retryAfter = (details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
  if (typeof retryAfter === "number") reply.header("retry-after", String(retryAfter));
  return reply
    .status(status)
    .send({ error: { code, message, ...(details === undefined ? {} : { details }) } });
}

/** Turns schema-validation failures into field issues; an unknown key is reported at its own path. */
function fieldIssues(
  context: string | undefined,
  validation: { instancePath: string; message?: string; keyword: string; params: unknown }[],
): FieldIssue[] {
  const prefix = context === "body" || !context ? "" : `${context}.`;
  return validation.flatMap((v) => {
    const base = v.instancePath.replace(/^\//, "").replaceAll("/", ".");
    const keys = (v.params as { keys?: string[] })?.keys;
    if (v.keyword === "unrecognized_keys" && keys) {
      return keys.map((k) => ({ path: prefix + (base ? `${base}.${k}` : k), message: "不允许的字段" }));
    }
    return [{ path: prefix + base || "(body)", message: v.message ?? "无效" }];
  });
}

/** Fastify's own client errors, mapped to envelope codes with Chinese messages. */
function clientError(err: FastifyError): [number, ErrorCode, string] | null {
  switch (err.code) {
    case "FST_ERR_CTP_INVALID_JSON_BODY":
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return [400, "bad_request", "请求体不是有效的 JSON"];
    case "FST_ERR_CTP_BODY_TOO_LARGE":
    case "FST_REQ_FILE_TOO_LARGE":
      return [413, "payload_too_large", "上传的内容过大"];
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
    case "FST_INVALID_MULTIPART_CONTENT_TYPE":
      return [415, "unsupported_media_type", "不支持的内容类型"];
  }
  if (err.statusCode === 429) return [429, "rate_limited", "请求过于频繁，请稍后再试"];
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500)
    return [err.statusCode, "bad_request", "请求格式不正确"];
  return null;
}

/**
 * Errors the router raises before any route or hook runs (a URL that does not decode, a path parameter past
 * its length limit): without this they would leave in Fastify's own shape, not the envelope clients switch on.
 */
export function sendFrameworkError(err: FastifyError, _request: FastifyRequest, reply: FastifyReply) {
  if (err.code === "FST_ERR_MAX_PARAM_LENGTH")
    return send(reply, 414, "bad_request", "请求地址过长，请检查链接");
  return send(reply, 400, "bad_request", "请求地址格式不正确，请检查链接");
}

/** The one error handler at the edge: known errors become envelopes, unknown ones a generic 500. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof AppError) {
      // The internal failure behind a refusal (a parser's exception text) is for the log, never the answer.
      if (err.cause !== undefined)
        request.log.warn({ reqId: request.id, code: err.code, cause: String(err.cause) }, "request refused");
      return send(reply, err.status, err.code, err.message, err.details);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues = fieldIssues(err.validationContext, err.validation);
      return send(reply, 400, "validation_failed", "提交的数据有误，请检查标出的字段", issues);
    }
    const known = clientError(err);
    if (known) return send(reply, known[0], known[1], known[2]);
    // Logged once per outage by the availability log, not once per request.
    if (app.deps.database.availability.noteFailure(err))
      return send(
        reply,
        errorStatus.database_unavailable,
        "database_unavailable",
        DATABASE_UNAVAILABLE_MESSAGE,
      );
    request.log.error({ err, reqId: request.id }, "unhandled error");
    return send(reply, 500, "internal", `服务器内部错误，请稍后重试（请求编号 ${request.id}）`);
  });

  app.setNotFoundHandler((request, reply) =>
    send(reply, 404, "not_found", `接口不存在：${request.method} ${request.url.split("?")[0]}`),
  );
}
