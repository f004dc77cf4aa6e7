import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { englishTextIn } from "./english-text.js";
import { buildPlanBureau } from "./plan-fixtures.js";
import { createTestApp, type TestApp } from "./test-app.js";
import { uploadFile } from "./upload.js";

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

describe("refusals of damaged documents", () => {
  it("answers 400 in Chinese without the reader's English exception text", async () => {
    const b = await buildPlanBureau(t);
    const damaged = [
      Buffer.from("%PDF-1.7\n1 0 obj << /Type /Catalog >>\n垃圾数据"),
      Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]),
    ];
    for (const content of damaged) {
      const res = await uploadFile(b.supervisor, "/api/plan-imports/upload", { name: "要点", content });
      expect(res.statusCode).toBe(400);
      expect(englishTextIn(res.json().error)).toBeNull();
    }
  });
});
