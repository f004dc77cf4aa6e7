import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
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

  it("writes JSON lines to a stand-in that is not a terminal", async () => {
    const out = captured(false);
    const app = Fastify({ logger: serverLoggerOptions({ level: "warn", output: out.output }) });
    app.log.info("below the level");
    app.log.warn({ year: 2027 }, "节假日未录入");
    await app.close();
    expect(out.lines.map((l) => JSON.parse(l))).toMatchObject([
      { level: 40, year: 2027, msg: "节假日未录入" },
    ]);
  });

  it("writes the JSON lines to the output's descriptor, all of them once the logger is flushed", async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "duban-log-")), "server.log");
    const fd = fs.openSync(file, "w");
    try {
      const options = serverLoggerOptions({ level: "info", output: { fd, write: () => true } });
      const app = Fastify({ logger: options });
      for (let i = 0; i < 500; i++) app.log.info({ line: i }, "burst");
      // The destination pino made for the descriptor: what the process's exit does, done here.
      const stream = (options as unknown as { stream: { flushSync(): void; maxWrite: number } }).stream;
      stream.flushSync();
      // Each write at most PIPE_BUF bytes: the lines of several server processes sharing a pipe stay whole.
      expect(stream.maxWrite).toBe(4096);
      await app.close();
      const lines = fs.readFileSync(file, "utf8").trim().split("\n");
      expect(lines.map((l) => JSON.parse(l).line)).toEqual([...Array(500).keys()]);
    } finally {
      fs.closeSync(fd);
    }
  });
});

describe("a burst of log lines when the process ends", () => {
  const script = fileURLToPath(new URL("../test/log-burst-process.ts", import.meta.url));

  /** Runs the burst in a child whose standard output is a pipe, as under a service manager. */
  function burst(lines: number, end: "exit" | "throw"): Promise<{ code: number | null; stdout: string }> {
    const child = spawn(process.execPath, ["--import", "tsx", script, String(lines), end], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    child.stdout.on("data", (d) => {
      stdout += d;
    });
    return new Promise((resolve) => child.once("close", (code) => resolve({ code, stdout })));
  }

  it.each(["exit", "throw"] as const)("loses none of them on %s", async (end) => {
    const { code, stdout } = await burst(20_000, end);
    expect(code).toBe(end === "exit" ? 0 : 1);
    const lines = stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l).line as number);
    expect(lines).toHaveLength(20_000);
    expect(lines.at(-1)).toBe(19_999);
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
