import http from "node:http";
import { stripVTControlCharacters } from "node:util";
import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { registerRequestLog, requestLogOptions } from "../http/request-log.js";
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
  it("writes one readable line per event in a terminal: a request's time, level, method and path, status", async () => {
    const out = captured(true);
    const app = Fastify({
      logger: serverLoggerOptions({ level: "info", output: out.output }),
      ...requestLogOptions(),
    });
    registerRequestLog(app);
    app.get("/api/health", async () => ({ status: "ok" }));
    await app.inject({ method: "GET", url: "/api/health" });
    app.log.warn({ year: 2027 }, "2027 年的法定节假日安排尚未录入，按周一至周五计算工作日");
    await app.close();
    expect(out.lines.map((l) => l.replace(/^\[\d\d:\d\d:\d\d\] /, "[time] "))).toEqual([
      "[time] INFO: GET /api/health 200 request completed",
      '[time] WARN: 2027 年的法定节假日安排尚未录入，按周一至周五计算工作日 {"year":2027}',
    ]);
  });

  it("keeps the JSON lines of the default logger when standard output is not a terminal", () => {
    expect(serverLoggerOptions({ level: "warn", output: captured(false).output })).toEqual({ level: "warn" });
    expect(serverLoggerOptions({ level: "info", output: { write: () => true } })).toEqual({ level: "info" });
  });
});

describe("the request log", () => {
  it("writes one JSON line per request, with the method, path, status and response time", async () => {
    const lines: Record<string, unknown>[] = [];
    const app = Fastify({
      logger: { level: "info", stream: { write: (line: string) => lines.push(JSON.parse(line)) } },
      ...requestLogOptions(),
    });
    app.get("/api/health", async () => ({ status: "ok" }));
    await app.inject({ method: "GET", url: "/api/health" });
    await app.close();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      msg: "request completed",
      req: { method: "GET", url: "/api/health" },
      res: { statusCode: 200 },
    });
    expect(typeof lines[0]!.responseTime).toBe("number");
  });

  it("writes a line for a request whose client went away before the answer", async () => {
    const lines: { msg: string; req?: { url: string } }[] = [];
    const app = Fastify({
      logger: { level: "info", stream: { write: (line: string) => lines.push(JSON.parse(line)) } },
      ...requestLogOptions(),
    });
    registerRequestLog(app);
    let release: () => void = () => {};
    const started = new Promise<void>((resolve) => {
      app.get("/api/slow", async () => {
        resolve();
        await new Promise<void>((r) => {
          release = r;
        });
        return { status: "ok" };
      });
    });
    const base = await app.listen({ port: 0, host: "127.0.0.1" });
    // A client of its own connection, which it closes while the request is being handled.
    const request = http.get(`${base}/api/slow`, { agent: false });
    const closed = new Promise((resolve) => request.on("error", resolve));
    await started;
    request.destroy();
    await closed;
    await expect.poll(() => lines.map((l) => l.msg)).toContain("request aborted by the client");
    release();
    await app.close();
    expect(lines.filter((l) => l.req?.url === "/api/slow").map((l) => l.msg)[0]).toBe(
      "request aborted by the client",
    );
  });
});
