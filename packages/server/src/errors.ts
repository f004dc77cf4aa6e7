import { type ErrorCode, errorStatus, type FieldIssue } from "@duban/domain";

/** The one error type services throw; the edge handler turns it into the error envelope. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  /**
   * `options.cause` is the internal failure behind a refusal (a parser's exception): the edge handler logs it
   * and never sends it, so a client sees only the Chinese message.
   */
  constructor(code: ErrorCode, message: string, details?: unknown, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "AppError";
    this.code = code;
    this.details = details;
  }

  /** HTTP status for this error's code. */
  get status(): number {
    return errorStatus[this.code];
  }
}

/** Not yours to see (or does not exist): always the same answer, so existence is not revealed. */
export function notFound(what = "记录"): AppError {
  return new AppError("not_found", `${what}不存在或无权查看`);
}

/** Visible but not yours to change. */
export function forbidden(message = "无权执行此操作"): AppError {
  return new AppError("forbidden", message);
}

/** The record changed since the client read it. */
export function staleVersion(): AppError {
  return new AppError("stale_version", "数据已被他人修改，请刷新后重试");
}

/** Rejects input with the offending fields named. */
export function invalid(issues: FieldIssue[], message = "提交的数据有误，请检查标出的字段"): AppError {
  return new AppError("validation_failed", message, issues);
}

/** Maps a unique-constraint violation to a field error; returns null for any other error. */
export function uniqueViolation(err: unknown): { constraint: string } | null {
  const e = (err as { cause?: unknown })?.cause ?? err;
  const code = (e as { code?: string })?.code;
  if (code !== "23505") return null;
  return { constraint: String((e as { constraint?: string }).constraint ?? "") };
}
