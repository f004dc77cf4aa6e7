// A signed-in HTTP client over Node's fetch (undici, keep-alive), with a global request budget and abort.

/** What a request came back with; status 0 means a network error or abort. */
export interface Answer {
  status: number;
  ok: boolean;
  body: unknown;
  error?: string;
  start: number;
  end: number;
}

/** Shared by every client of a run: base URL, the global abort signal and the request budget. */
export interface HttpContext {
  base: string;
  signal: AbortSignal;
  maxRequests: number;
  sent: number;
  /** Slowest single request allowed before it counts as an error. */
  requestTimeoutMs: number;
}

/** Thrown when the run would exceed its request budget. */
export class BudgetExceeded extends Error {}

/** A browser-like session: cookie and CSRF token, one per user. */
export class Client {
  private cookie = "";
  private csrf = "";

  constructor(private readonly http: HttpContext) {}

  /** Signs in with the real login endpoint and keeps the session. */
  async login(login: string, password: string): Promise<Answer> {
    const res = await this.request("POST", "/api/auth/login", { login, password });
    if (res.ok) this.csrf = (res.body as { csrfToken: string }).csrfToken;
    return res;
  }

  /** Sends JSON (or multipart when given FormData) and reads a JSON answer. */
  async request(method: string, path: string, payload?: unknown): Promise<Answer> {
    if (++this.http.sent > this.http.maxRequests)
      throw new BudgetExceeded(`request budget of ${this.http.maxRequests} exhausted`);
    const headers: Record<string, string> = {};
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrf) headers["x-csrf-token"] = this.csrf;
    let body: string | FormData | undefined;
    if (payload instanceof FormData) body = payload;
    else if (payload !== undefined) {
      headers["content-type"] = "application/json";
      body = JSON.stringify(payload);
    }
    const start = performance.now();
    try {
      const res = await fetch(this.http.base + path, {
        method,
        headers,
        body,
        signal: AbortSignal.any([this.http.signal, AbortSignal.timeout(this.http.requestTimeoutMs)]),
      });
      const text = await res.text();
      const end = performance.now();
      const setCookie = res.headers.getSetCookie().find((c) => c.startsWith("duban_session="));
      if (setCookie) this.cookie = setCookie.split(";")[0]!;
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {}
      const error = res.ok ? undefined : `${res.status} ${errorText(parsed)}`;
      return { status: res.status, ok: res.ok, body: parsed, start, end, ...(error ? { error } : {}) };
    } catch (err) {
      const e = err as Error & { cause?: { code?: string; message?: string } };
      const why = e.cause?.code ?? e.cause?.message ?? e.name;
      return { status: 0, ok: false, body: null, start, end: performance.now(), error: `network ${why}` };
    }
  }

  /** The session's headers (cookie, CSRF token), for a load client sending requests on this user's behalf. */
  sessionHeaders(): Record<string, string> {
    return {
      ...(this.cookie ? { cookie: this.cookie } : {}),
      ...(this.csrf ? { "x-csrf-token": this.csrf } : {}),
    };
  }

  get = (path: string) => this.request("GET", path);
  post = (path: string, payload: unknown = {}) => this.request("POST", path, payload);
}

/** The code and message of Duban's error envelope, or the raw text. */
function errorText(body: unknown): string {
  const e = (body as { error?: { code?: string; message?: string } } | null)?.error;
  if (e) return `${e.code}: ${e.message}`;
  return String(body).slice(0, 200);
}

/** Throws with the answer's error unless it has the expected status. */
export function expectStatus(res: Answer, status: number, what: string): void {
  if (res.status !== status) throw new Error(`${what}: expected ${status}, got ${res.error ?? res.status}`);
}

/** Signs in with fetch and returns the headers a browser would send afterwards (cookie and CSRF token). */
export async function sessionHeaders(base: string, login: string): Promise<Record<string, string>> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ login, password: "Duban@2023" }),
  });
  if (!res.ok) throw new Error(`login ${login}: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .find((c) => c.startsWith("duban_session="))!
    .split(";")[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, "x-csrf-token": csrfToken };
}
