// Starts bench/limit/server.ts (the submit path's limit) in a child process on a temp dir.
import { fork } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { processCpuMs } from "./cpu.js";

const serverFile = fileURLToPath(new URL("../limit/server.ts", import.meta.url));

/** A running limit server; requests need the header `x-limit-token: token`. */
export interface LimitServer {
  base: string;
  pid: number;
  token: string;
  cpuMs(): number;
  stop(): Promise<void>;
}

export async function startLimitServer(databaseUrl: string): Promise<LimitServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "duban-limit-"));
  const token = `limit-${process.pid}`;
  const child = fork(serverFile, [], {
    // BENCH_LIMIT_NODE_ARGS="--cpu-prof --cpu-prof-dir=…" profiles the limit as BENCH_SERVER_NODE_ARGS does Duban.
    execArgv: [...process.execArgv, ...(process.env.BENCH_LIMIT_NODE_ARGS?.split(" ").filter(Boolean) ?? [])],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
    env: { ...process.env, DATABASE_URL: databaseUrl, DATA_DIR: dataDir, LIMIT_TOKEN: token, PORT: "0" },
  });
  const onExit = () => {
    child.kill("SIGKILL");
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  process.once("exit", onExit);
  const gone = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const port = await Promise.race([
    new Promise<number>((resolve) => child.once("message", (m: { port: number }) => resolve(m.port))),
    gone.then(() => 0),
  ]);
  if (!port) {
    onExit();
    throw new Error("limit server did not start");
  }
  return {
    base: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    token,
    cpuMs: () => processCpuMs(child.pid!),
    stop: async () => {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
      await gone;
      clearTimeout(timer);
      process.off("exit", onExit);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
