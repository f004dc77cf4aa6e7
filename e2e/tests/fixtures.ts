import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { test as base } from "@playwright/test";
import { E2E_NOW, e2eBasePort } from "../playwright.config";

export { type APIRequestContext, type Browser, expect, type Locator, type Page } from "@playwright/test";

/** The app one worker's tests run against: `npm start`'s server on a fresh embedded database of its own. */
interface AppServer {
  baseURL: string;
}

const root = path.resolve(import.meta.dirname, "..", "..");

/** Resolves once /api/health answers 200, rejects when the process ends first or the time is up. */
async function healthy(
  baseURL: string,
  child: ChildProcess,
  logFile: string,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) break;
    try {
      if ((await fetch(`${baseURL}/api/health`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  const tail = fs.existsSync(logFile) ? fs.readFileSync(logFile, "utf8").slice(-3000) : "";
  throw new Error(`浏览器测试的服务器没有启动（${baseURL}）：\n${tail}`);
}

/**
 * Each worker starts its own server, as `npm start` does after building (the same `serve:demo` script), on port
 * E2E_PORT + the worker's index, with a data directory of its own wiped first: workers never share a database, and
 * a spec sees only what the specs before it in the same worker did.
 */
export const test = base.extend<object, { appServer: AppServer }>({
  appServer: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads the fixtures a fixture needs from its first parameter.
    async ({}, use, workerInfo) => {
      const port = e2eBasePort + workerInfo.parallelIndex;
      const dataDir = path.join(root, ".tmp", `e2e-data-${port}`);
      fs.rmSync(dataDir, { recursive: true, force: true });
      fs.mkdirSync(path.dirname(dataDir), { recursive: true });
      const logFile = path.join(root, ".tmp", `e2e-server-${port}.log`);
      const log = fs.openSync(logFile, "w");
      const child = spawn("npm", ["run", "-s", "serve:demo", "--", "--port", String(port)], {
        cwd: root,
        detached: true,
        stdio: ["ignore", log, log],
        env: {
          ...process.env,
          DATA_DIR: dataDir,
          LOG_LEVEL: "warn",
          HOST: "127.0.0.1",
          // Every spec signs in from 127.0.0.1; the per-IP limit (20/min) is covered by the API tests.
          LOGIN_RATE_LIMIT_PER_MINUTE: "1000",
          // The demo plan is the 2023 one: the server's clock starts on a June morning of that year, so lights and
          // late flags are the same on every run and specs can assert them exactly.
          DUBAN_FAKE_NOW: E2E_NOW,
          DUBAN_ALLOW_FAKE_NOW: "1",
        },
      });
      fs.closeSync(log);
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      const baseURL = `http://127.0.0.1:${port}`;
      try {
        await healthy(baseURL, child, logFile, 150_000);
        await use({ baseURL });
      } finally {
        try {
          process.kill(-child.pid!, "SIGTERM");
        } catch {
          // Already gone.
        }
        await exited;
      }
    },
    { scope: "worker", timeout: 180_000 },
  ],
  baseURL: async ({ appServer }, use) => use(appServer.baseURL),
});
