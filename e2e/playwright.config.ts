import fs from "node:fs";
import { defineConfig } from "@playwright/test";

/** Debian's Chromium; Playwright's own browser downloads cannot be used here. */
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!fs.existsSync(chromium))
  throw new Error(`找不到 Chromium（${chromium}）：请 apt-get install chromium，浏览器测试不可跳过`);

/** Where the server's clock starts: halfway through the 2023 seed plan's year, in Shanghai. */
export const E2E_NOW = "2023-06-15T09:00:00+08:00";

/** The first worker's server listens here, the second's on the next port (tests/fixtures.ts). */
export const e2eBasePort = Number(process.env.E2E_PORT ?? 3900);

export default defineConfig({
  testDir: "./tests",
  // Each worker runs its spec files one after another against a server and embedded database of its own
  // (tests/fixtures.ts); two workers keep both cores busy while a browser waits on the other's page.
  workers: Number(process.env.E2E_WORKERS ?? 2),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    launchOptions: {
      executablePath: chromium,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
    trace: "retain-on-failure",
  },
});
