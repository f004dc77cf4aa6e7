import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";

/** A signed-in client for `app.inject`, sending the cookie and the CSRF header. */
export interface TestSession {
  cookie: string;
  csrfToken: string;
  request(
    method: InjectOptions["method"],
    url: string,
    payload?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
}

/** Signs in through the real login endpoint. */
export async function signIn(app: FastifyInstance, login: string, password: string): Promise<TestSession> {
  const res = await app.inject({ method: "POST", url: "/api/auth/login", payload: { login, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === "duban_session");
  if (!cookie) throw new Error("no session cookie");
  const cookieHeader = `duban_session=${cookie.value}`;
  const csrfToken = (res.json() as { csrfToken: string }).csrfToken;
  const request: TestSession["request"] = (method, url, payload, headers = {}) =>
    app.inject({
      method,
      url,
      ...(payload === undefined ? {} : { payload: payload as InjectOptions["payload"] }),
      headers: { cookie: cookieHeader, "x-csrf-token": csrfToken, ...headers },
    });
  return {
    cookie: cookieHeader,
    csrfToken,
    request,
    get: (url) => request("GET", url),
    post: (url, payload) => request("POST", url, payload ?? {}),
    put: (url, payload) => request("PUT", url, payload),
  };
}
