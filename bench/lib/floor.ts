// The machine's floor: a hello-world node:http server in its own process, loaded by the native client under the
// same burst as a measured step. No server can answer faster on this machine at this moment, so every step is
// printed beside it.
import { spawn } from "node:child_process";
import { processCpuMs } from "./cpu.js";
import { type LoadResult, type RequestSpec, runLoad } from "./native-load.js";
import { Step, type StepSummary } from "./stats.js";

const HELLO = `
const http = require("node:http");
const server = http.createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    res.writeHead(200, { "content-type": "application/json", "content-length": "11" });
    res.end('{"ok":true}');
  });
});
server.keepAliveTimeout = 65000;
server.listen(0, "127.0.0.1", () => process.send({ port: server.address().port }));
`;

/** A running hello-world server. */
export interface FloorServer {
  base: string;
  pid: number;
  stop(): void;
}

export async function startFloorServer(): Promise<FloorServer> {
  const child = spawn(process.execPath, ["-e", HELLO], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const kill = () => child.kill("SIGKILL");
  process.once("exit", kill);
  const port = await new Promise<number>((resolve, reject) => {
    child.once("message", (m: { port: number }) => resolve(m.port));
    child.once("exit", (code) => reject(new Error(`floor server exited with ${code}`)));
  });
  return {
    base: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    stop: () => {
      process.off("exit", kill);
      child.kill();
    },
  };
}

/** The floor's figures: the step summary, and the server's CPU per request. */
export interface FloorFigures extends StepSummary {
  serverCpuMsPerRequest: number;
  clientCpuMs: number;
}

/**
 * `requests` requests at once (or as `concurrency` says) against a fresh hello-world server; by default GETs,
 * or the given spec (e.g. a POST with a 200 KB body) repeated.
 */
export async function measureFloor(
  requests: number,
  options: { concurrency?: number | "all"; spec?: RequestSpec } = {},
): Promise<FloorFigures> {
  const server = await startFloorServer();
  try {
    const spec = options.spec ?? { method: "GET", path: "/" };
    const cpu0 = processCpuMs(server.pid);
    const result: LoadResult = await runLoad({
      base: server.base,
      flows: Array.from({ length: requests }, () => [spec]),
      concurrency: options.concurrency ?? "all",
    });
    const cpuMs = processCpuMs(server.pid) - cpu0;
    const step = new Step();
    for (const f of result.flows) for (const r of f.requests) step.add(r);
    return {
      ...step.summary(),
      serverCpuMsPerRequest: Number((cpuMs / Math.max(1, requests)).toFixed(3)),
      clientCpuMs: Math.round(result.clientCpuMs),
    };
  } finally {
    server.stop();
  }
}
