import type { Role } from "@duban/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTenant, buildUnit, buildUser, TEST_PASSWORD } from "../../test/factories.js";
import { signIn } from "../../test/session.js";
import { createTestApp, type TestApp } from "../../test/test-app.js";
import { buildXlsx, multipartBody, readXlsx, uploadFile } from "../../test/upload.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

/** A fresh tenant with a signed-in user of the role. */
async function tenantWith(role: Role) {
  const tenant = await buildTenant(t.database.db);
  const user = await buildUser(t.database.db, { tenantId: tenant.id, role });
  return { tenant, user, session: await signIn(t.app, user.login, TEST_PASSWORD) };
}

const header = ["名称", "类型", "学校类型", "办学性质", "乡镇/街道", "编码"];
const unitsFile = (rows: string[][]) => buildXlsx("单位", header, rows);

describe("GET /api/units/import-template", () => {
  it("downloads an .xlsx with a header row, an example row and a 说明 sheet", async () => {
    const { session } = await tenantWith("admin");
    const res = await session.get("/api/units/import-template");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    expect(res.headers["content-disposition"]).toContain("attachment;");
    expect(res.headers["content-disposition"]).toContain(
      `filename*=UTF-8''${encodeURIComponent("单位导入模板.xlsx")}`,
    );
    const sheets = await readXlsx(res.rawPayload);
    expect(sheets.单位![0]).toEqual(header);
    expect(sheets.单位![1]).toEqual(expect.arrayContaining(["学校", "初中", "公办"]));
    expect(sheets.说明!.flat().join()).toContain("幼儿园");
  });

  it("answers 401 signed out and 403 to a leader", async () => {
    expect((await t.app.inject({ method: "GET", url: "/api/units/import-template" })).statusCode).toBe(401);
    const { session } = await tenantWith("leader");
    expect((await session.get("/api/units/import-template")).statusCode).toBe(403);
  });
});

describe("POST /api/units/import", () => {
  it("imports every row of a good file in one go and audits the import once", async () => {
    const { session } = await tenantWith("admin");
    const content = await unitsFile([
      ["基础教育科", "科室", "", "", "", ""],
      ["西城幼儿园", "学校", "幼儿园", "普惠性民办", "西长春路街道", "2121001"],
      ["", "", "", "", "", ""],
      ["复兴学校", "学校", "九年一贯制", "公办", "复州城镇", ""],
    ]);
    const res = await uploadFile(session, "/api/units/import", { content });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ imported: 3 });
    const list = (await session.get("/api/units?kind=school")).json();
    expect(list.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          name: "西城幼儿园",
          schoolType: "kindergarten",
          ownership: "private_inclusive",
        }),
        expect.objectContaining({ name: "复兴学校", schoolType: "nine_year", township: "复州城镇" }),
      ]),
    );
    const log = (await session.get("/api/audit-logs?action=unit.import")).json();
    expect(log.total).toBe(1);
    expect(log.items[0].summary).toMatchObject({ count: 3 });
  });

  it("imports the downloaded template as it is", async () => {
    const { session } = await tenantWith("admin");
    const template = (await session.get("/api/units/import-template")).rawPayload;
    const res = await uploadFile(session, "/api/units/import", { content: template });
    expect(res.json()).toEqual({ imported: 1 });
  });

  it("imports nothing when any row is bad, and names every bad row with a reason", async () => {
    const { tenant, session } = await tenantWith("admin");
    await buildUnit(t.database.db, tenant.id, { name: "高级中学" });
    const content = await unitsFile([
      ["第一小学", "学校", "小学", "公办", "", ""],
      ["高级中学", "学校", "高中", "公办", "", ""],
      ["第一小学", "学校", "小学", "公办", "", ""],
      ["某学校", "学校", "大学", "公办", "", ""],
      ["某幼儿园", "学校", "幼儿园", "", "", ""],
      ["办公室", "科室", "小学", "", "", ""],
      ["未知", "公司", "", "", "", ""],
    ]);
    const res = await uploadFile(session, "/api/units/import", { content });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("validation_failed");
    const rows: { row: number; reason: string }[] = res.json().error.details.rows;
    expect([...new Set(rows.map((r) => r.row))]).toEqual([3, 4, 5, 6, 7, 8]);
    const reasonOf = (row: number) =>
      rows
        .filter((r) => r.row === row)
        .map((r) => r.reason)
        .join("；");
    expect(reasonOf(3)).toContain("已有");
    expect(reasonOf(4)).toContain("第 2 行重复");
    expect(reasonOf(5)).toContain("学校类型“大学”无效");
    expect(reasonOf(6)).toContain("办学性质");
    expect(reasonOf(7)).toContain("科室没有学校类型");
    expect(reasonOf(8)).toContain("类型“公司”无效");
    expect((await session.get("/api/units")).json().total).toBe(1);
  });

  it("refuses files that are not .xlsx with 415, and an empty sheet or missing columns with 400", async () => {
    const { session } = await tenantWith("admin");
    const text = await uploadFile(session, "/api/units/import", {
      name: "units.csv",
      type: "text/csv",
      content: Buffer.from("名称,类型\n第一小学,学校\n"),
    });
    expect(text.statusCode).toBe(415);
    expect(text.json().error.message).toContain("Excel");
    const fakeZip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64, 1)]);
    expect((await uploadFile(session, "/api/units/import", { content: fakeZip })).statusCode).toBe(415);
    const empty = await uploadFile(session, "/api/units/import", { content: await unitsFile([]) });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.message).toContain("没有可导入的数据");
    const noKind = await buildXlsx("单位", ["名称"], [["第一小学"]]);
    const columns = await uploadFile(session, "/api/units/import", { content: noKind });
    expect(columns.statusCode).toBe(400);
    expect(columns.json().error.details.rows[0]).toMatchObject({
      row: 1,
      reason: expect.stringContaining("类型"),
    });
  });

  it("answers 400 naming `file` when the upload has no file field, and 415 to a JSON body", async () => {
    const { session } = await tenantWith("admin");
    const content = await unitsFile([["第一小学", "学校", "小学", "公办", "", ""]]);
    const wrongField = await uploadFile(session, "/api/units/import", { field: "upload", content });
    expect(wrongField.statusCode).toBe(400);
    expect(wrongField.json().error.details[0].path).toBe("file");
    expect((await session.post("/api/units/import", { file: "x" })).statusCode).toBe(415);
  });

  it("answers 401 signed out, 403 to a leader, and keeps imports within the tenant", async () => {
    const content = await unitsFile([["第一小学", "学校", "小学", "公办", "", ""]]);
    const { body, contentType } = multipartBody({ name: "u.xlsx", content });
    const anonymous = await t.app.inject({
      method: "POST",
      url: "/api/units/import",
      payload: body,
      headers: { "content-type": contentType },
    });
    expect(anonymous.statusCode).toBe(401);
    const { session: leader } = await tenantWith("leader");
    expect((await uploadFile(leader, "/api/units/import", { content })).statusCode).toBe(403);
    // The same names are free in another tenant: uniqueness is per bureau.
    const { session: a } = await tenantWith("admin");
    const { session: b } = await tenantWith("admin");
    expect((await uploadFile(a, "/api/units/import", { content })).statusCode).toBe(200);
    expect((await uploadFile(b, "/api/units/import", { content })).statusCode).toBe(200);
  });
});
