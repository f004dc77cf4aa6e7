import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

const script = fileURLToPath(new URL("./cli-process.ts", import.meta.url));

/** A free loopback port. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** `duban serve` in a child process, with its output collected in a log file. */
export interface ServerProcess {
  base: string;
  pid: number;
  /** Resolves with the exit code or signal once the process has ended. */
  exited: Promise<string>;
  child: ChildProcess;
  logTail(): string;
}

/** Starts `duban serve` on DATA_DIR (and DATABASE_URL when given) and waits until /api/health answers 200. */
export async function startServerProcess(options: {
  dataDir: string;
  databaseUrl: string | undefined;
  port: number;
  timeoutMs?: number;
  /** More environment for the server (FILE_STORE, DUBAN_FAKE_NOW …). */
  env?: Record<string, string>;
}): Promise<ServerProcess> {
  const logFile = path.join(options.dataDir, `server-${Date.now()}.log`);
  const log = fs.openSync(logFile, "a");
  const child = spawn(
    process.execPath,
    ["--conditions=source", "--import", "tsx", script, "serve", "--port", String(options.port)],
    {
      stdio: ["ignore", log, log],
      env: {
        ...process.env,
        HOST: "127.0.0.1",
        DATA_DIR: options.dataDir,
        DATABASE_URL: options.databaseUrl ?? "",
        LOG_LEVEL: "warn",
        SCHEDULER: "0",
        // The test signs dozens of users in from one address.
        LOGIN_RATE_LIMIT_PER_MINUTE: "10000",
        ...options.env,
      },
    },
  );
  fs.closeSync(log);
  const exited = new Promise<string>((resolve) =>
    child.once("exit", (code, sig) => resolve(String(code ?? sig))),
  );
  let gone: string | null = null;
  void exited.then((how) => {
    gone = how;
  });
  const server: ServerProcess = {
    base: `http://127.0.0.1:${options.port}`,
    pid: child.pid!,
    exited,
    child,
    logTail: () => fs.readFileSync(logFile, "utf8").slice(-3000),
  };
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  while (Date.now() < deadline && gone === null) {
    try {
      if ((await fetch(`${server.base}/api/health`)).ok) return server;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill("SIGKILL");
  throw new Error(`server did not start (${gone ?? "timeout"}):\n${server.logTail()}`);
}

/** A signed-in HTTP client: the session cookie and the CSRF header on every request. */
export interface HttpSession {
  request(method: string, url: string, body?: unknown): Promise<{ status: number; json: unknown }>;
}

/** Signs in over HTTP. */
export async function signInHttp(base: string, login: string, password: string): Promise<HttpSession> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ login, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in ${login}: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .find((c) => c.startsWith("duban_session="))!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return {
    async request(method, url, body) {
      const headers: Record<string, string> = { cookie, "x-csrf-token": csrfToken };
      let payload: FormData | string | undefined;
      if (body instanceof FormData) payload = body;
      else if (body !== undefined) {
        headers["content-type"] = "application/json";
        payload = JSON.stringify(body);
      }
      const r = await fetch(`${base}${url}`, { method, headers, ...(payload ? { body: payload } : {}) });
      const text = await r.text();
      return { status: r.status, json: text ? JSON.parse(text) : null };
    },
  };
}
