import { unstorableCharacterMessage } from "@duban/domain";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTenant, buildUser, TEST_PASSWORD } from "../test/factories.js";
import { buildAssignedPlan } from "../test/notice-fixtures.js";
import { buildPlanBureau, seedPlanText } from "../test/plan-fixtures.js";
import { createTestApp, type TestApp } from "../test/test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

/** Asserts the one 400 the guard answers, naming the field. */
function expectRefused(res: LightMyRequestResponse, path: string) {
  expect(res.statusCode, res.body).toBe(400);
  expect(res.json()).toEqual({
    error: {
      code: "validation_failed",
      message: "提交的内容含有无法保存的字符，请删除后重新提交",
      details: [{ path, message: unstorableCharacterMessage }],
    },
  });
}

describe("NUL and lone surrogates", () => {
  it("are refused at sign-in with 400, before any account is looked up, and a clean sign-in still works", async () => {
    const tenant = await buildTenant(t.database.db);
    const user = await buildUser(t.database.db, { tenantId: tenant.id });
    const login = (payload: Record<string, string>) =>
      t.app.inject({ method: "POST", url: "/api/auth/login", payload });
    expectRefused(await login({ login: `${user.login}\u0000`, password: TEST_PASSWORD }), "login");
    expectRefused(await login({ login: user.login, password: "Test@\uD800" }), "password");
    expectRefused(await login({ login: "\uDC00admin", password: TEST_PASSWORD }), "login");
    expect((await login({ login: user.login, password: TEST_PASSWORD })).statusCode).toBe(200);
  });

  it("are refused in a pasted plan, and other control characters are cleaned out of it", async () => {
    const b = await buildPlanBureau(t);
    expectRefused(await b.supervisor.post("/api/plan-imports", { text: `${seedPlanText}\u0000` }), "text");
    expectRefused(await b.supervisor.post("/api/plan-imports", { text: `\uD83D${seedPlanText}` }), "text");
    const messy = seedPlanText.replaceAll("\n", "\r\n").replace("一、", "一、\u0007\u000B");
    const created = await b.supervisor.post("/api/plan-imports", { text: messy });
    expect(created.statusCode, created.body.slice(0, 200)).toBe(201);
    const { sourceText } = created.json();
    expect(sourceText).toBe(seedPlanText.replace("一、", "一、\n"));
  });

  it("are refused in a report's text, which is otherwise stored without stray control characters", async () => {
    const p = await buildAssignedPlan(t);
    const cycle = await p.supervisor.post(`/api/plans/${p.planId}/cycles`, {});
    expect(cycle.statusCode, cycle.body).toBe(201);
    const url = `/api/assignments/${p.assignmentId}/reports`;
    const body = { cycleId: cycle.json().id, progress: 30, submit: false };
    expectRefused(await p.kg1.post(url, { ...body, doneText: "已完成\u0000" }), "doneText");
    expectRefused(await p.kg1.post(url, { ...body, problemsText: "无\uDFFF" }), "problemsText");
    expectRefused(
      await p.kg1.post(url, { ...body, values: [{ "indicator\u0000Id": 1 }] }),
      "values.0.indicator\u0000Id",
    );
    const saved = await p.kg1.post(url, { ...body, doneText: "第一\t条\r\n第二条\u0007\u001B" });
    expect(saved.statusCode, saved.body).toBe(201);
    expect(saved.json().doneText).toBe("第一\t条\n第二条");
  });

  it("are refused in query strings and path parameters", async () => {
    const b = await buildPlanBureau(t);
    expectRefused(await b.supervisor.get("/api/plans?q=%00"), "query.q");
    expectRefused(await b.supervisor.get("/api/rectifications?q=%E5%AD%A6%00"), "query.q");
    expectRefused(await b.supervisor.get("/api/audit-logs?q=%00"), "query.q");
    expectRefused(await b.supervisor.get("/api/plans/%00"), "params.id");
    const clean = await b.supervisor.get(`/api/rectifications?q=${encodeURIComponent("学校")}`);
    expect(clean.statusCode).toBe(200);
  });

  it("still answers 401 to an anonymous caller before reading the body", async () => {
    const res = await t.app.inject({ method: "POST", url: "/api/plan-imports", payload: { text: "\u0000" } });
    expect(res.statusCode).toBe(401);
  });
});
