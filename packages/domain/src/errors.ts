/** Machine-readable error codes; the client switches on these, never on message text. */
export const errorCodes = [
  "bad_request",
  "validation_failed",
  "unauthenticated",
  "session_expired",
  "password_change_required",
  "invalid_credentials",
  "account_locked",
  "account_disabled",
  "csrf_rejected",
  "forbidden",
  "not_found",
  "conflict",
  "stale_version",
  "form_field_in_use",
  "payload_too_large",
  "unsupported_media_type",
  "rate_limited",
  "upload_rate_limited",
  "upload_quota_exceeded",
  "internal",
  "database_unavailable",
] as const;

/** One of the machine-readable error codes. */
export type ErrorCode = (typeof errorCodes)[number];

/** HTTP status for each error code: the single table the server's error handler uses. */
export const errorStatus: Record<ErrorCode, number> = {
  bad_request: 400,
  validation_failed: 400,
  unauthenticated: 401,
  session_expired: 401,
  password_change_required: 403,
  invalid_credentials: 401,
  account_locked: 423,
  account_disabled: 403,
  csrf_rejected: 403,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  stale_version: 409,
  /** A form field a computed indicator's formula uses cannot be deleted; `details` names the indicators. */
  form_field_in_use: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  /** A unit uploaded too many files within the upload window. */
  upload_rate_limited: 429,
  /** A unit's files of the day would exceed its daily stored-size quota. */
  upload_quota_exceeded: 413,
  internal: 500,
  database_unavailable: 503,
};

/** One offending field of a rejected request. */
export interface FieldIssue {
  path: string;
  message: string;
}

/** The body of every error response: `{ "error": { code, message, details } }`. */
export interface ErrorEnvelope {
  error: { code: ErrorCode; message: string; details?: unknown };
}
