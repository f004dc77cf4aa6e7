import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../db/client.js";
import { users } from "../db/schema.js";
import { runCliOn } from "../test/run-cli.js";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "duban-user-cli-"));
const PHONE = "13912345678";

beforeAll(async () => {
  expect((await runCliOn(dataDir, "seed", "demo", "--demo")).code).toBe(0);
  // A demo user with a mobile number, written while no server holds the directory.
  const database = await openDatabase({ dataDir });
  try {
    await database.db.update(users).set({ phone: PHONE }).where(eq(users.login, "ducha"));
  } finally {
    await database.close();
  }
}, 180_000);
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

/** `duban user create` of a leader named 王老师 in 大连市教育局 with `login`. */
function createLeader(login: string) {
  return runCliOn(
    dataDir,
    "user",
    "create",
    "--tenant",
    "dalian",
    "--login",
    login,
    "--name",
    "王老师",
    "--roles",
    "leader",
  );
}

describe("duban user create", { timeout: 60_000 }, () => {
  it("refuses a login equal to another user's mobile number, with a message, and creates nothing", async () => {
    const res = await createLeader(PHONE);
    expect(res).toEqual({
      code: 1,
      output: `错误：账号 ${PHONE} 已被使用（与已有账号或手机号相同），请换一个`,
    });
    const database = await openDatabase({ dataDir });
    try {
      expect(await database.db.select().from(users).where(eq(users.login, PHONE))).toEqual([]);
    } finally {
      await database.close();
    }
  });

  it("refuses an existing login whatever its case", async () => {
    const res = await createLeader("DuCha");
    expect(res).toEqual({ code: 1, output: "错误：账号 DuCha 已被使用（与已有账号或手机号相同），请换一个" });
  });

  it("creates a user with a login nobody holds", async () => {
    const res = await createLeader("wanglaoshi");
    expect(res.code, res.output).toBe(0);
    expect(res.output).toMatch(/^已创建账号 wanglaoshi，初始密码：\S+（首次登录须修改）$/);
  });
});
