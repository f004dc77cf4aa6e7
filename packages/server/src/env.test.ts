import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { loadConfig } from "./env.js";
import { clockStartingAt } from "./http/context.js";
import { runCliOn } from "./test/run-cli.js";

describe("DUBAN_FAKE_NOW", () => {
  it("is off unless set: the server runs on the real time", () => {
    expect(loadConfig({}).fakeNow).toBeUndefined();
  });

  it("starts the clock at the given instant when DUBAN_ALLOW_FAKE_NOW=1 says it is meant", () => {
    const config = loadConfig({ DUBAN_FAKE_NOW: "2023-06-15T09:00:00+08:00", DUBAN_ALLOW_FAKE_NOW: "1" });
    expect(config.fakeNow?.toISOString()).toBe("2023-06-15T01:00:00.000Z");
  });

  it("is refused without DUBAN_ALLOW_FAKE_NOW, saying what to do", () => {
    expect(() => loadConfig({ DUBAN_FAKE_NOW: "2023-06-15T09:00:00+08:00" })).toThrow(
      "配置有误：\n  DUBAN_FAKE_NOW: 固定时钟仅供测试（亮灯、逾期、催办都会按这个时刻计算）；确需使用请同时设置 DUBAN_ALLOW_FAKE_NOW=1，正式环境请删除此变量",
    );
  });

  it("refuses an instant without its time zone or that is no date", () => {
    for (const bad of ["2023-06-15", "2023-06-15T09:00:00", "2023-13-45T09:00:00Z", "tomorrow"])
      expect(() => loadConfig({ DUBAN_FAKE_NOW: bad, DUBAN_ALLOW_FAKE_NOW: "1" }), bad).toThrow(
        "配置有误：\n  DUBAN_FAKE_NOW: 须为带时区的时刻，如 2023-06-15T09:00:00+08:00",
      );
  });
});

describe("clockStartingAt", () => {
  afterEach(() => vi.useRealTimers());

  it("starts at the instant and runs on at real speed", () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-12-03T17:00:00Z"));
    const clock = clockStartingAt(new Date("2023-06-15T09:00:00+08:00"));
    expect(clock.now().toISOString()).toBe("2023-06-15T01:00:00.000Z");
    vi.setSystemTime(new Date("2026-12-03T17:25:00.250Z"));
    expect(clock.now().toISOString()).toBe("2023-06-15T01:25:00.250Z");
  });
});

describe("duban serve with DUBAN_FAKE_NOW", () => {
  afterEach(() => {
    delete process.env.DUBAN_FAKE_NOW;
  });

  it("refuses to start without DUBAN_ALLOW_FAKE_NOW, printing what to do and no stack trace", async () => {
    process.env.DUBAN_FAKE_NOW = "2023-06-15T09:00:00+08:00";
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "duban-fake-now-"));
    try {
      expect(await runCliOn(dataDir, "serve")).toEqual({
        code: 1,
        output:
          "错误：配置有误：\n  DUBAN_FAKE_NOW: 固定时钟仅供测试（亮灯、逾期、催办都会按这个时刻计算）；确需使用请同时设置 DUBAN_ALLOW_FAKE_NOW=1，正式环境请删除此变量",
      });
      // Refused before anything was opened.
      expect(fs.readdirSync(dataDir)).toEqual([]);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
