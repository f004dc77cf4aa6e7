import type { ErrorCode } from "@duban/domain";

/** An error answered by the API (or a network failure), typed from the error envelope. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: unknown;

  constructor(options: { code: ErrorCode; message: string; status: number; details?: unknown }) {
    super(options.message);
    this.name = "ApiError";
    this.code = options.code;
    this.status = options.status;
    this.details = options.details;
  }
}

/** True when `error` is an `ApiError` with one of the given codes. */
export function isApiError(error: unknown, ...codes: ErrorCode[]): error is ApiError {
  return error instanceof ApiError && (codes.length === 0 || codes.includes(error.code));
}

// The CSRF token of the current session; set from `me` (login and GET /api/auth/me).
let csrfToken: string | null = null;

/** Remembers the CSRF token that state-changing requests must carry. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Headers a state-changing request outside `apiRequest` (e.g. an upload widget) must carry. */
export function csrfHeaders(): Record<string, string> {
  return csrfToken ? { "X-CSRF-Token": csrfToken } : {};
}

/** Query-string values; undefined, null and "" are left out. */
export type QueryParams = Record<string, string | number | boolean | null | undefined>;

/** Options of one API request. */
export interface RequestOptions {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  query?: QueryParams;
  body?: unknown;
  signal?: AbortSignal;
}

/** Builds `/api/...?...` from a path and query parameters. */
export function apiUrl(path: string, query?: QueryParams): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== "") params.set(key, String(value));
  }
  const qs = params.toString();
  return `/api${path}${qs ? `?${qs}` : ""}`;
}

const fallbackMessages: Partial<Record<ErrorCode, string>> = {
  unauthenticated: "请先登录",
  session_expired: "登录已过期，请重新登录",
  forbidden: "您没有权限执行此操作",
  not_found: "记录不存在或已被删除",
  stale_version: "数据已被他人修改，请刷新后重试",
  rate_limited: "操作过于频繁，请稍后再试",
  internal: "服务器出错了，请稍后重试",
  database_unavailable: "数据库暂时无法连接，请稍后重试",
};

async function toApiError(response: Response): Promise<ApiError> {
  let envelope: { error?: { code?: ErrorCode; message?: string; details?: unknown } } | null = null;
  try {
    envelope = await response.json();
  } catch {
    envelope = null;
  }
  const code = envelope?.error?.code ?? (response.status === 401 ? "unauthenticated" : "internal");
  const message = envelope?.error?.message || fallbackMessages[code] || `请求失败（${response.status}）`;
  return new ApiError({ code, message, status: response.status, details: envelope?.error?.details });
}

/** Sends one request to the API and returns the parsed JSON body (undefined for 204). */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? "GET";
  const headers: Record<string, string> = { Accept: "application/json" };
  if (method !== "GET" && csrfToken) headers["X-CSRF-Token"] = csrfToken;
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) body = options.body;
  else if (options.body !== undefined) {
    headers["Content-Type"] = "application/json";
    body = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(apiUrl(path, options.query), {
      method,
      headers,
      body,
      credentials: "same-origin",
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError({ code: "internal", message: "无法连接服务器，请检查网络后重试", status: 0 });
  }
  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}
