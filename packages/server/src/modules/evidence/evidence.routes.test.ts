import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPublishedPlan } from "../../test/plan-fixtures.js";
import { createTestApp, type TestApp } from "../../test/test-app.js";
import { png, uploadFile } from "../../test/upload.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe("/api/files evidence", () => {
  it("refuses a file whose content is not an allowed type, whatever its name", async () => {
    const p = await buildPublishedPlan(t);
    const exe = await uploadFile(p.kg1, "/api/files", {
      name: "照片.jpg",
      type: "image/jpeg",
      content: Buffer.from("MZ\x90\x00 not a photo"),
    });
    expect(exe.statusCode).toBe(415);
    const big = await uploadFile(p.kg1, "/api/files", {
      name: "big.png",
      type: "image/png",
      content: Buffer.concat([png, Buffer.alloc(21 * 1024 * 1024)]),
    });
    expect(big.statusCode).toBe(413);
  });

  it("serves a stored file to its uploader's unit, not to another tenant, inline for images", async () => {
    const p = await buildPublishedPlan(t);
    const other = await buildPublishedPlan(t);
    const id = (
      await uploadFile(p.kg1, "/api/files", { name: "a.png", type: "image/png", content: png })
    ).json().id;
    // Who else may read a file once it is attached is covered in evidence-access.routes.test.ts.
    const inline = await p.kg1.get(`/api/files/${id}?inline=1`);
    expect(inline.statusCode).toBe(200);
    expect(inline.headers["content-disposition"]).toMatch(/^inline/);
    expect(inline.rawPayload.equals(png)).toBe(true);
    expect((await other.lead.get(`/api/files/${id}`)).statusCode).toBe(404);
  });
});
