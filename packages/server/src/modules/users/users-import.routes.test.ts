import { limits, type Role } from "@duban/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTenant, buildUnit, buildUser, TEST_PASSWORD, uniq, uniqPhone } from "../../test/factories.js";
import { signIn } from "../../test/session.js";
import { createTestApp, type TestApp } from "../../test/test-app.js";
import { buildXlsx, multipartBody, readXlsx, uploadFile } from "../../test/upload.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

/** A fresh tenant with a signed-in user of the role and one department and one school. */
async function tenantWith(role: Role) {
  const tenant = await buildTenant(t.database.db);
  const user = await buildUser(t.database.db, { tenantId: tenant.id, role });
  const dept = await buildUnit(t.database.db, tenant.id, { name: "基础教育科", kind: "department" });
  const school = await buildUnit(t.database.db, tenant.id, { name: "复兴学校" });
  return { tenant, user, dept, school, session: await signIn(t.app, user.login, TEST_PASSWORD) };
}

const header = ["姓名", "账号", "手机号", "邮箱", "所属单位", "角色", "初始密码"];
const usersFile = (rows: (string | number)[][]) => buildXlsx("用户", header, rows);

describe("GET /api/users/import-template", () => {
  it("downloads an .xlsx with a header row, an example row and a 说明 sheet", async () => {
    const { session } = await tenantWith("admin");
    const res = await session.get("/api/users/import-template");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("spreadsheetml.sheet");
    expect(res.headers["content-disposition"]).toContain(
      `filename*=UTF-8''${encodeURIComponent("用户导入模板.xlsx")}`,
    );
    const sheets = await readXlsx(res.rawPayload);
    expect(sheets.用户![0]).toEqual(header);
    expect(sheets.用户).toHaveLength(2);
    expect(sheets.说明!.flat().join()).toContain("责任督学");
  });

  it("answers 401 signed out and 403 to a leader", async () => {
    expect((await t.app.inject({ method: "GET", url: "/api/users/import-template" })).statusCode).toBe(401);
    const { session } = await tenantWith("leader");
    expect((await session.get("/api/users/import-template")).statusCode).toBe(403);
  });
});

describe("POST /api/users/import", () => {
  it("imports every row of a good file; each user must change the initial password", async () => {
    const { session } = await tenantWith("admin");
    const [a, b, c] = [`imp${uniq()}`, `imp${uniq()}`, `imp${uniq()}`];
    // A number cell, as Excel stores a typed phone.
    const phone = uniqPhone();
    const content = await usersFile([
      ["李科长", a, Number(phone), "li@example.com", "基础教育科", "科室、责任督学", "Duban@2024"],
      ["周校长", b, "", "", "复兴学校", "学校", "Xuexiao#2024"],
      ["孙局长", c, "", "", "", "局领导,督查室", "Juzhang2024!"],
    ]);
    const res = await uploadFile(session, "/api/users/import", { content });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ imported: 3 });
    const list = (await session.get("/api/users?q=imp")).json();
    const byLogin = Object.fromEntries(list.items.map((u: { login: string }) => [u.login, u]));
    expect(byLogin[a]).toMatchObject({
      phone,
      unit: { name: "基础教育科" },
      roles: ["department", "inspector"],
      mustChangePassword: true,
    });
    expect(byLogin[c]).toMatchObject({ unit: null, roles: ["leader", "supervisor"] });
    const signIn = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { login: b, password: "Xuexiao#2024" },
    });
    expect(signIn.json().mustChangePassword).toBe(true);
    const log = (await session.get("/api/audit-logs?action=user.import")).json();
    expect(log.total).toBe(1);
    expect(log.items[0].summary).toMatchObject({ count: 3 });
    expect(JSON.stringify(log.items[0].summary)).not.toMatch(/argon2|Duban@2024/);
  });

  it("imports nothing when any row is bad, and names every bad row with a reason", async () => {
    const { session } = await tenantWith("admin");
    const { user: elsewhere } = await tenantWith("school");
    const ok = `imp${uniq()}`;
    const content = await usersFile([
      ["正常", ok, "", "", "复兴学校", "学校", "Duban@2024"],
      ["重复", ok.toUpperCase(), "", "", "", "学校", "Duban@2024"],
      ["外局", elsewhere.login, "", "", "", "学校", "Duban@2024"],
      ["无单位", `imp${uniq()}`, "", "", "不存在的学校", "学校", "Duban@2024"],
      ["坏角色", `imp${uniq()}`, "", "", "", "校长", "Duban@2024"],
      ["弱密码", `imp${uniq()}`, "", "", "", "学校", "12345678"],
      ["坏手机", `imp${uniq()}`, "12345", "", "", "学校", "Duban@2024"],
      ["", "", "", "", "", "", ""],
      ["没角色", `imp${uniq()}`, "", "", "", "", ""],
    ]);
    const res = await uploadFile(session, "/api/users/import", { content });
    expect(res.statusCode).toBe(400);
    const rows: { row: number; reason: string }[] = res.json().error.details.rows;
    const reasonOf = (row: number) =>
      rows
        .filter((r) => r.row === row)
        .map((r) => r.reason)
        .join("；");
    expect([...new Set(rows.map((r) => r.row))]).toEqual([3, 4, 5, 6, 7, 8, 10]);
    expect(reasonOf(3)).toContain("第 2 行重复");
    expect(reasonOf(4)).toContain("已被使用");
    expect(reasonOf(5)).toContain("所属单位“不存在的学校”不存在");
    expect(reasonOf(6)).toContain("角色“校长”无效");
    expect(reasonOf(7)).toContain("初始密码");
    expect(reasonOf(8)).toContain("手机号");
    expect(reasonOf(10)).toContain("角色");
    expect(reasonOf(10)).toContain("请填写初始密码");
    expect((await session.get(`/api/users?q=${ok}`)).json().total).toBe(0);
  });

  it("refuses non-xlsx content with 415, an empty sheet with 400 and an oversized file with 413", async () => {
    const { session } = await tenantWith("admin");
    const pdf = Buffer.from("%PDF-1.4\n%âãÏÓ\n");
    const notXlsx = await uploadFile(session, "/api/users/import", { name: "a.xlsx", content: pdf });
    expect(notXlsx.statusCode).toBe(415);
    expect(notXlsx.json().error.code).toBe("unsupported_media_type");
    const empty = await uploadFile(session, "/api/users/import", { content: await usersFile([]) });
    expect(empty.statusCode).toBe(400);
    const huge = Buffer.concat([Buffer.from("PK\x03\x04"), Buffer.alloc(limits.importFileBytes + 10)]);
    const tooBig = await uploadFile(session, "/api/users/import", { content: huge });
    expect(tooBig.statusCode).toBe(413);
  });

  it("answers 401 signed out and 403 to a leader, importing nothing", async () => {
    const login = `imp${uniq()}`;
    const content = await usersFile([["某人", login, "", "", "", "学校", "Duban@2024"]]);
    const { body, contentType } = multipartBody({ name: "users.xlsx", content });
    const anonymous = await t.app.inject({
      method: "POST",
      url: "/api/users/import",
      payload: body,
      headers: { "content-type": contentType },
    });
    expect(anonymous.statusCode).toBe(401);
    const { session: leader } = await tenantWith("leader");
    expect((await uploadFile(leader, "/api/users/import", { content })).statusCode).toBe(403);
    expect((await leader.get(`/api/users?q=${login}`)).json().total).toBe(0);
  });
});
