import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPlanBureau } from "../../test/plan-fixtures.js";
import { createTestApp, TEST_NOW, type TestApp } from "../../test/test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const newYear = [{ date: "2027-01-01", kind: "holiday", name: "元旦" }];

describe("/api/work-calendar", () => {
  it("asks for a session", async () => {
    expect((await t.app.inject({ method: "GET", url: "/api/work-calendar" })).statusCode).toBe(401);
    const put = await t.app.inject({
      method: "PUT",
      url: "/api/work-calendar/2027",
      payload: { days: newYear, version: 0 },
    });
    expect(put.statusCode).toBe(401);
  });

  it("ships the official arrangements for 2023 to 2026 and misses no year on 2023-06-15", async () => {
    const b = await buildPlanBureau(t);
    const res = await b.school.get("/api/work-calendar");
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      years: [
        { year: 2023, source: "official", holidays: 26, workdays: 7 },
        { year: 2024, source: "official", holidays: 28, workdays: 8 },
        { year: 2025, source: "official", holidays: 28, workdays: 5 },
        { year: 2026, source: "official", holidays: 33, workdays: 6 },
      ],
      missing: [],
      abilities: { update: false },
    });
  });

  it("shows a year's days with the notice they come from", async () => {
    const b = await buildPlanBureau(t);
    const res = await b.supervisor.get("/api/work-calendar/2023");
    expect(res.statusCode).toBe(200);
    const year = res.json();
    expect(year).toMatchObject({
      year: 2023,
      source: "official",
      officialSource: "国务院办公厅关于2023年部分节假日安排的通知（2022年12月8日）",
      version: 0,
      missingMessage: null,
      abilities: { update: false },
    });
    const october = year.days.filter((d: { date: string }) => d.date.startsWith("2023-10"));
    expect(october.map((d: { date: string; kind: string }) => `${d.date} ${d.kind}`)).toEqual([
      "2023-10-01 holiday",
      "2023-10-02 holiday",
      "2023-10-03 holiday",
      "2023-10-04 holiday",
      "2023-10-05 holiday",
      "2023-10-06 holiday",
      "2023-10-07 workday",
      "2023-10-08 workday",
    ]);
  });

  it("names a missing year: the next one from December, counted Monday to Friday", async () => {
    // Sessions live on the app's clock: the bureau signs in on the far date.
    t.clock.set(new Date("2026-12-03T09:00:00+08:00"));
    const b = await buildPlanBureau(t);
    try {
      const overview = await b.admin.get("/api/work-calendar");
      expect(overview.json().missing).toEqual([
        { year: 2027, message: "2027 年的法定节假日安排尚未录入，按周一至周五计算工作日" },
      ]);
    } finally {
      t.clock.set(TEST_NOW);
    }
    const year = (await b.admin.get("/api/work-calendar/2027")).json();
    expect(year).toMatchObject({
      year: 2027,
      source: "none",
      officialSource: null,
      days: [],
      version: 0,
      missingMessage: "2027 年的法定节假日安排尚未录入，按周一至周五计算工作日",
      abilities: { update: true },
    });
  });

  it("lets the admin enter a year, edit it at its version and reset it, with an audit row each", async () => {
    const b = await buildPlanBureau(t);
    const first = await b.admin.put("/api/work-calendar/2027", { days: newYear, version: 0 });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      year: 2027,
      source: "custom",
      days: newYear,
      version: 1,
      missingMessage: null,
    });
    const stale = await b.admin.put("/api/work-calendar/2027", { days: [], version: 0 });
    expect(stale.statusCode).toBe(409);
    const second = await b.admin.put("/api/work-calendar/2027", {
      days: [...newYear, { date: "2027-02-20", kind: "workday", name: " 春节 " }],
      version: 1,
    });
    expect(second.json()).toMatchObject({
      version: 2,
      days: [...newYear, { date: "2027-02-20", kind: "workday", name: "春节" }],
    });
    const overview = (await b.supervisor.get("/api/work-calendar")).json();
    expect(overview.years.at(-1)).toEqual({ year: 2027, source: "custom", holidays: 1, workdays: 1 });
    const reset = await b.admin.post("/api/work-calendar/2027/reset", {});
    expect(reset.json()).toMatchObject({ source: "none", days: [], version: 0 });
    const audits = await b.admin.get("/api/audit-logs?entity=work_calendar&pageSize=10");
    expect(audits.json().items.map((e: { action: string }) => e.action)).toEqual([
      "work_calendar.reset",
      "work_calendar.save",
      "work_calendar.save",
    ]);
  });

  it("replaces the official year with the bureau's own and goes back to it on reset", async () => {
    const b = await buildPlanBureau(t);
    const own = [{ date: "2023-10-02", kind: "holiday", name: "国庆节" }];
    const saved = await b.admin.put("/api/work-calendar/2023", { days: own, version: 0 });
    expect(saved.json()).toMatchObject({ source: "custom", days: own, officialSource: expect.any(String) });
    const reset = (await b.admin.post("/api/work-calendar/2023/reset", {})).json();
    expect(reset.source).toBe("official");
    expect(reset.days).toHaveLength(33);
  });

  it("refuses every role but the admin with 403 and writes nothing", async () => {
    const b = await buildPlanBureau(t);
    for (const session of [b.supervisor, b.school]) {
      const put = await session.put("/api/work-calendar/2027", { days: newYear, version: 0 });
      expect(put.statusCode).toBe(403);
      expect((await session.post("/api/work-calendar/2027/reset", {})).statusCode).toBe(403);
    }
    expect((await b.admin.get("/api/work-calendar/2027")).json().source).toBe("none");
  });

  it("keeps one bureau's table from another", async () => {
    const a = await buildPlanBureau(t);
    const other = await buildPlanBureau(t);
    expect((await a.admin.put("/api/work-calendar/2027", { days: newYear, version: 0 })).statusCode).toBe(
      200,
    );
    expect((await other.admin.get("/api/work-calendar/2027")).json().source).toBe("none");
  });

  it("refuses a bad year and bad days with a message on the field", async () => {
    const b = await buildPlanBureau(t);
    const year = await b.admin.put("/api/work-calendar/1999", { days: [], version: 0 });
    expect(year.statusCode).toBe(400);
    expect(year.json().error.code).toBe("validation_failed");
    const notANumber = await b.admin.get("/api/work-calendar/abc");
    expect(notANumber.statusCode).toBe(400);
    const bad = await b.admin.put("/api/work-calendar/2027", {
      days: [
        { date: "2026-12-31", kind: "holiday", name: "元旦" },
        { date: "2027-02-08", kind: "workday", name: "春节" },
      ],
      version: 0,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toEqual([
      { path: "days.0.date", message: "2026-12-31 不在 2027 年内，请在对应年份的日历中填写" },
      { path: "days.1.date", message: "2027-02-08 不是周六或周日，本来就是工作日，无需列为调休上班" },
    ]);
    const kind = await b.admin.put("/api/work-calendar/2027", {
      days: [{ date: "2027-01-01", kind: "off", name: "元旦" }],
      version: 0,
    });
    expect(kind.statusCode).toBe(400);
    expect(kind.json().error.details[0].path).toBe("days.0.kind");
  });
});
