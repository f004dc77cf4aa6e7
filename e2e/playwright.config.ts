import fs from "node:fs";
import path from "node:path";
import { defineConfig } from "@playwright/test";

/** Debian's Chromium; Playwright's own browser downloads cannot be used here. */
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!fs.existsSync(chromium))
  throw new Error(`找不到 Chromium（${chromium}）：请 apt-get install chromium，浏览器测试不可跳过`);

/** Where the server's clock starts: halfway through the 2023 seed plan's year, in Shanghai. */
export const E2E_NOW = "2023-06-15T09:00:00+08:00";

const port = Number(process.env.E2E_PORT ?? 3900);
const dataDir = path.resolve(process.cwd(), "..", ".tmp", `e2e-data-${port}`);

export default defineConfig({
  testDir: "./tests",
  // One server with one embedded database: tests run one after another.
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
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
  webServer: {
    // A fresh embedded database each run, seeded with the demo bureau.
    // The data directory is per port, so a run on another port never wipes a running server's database.
    // The same script `npm start` runs after building, so the browser tests start the app as a user does.
    command: `rm -rf ${dataDir} && npm run -s --prefix .. serve:demo -- --port ${port}`,
    env: {
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
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
  },
});
