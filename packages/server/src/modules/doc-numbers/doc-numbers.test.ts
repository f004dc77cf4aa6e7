import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTenant, buildUser, TEST_PASSWORD } from "../../test/factories.js";
import { signIn } from "../../test/session.js";
import { createTestApp, type TestApp } from "../../test/test-app.js";
import { nextDocumentNumber } from "./index.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const take = (tenantId: string, series: "bulletin" | "notice", year = 2023) =>
  t.database.db.transaction((tx) => nextDocumentNumber(tx, { tenantId, series, year }));

describe("nextDocumentNumber", () => {
  it("counts each series and year from 1 with the prefixes derived from the bureau's name", async () => {
    const tenant = await buildTenant(t.database.db, { name: "瓦房店市教育局" });
    expect(await take(tenant.id, "bulletin")).toEqual({ seq: 1, text: "瓦教督通〔2023〕1号" });
    expect(await take(tenant.id, "bulletin")).toEqual({ seq: 2, text: "瓦教督通〔2023〕2号" });
    expect(await take(tenant.id, "notice")).toEqual({ seq: 1, text: "督办〔2023〕1号" });
    expect(await take(tenant.id, "bulletin", 2024)).toEqual({ seq: 1, text: "瓦教督通〔2024〕1号" });
    expect(await take(tenant.id, "bulletin")).toEqual({ seq: 3, text: "瓦教督通〔2023〕3号" });
  });

  it("keeps another bureau's sequence apart", async () => {
    const a = await buildTenant(t.database.db, { name: "瓦房店市教育局" });
    const b = await buildTenant(t.database.db, { name: "普兰店区教育局" });
    await take(a.id, "bulletin");
    await take(a.id, "bulletin");
    expect(await take(b.id, "bulletin")).toEqual({ seq: 1, text: "普教督通〔2023〕1号" });
    expect(await take(a.id, "bulletin")).toEqual({ seq: 3, text: "瓦教督通〔2023〕3号" });
  });

  it("gives the number of a rolled-back transaction again, so the series has no gap", async () => {
    const tenant = await buildTenant(t.database.db);
    await take(tenant.id, "notice");
    await expect(
      t.database.db.transaction(async (tx) => {
        await nextDocumentNumber(tx, { tenantId: tenant.id, series: "notice", year: 2023 });
        throw new Error("the document's own write failed");
      }),
    ).rejects.toThrow("the document's own write failed");
    expect((await take(tenant.id, "notice")).seq).toBe(2);
  });

  it("gives concurrent transactions distinct consecutive numbers, even those that hold their lock a while", async () => {
    const tenant = await buildTenant(t.database.db);
    const seqs = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        t.database.db.transaction(async (tx) => {
          const n = await nextDocumentNumber(tx, { tenantId: tenant.id, series: "bulletin", year: 2023 });
          // Holding the transaction open lets the others queue on the row lock (on PostgreSQL).
          await new Promise((resolve) => setTimeout(resolve, (i % 3) * 10));
          return n.seq;
        }),
      ),
    );
    expect([...seqs].sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
});

describe("/api/settings/document-numbers", () => {
  async function bureau() {
    const tenant = await buildTenant(t.database.db, { name: "瓦房店市教育局" });
    const user = await buildUser(t.database.db, { tenantId: tenant.id, role: "supervisor" });
    return { tenant, supervisor: await signIn(t.app, user.login, TEST_PASSWORD) };
  }

  it("shows the defaults with this year's first number", async () => {
    const { supervisor } = await bureau();
    const res = await supervisor.get("/api/settings/document-numbers");
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      series: [
        {
          series: "bulletin",
          label: "督查通报",
          prefix: "瓦教督通",
          isDefault: true,
          example: "瓦教督通〔2023〕1号",
        },
        {
          series: "notice",
          label: "督办通知单",
          prefix: "督办",
          isDefault: true,
          example: "督办〔2023〕1号",
        },
      ],
      version: 0,
      abilities: { update: true },
    });
  });

  it("numbers with the prefixes the 督查室 sets", async () => {
    const { tenant, supervisor } = await bureau();
    const res = await supervisor.put("/api/settings/document-numbers", {
      bulletin: "瓦教督查通",
      notice: "瓦教督办",
      version: 0,
    });
    expect(res.statusCode).toBe(200);
    // Both series saved once.
    expect(res.json().version).toBe(2);
    expect(
      res.json().series.map((s: { example: string; isDefault: boolean }) => [s.example, s.isDefault]),
    ).toEqual([
      ["瓦教督查通〔2023〕1号", false],
      ["瓦教督办〔2023〕1号", false],
    ]);
    expect((await take(tenant.id, "notice")).text).toBe("瓦教督办〔2023〕1号");
  });

  it("refuses a save made from a page read before another save, and keeps the other save", async () => {
    const { tenant, supervisor } = await bureau();
    const first = await supervisor.put("/api/settings/document-numbers", {
      bulletin: "瓦教督查通",
      notice: "瓦教督办",
      version: 0,
    });
    expect(first.statusCode).toBe(200);
    const stale = await supervisor.put("/api/settings/document-numbers", {
      bulletin: "瓦教通",
      notice: "督办",
      version: 0,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({
      code: "stale_version",
      message: "数据已被他人修改，请刷新后重试",
    });
    expect((await take(tenant.id, "bulletin")).text).toBe("瓦教督查通〔2023〕1号");
    const again = await supervisor.put("/api/settings/document-numbers", {
      bulletin: "瓦教通",
      notice: "督办",
      version: 2,
    });
    expect(again.statusCode).toBe(200);
    expect(again.json().version).toBe(4);
  });

  it("lets exactly one of two saves from the same version through", async () => {
    const { supervisor } = await bureau();
    const body = (bulletin: string) => ({ bulletin, notice: "督办", version: 0 });
    const answers = await Promise.all([
      supervisor.put("/api/settings/document-numbers", body("甲教督通")),
      supervisor.put("/api/settings/document-numbers", body("乙教督通")),
    ]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 409]);
  });

  it("refuses a prefix with brackets, naming the field", async () => {
    const { supervisor } = await bureau();
    const res = await supervisor.put("/api/settings/document-numbers", {
      bulletin: "瓦教督通〔",
      notice: "督办",
      version: 0,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([
      { path: "bulletin", message: "文号前缀不含空格和括号，年份和序号会自动加上" },
    ]);
  });
});
