import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DataDirBusyError, lockDataDir, processIdentity } from "./data-dir-lock.js";

let child: ChildProcess;
const root = fs.mkdtempSync(path.join(os.tmpdir(), "duban-lock-"));
const script = "setInterval(() => {}, 1000)";

beforeAll(async () => {
  child = spawn(process.execPath, ["-e", script], { stdio: "ignore" });
  await new Promise((r) => child.once("spawn", r));
});
afterAll(() => {
  child.kill("SIGKILL");
  fs.rmSync(root, { recursive: true, force: true });
});

/** A fresh directory with a lock file holding `content`. */
function dirWithLock(content: string): { dir: string; file: string } {
  const dir = fs.mkdtempSync(path.join(root, "dir-"));
  const file = path.join(dir, "duban.pid");
  fs.writeFileSync(file, content);
  return { dir, file };
}

describe("PGlite data directory lock", () => {
  it("names the live holder's pid, command line and start time, and says what to do", () => {
    const { dir, file } = dirWithLock(String(child.pid));
    let error: unknown;
    try {
      lockDataDir(dir);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(DataDirBusyError);
    const message = (error as Error).message;
    expect(message).toContain(`进程号 ${child.pid}，命令行“${process.execPath} -e ${script}”，启动于 `);
    expect(message).toContain(`例如 kill ${child.pid}`);
    expect(message).toContain(`删除锁文件 ${file} 再执行`);
    // Refused without touching the holder's lock.
    expect(fs.readFileSync(file, "utf8")).toBe(String(child.pid));
  });

  it("refuses a holder recorded with its own identity", () => {
    const pid = child.pid!;
    const { dir } = dirWithLock(JSON.stringify({ pid, identity: processIdentity(pid) }));
    expect(() => lockDataDir(dir)).toThrow(DataDirBusyError);
  });

  it("takes over a lock whose live pid now belongs to another process", () => {
    const { dir, file } = dirWithLock(JSON.stringify({ pid: child.pid, identity: "another-boot:1" }));
    const unlock = lockDataDir(dir);
    expect(JSON.parse(fs.readFileSync(file, "utf8")).pid).toBe(process.pid);
    unlock();
    expect(fs.existsSync(file)).toBe(false);
  });

  it("takes over a lock naming a dead process", async () => {
    const dead = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
    await new Promise((r) => dead.once("exit", r));
    const { dir, file } = dirWithLock(String(dead.pid));
    const unlock = lockDataDir(dir);
    expect(JSON.parse(fs.readFileSync(file, "utf8"))).toEqual({
      pid: process.pid,
      identity: processIdentity(process.pid),
    });
    unlock();
  });

  it("lets the process holding the directory claim it again", () => {
    const dir = fs.mkdtempSync(path.join(root, "dir-"));
    const unlock = lockDataDir(dir);
    const again = lockDataDir(dir);
    again();
    unlock();
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
