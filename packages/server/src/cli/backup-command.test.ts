import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCliOn } from "../test/run-cli.js";

const work = fs.mkdtempSync(path.join(os.tmpdir(), "duban-backup-cli-"));
const source = path.join(work, "source");
const archive = path.join(work, "all.backup");
let holder: ChildProcess;

beforeAll(async () => {
  holder = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
  await new Promise((r) => holder.once("spawn", r));
  expect((await runCliOn(source, "db", "migrate")).code).toBe(0);
}, 120_000);
afterAll(() => {
  holder.kill("SIGKILL");
  fs.rmSync(work, { recursive: true, force: true });
});

describe("duban backup / restore on the embedded database", { timeout: 120_000 }, () => {
  it("explains both commands in --help", async () => {
    const backup = await runCliOn(source, "backup", "--help");
    expect(backup.code).toBe(0);
    expect(backup.output).toContain("内置数据库（PGlite）：只能由一个进程打开，备份时请先停止服务");
    expect(backup.output).toContain("--without-secret-key 不放密钥文件");
    const restore = await runCliOn(source, "restore", "--help");
    expect(restore.output).toContain("目标数据库已有数据时拒绝，除非加 --force");
  });

  it("refuses without a file name", async () => {
    expect(await runCliOn(source, "backup")).toEqual({
      code: 1,
      output: "错误：缺少备份文件名。用法：duban backup FILE",
    });
  });

  it("refuses while a running process holds the data directory, naming it", async () => {
    const lock = path.join(source, "pglite", "duban.pid");
    fs.writeFileSync(lock, String(holder.pid));
    try {
      const res = await runCliOn(source, "backup", archive);
      expect(res.code).toBe(1);
      expect(res.output).toContain(
        "错误：内置数据库运行时只能由服务进程打开，备份需要短暂停机：请停止服务，执行 duban backup，再启动服务",
      );
      expect(res.output).toContain(
        `进程号 ${holder.pid}，命令行“${process.execPath} -e setInterval(() => {}, 1000)”`,
      );
      expect(fs.existsSync(archive)).toBe(false);
    } finally {
      fs.rmSync(lock);
    }
  });

  it("backs up a stopped data directory and restores it into another", async () => {
    const backup = await runCliOn(source, "backup", archive);
    expect(backup).toMatchObject({ code: 0 });
    expect(backup.output).toMatch(
      /^已备份到 .*all\.backup：\d+ 个表共 0 行，0 个文件，不含密钥文件 secret\.key。$/,
    );
    expect(fs.statSync(archive).mode & 0o777).toBe(0o600);
    const restore = await runCliOn(path.join(work, "target"), "restore", archive);
    expect(restore).toEqual({
      code: 0,
      output: `已从 ${archive} 恢复：0 行，0 个文件。\n备份不含密钥文件：已保存的渠道密码需要原密钥（DUBAN_SECRET_KEY 或原 secret.key）才能解密。`,
    });
  });
});
