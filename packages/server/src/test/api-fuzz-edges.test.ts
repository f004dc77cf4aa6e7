import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "./test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe("requests the router refuses before any route runs", () => {
  it("answers a URL that does not decode with 400 in the error envelope", async () => {
    for (const url of ["/api/units/%FF%FE", "/api/units/%ED%A0%80/assignments"]) {
      const res = await t.app.inject({ method: "GET", url });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toEqual({
        error: { code: "bad_request", message: "请求地址格式不正确，请检查链接" },
      });
    }
  });

  it("answers a path parameter past the length limit with 414 in the error envelope", async () => {
    const res = await t.app.inject({ method: "GET", url: `/api/units/${"x".repeat(300)}` });
    expect(res.statusCode).toBe(414);
    expect(res.json()).toEqual({ error: { code: "bad_request", message: "请求地址过长，请检查链接" } });
  });
});
