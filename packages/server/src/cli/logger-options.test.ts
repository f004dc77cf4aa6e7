import { stripVTControlCharacters } from "node:util";
import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { serverLoggerOptions } from "./logger-options.js";

/** A stand-in for standard output that keeps what is written, without colours. */
function captured(isTTY: boolean) {
  const lines: string[] = [];
  return {
    lines,
    output: {
      isTTY,
      write: (chunk: string) => {
        lines.push(...stripVTControlCharacters(chunk).split("\n").filter(Boolean));
        return true;
      },
    },
  };
}

describe("serverLoggerOptions", () => {
  it("writes one readable line per event in a terminal: time, level, method and path, status", async () => {
    const out = captured(true);
    const app = Fastify({ logger: serverLoggerOptions({ level: "info", output: out.output }) });
    app.get("/api/health", async () => ({ status: "ok" }));
    await app.inject({ method: "GET", url: "/api/health" });
    app.log.warn({ year: 2027 }, "2027 年的法定节假日安排尚未录入，按周一至周五计算工作日");
    await app.close();
    expect(out.lines.map((l) => l.replace(/^\[\d\d:\d\d:\d\d\] /, "[time] "))).toEqual([
      "[time] INFO: GET /api/health incoming request",
      "[time] INFO: 200 request completed",
      '[time] WARN: 2027 年的法定节假日安排尚未录入，按周一至周五计算工作日 {"year":2027}',
    ]);
  });

  it("keeps the JSON lines of the default logger when standard output is not a terminal", () => {
    expect(serverLoggerOptions({ level: "warn", output: captured(false).output })).toEqual({ level: "warn" });
    expect(serverLoggerOptions({ level: "info", output: { write: () => true } })).toEqual({ level: "info" });
  });
});
