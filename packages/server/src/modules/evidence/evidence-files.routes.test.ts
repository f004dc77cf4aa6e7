import type { ReadStream } from "node:fs";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "../../db/client.js";
import { files } from "../../db/schema.js";
import { DiskFileStore } from "../../files/disk-file-store.js";
import { contentDisposition } from "../../http/content-disposition.js";
import { buildLedgerBureau } from "../../test/rectification-fixtures.js";
import type { TestSession } from "../../test/session.js";
import { createTestApp, type TestApp } from "../../test/test-app.js";
import { multipartBody, png, uploadFile } from "../../test/upload.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());
afterEach(() => {
  vi.restoreAllMocks();
});

/** One multipart part, by hand. */
function part(headers: string, content: Buffer | string = ""): Buffer {
  return Buffer.concat([
    Buffer.from(`--XX\r\n${headers}\r\n\r\n`),
    Buffer.from(content),
    Buffer.from("\r\n"),
  ]);
}

/** A file part in the field `file` (or another). */
function filePart(name = "a.png", field = "file"): Buffer {
  return part(
    `Content-Disposition: form-data; name="${field}"; filename="${name}"\r\nContent-Type: image/png`,
    png,
  );
}

/** A plain form field part. */
function fieldPart(name: string): Buffer {
  return part(`Content-Disposition: form-data; name="${name}"`, "v");
}

/** A whole form with the boundary `XX`. */
function form(...parts: Buffer[]): Buffer {
  return Buffer.concat([...parts, Buffer.from("--XX--\r\n")]);
}

const xx = "multipart/form-data; boundary=XX";

/** Posts a raw body to the evidence upload. */
function post(session: TestSession, body: Buffer | string, contentType: string) {
  return session.request("POST", "/api/files", body, { "content-type": contentType });
}

/** How many files the unit has stored. */
async function storedCount(unitId: string): Promise<number> {
  return (await (t.database.db as Db).select().from(files).where(eq(files.unitId, unitId))).length;
}

const malformed = {
  error: { code: "bad_request", message: "上传的表单不完整或格式有误，请重新选择要上传的佐证材料后上传" },
};

describe("malformed multipart uploads", () => {
  it("answers a boundary the body never uses with 400", async () => {
    const b = await buildLedgerBureau(t);
    const res = await post(b.schoolUser, form(filePart()), "multipart/form-data; boundary=nothere");
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual(malformed);
  });

  it("answers a multipart content type without a boundary with 400", async () => {
    const b = await buildLedgerBureau(t);
    const res = await post(b.schoolUser, form(filePart()), "multipart/form-data");
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual(malformed);
  });

  it("answers a body cut off in the middle of the file with 400", async () => {
    const b = await buildLedgerBureau(t);
    const whole = form(filePart());
    const res = await post(b.schoolUser, whole.subarray(0, whole.length - 30), xx);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual(malformed);
  });

  it("answers a body cut off in the part headers with 400", async () => {
    const b = await buildLedgerBureau(t);
    const res = await post(b.schoolUser, form(filePart()).subarray(0, 30), xx);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual(malformed);
  });

  it("answers a body that is not multipart at all under a multipart content type with 400", async () => {
    const b = await buildLedgerBureau(t);
    const res = await post(b.schoolUser, "hello world", xx);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual(malformed);
  });

  it("answers JSON or text sent to the upload with 415, naming the form it expects", async () => {
    const b = await buildLedgerBureau(t);
    const expected = {
      error: {
        code: "unsupported_media_type",
        message: "请以表单（multipart/form-data）方式上传要上传的佐证材料",
      },
    };
    const json = await post(b.schoolUser, JSON.stringify({ file: "x" }), "application/json");
    expect(json.statusCode).toBe(415);
    expect(json.json()).toEqual(expected);
    const text = await post(b.schoolUser, "abc", "text/plain");
    expect(text.statusCode).toBe(415);
    expect(text.json()).toEqual(expected);
  });

  it("answers a form without the file part with 400 naming `file`", async () => {
    const b = await buildLedgerBureau(t);
    const expected = {
      error: {
        code: "validation_failed",
        message: "请选择要上传的佐证材料",
        details: [{ path: "file", message: "请选择要上传的佐证材料" }],
      },
    };
    const fieldsOnly = await post(b.schoolUser, form(fieldPart("note")), xx);
    expect(fieldsOnly.statusCode).toBe(400);
    expect(fieldsOnly.json()).toEqual(expected);
    const wrongField = await post(b.schoolUser, form(filePart("a.png", "upload")), xx);
    expect(wrongField.statusCode).toBe(400);
    expect(wrongField.json()).toEqual(expected);
  });

  it("answers two files in one form with 400 and stores neither", async () => {
    const b = await buildLedgerBureau(t);
    const res = await post(b.schoolUser, form(filePart("a.png"), filePart("b.png")), xx);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      error: { code: "bad_request", message: "一次只能上传一个文件，请逐个上传" },
    });
    expect(await storedCount(b.school.id)).toBe(0);
  });

  it("answers more than ten form fields with 400 and stores nothing", async () => {
    const b = await buildLedgerBureau(t);
    const fields = Array.from({ length: 11 }, (_, i) => fieldPart(`f${i}`));
    const res = await post(b.schoolUser, form(...fields, filePart()), xx);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      error: { code: "bad_request", message: "表单字段过多（最多 10 个），请只提交文件" },
    });
    expect(await storedCount(b.school.id)).toBe(0);
  });

  it("answers a file over 20 MB with 413", async () => {
    const b = await buildLedgerBureau(t);
    const big = multipartBody({
      name: "big.png",
      type: "image/png",
      content: Buffer.concat([png, Buffer.alloc(20 * 1024 * 1024)]),
    });
    const res = await post(b.schoolUser, big.body, big.contentType);
    expect(res.statusCode).toBe(413);
    expect(res.json()).toEqual({ error: { code: "payload_too_large", message: "文件不能超过 20 MB" } });
    expect(await storedCount(b.school.id)).toBe(0);
  });

  it("stores a file sent with a few fields around it", async () => {
    const b = await buildLedgerBureau(t);
    const res = await post(b.schoolUser, form(fieldPart("note"), filePart("现场.png"), fieldPart("x")), xx);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ filename: "现场.png", mime: "image/png", size: png.length });
    expect(await storedCount(b.school.id)).toBe(1);
  });
});

describe("file names from the client", () => {
  it("stores a file whose name carries NUL, other control characters or a lone surrogate, under a cleaned name", async () => {
    const b = await buildLedgerBureau(t);
    // One name raw in the header, one RFC 5987-encoded (which the parser decodes to a real NUL).
    const raw = await uploadFile(b.schoolUser, "/api/files", {
      name: "a\u0000b\u0007c.png",
      type: "image/png",
      content: png,
    });
    expect(raw.statusCode, raw.body).toBe(201);
    expect(raw.json().filename).toBe("abc.png");
    const boundary = "----dubanNul";
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename*=utf-8''a%00b%ED%A0%80.png\r\n` +
          "Content-Type: image/png\r\n\r\n",
      ),
      png,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const encoded = await b.schoolUser.request("POST", "/api/files", body, {
      "content-type": `multipart/form-data; boundary=${boundary}`,
    });
    expect(encoded.statusCode, encoded.body).toBe(201);
    // The bytes that are no UTF-8 (an encoded surrogate half) arrive as U+FFFD; the NUL is dropped.
    expect(encoded.json().filename).toBe("ab\uFFFD\uFFFD\uFFFD.png");
    const stored = await (t.database.db as Db).select().from(files).where(eq(files.id, encoded.json().id));
    expect(stored[0]!.filename).toBe("ab\uFFFD\uFFFD\uFFFD.png");
  });
});

describe("downloading evidence", () => {
  it("streams the stored bytes with their length, type and RFC 5987 file name, never reading them whole", async () => {
    const b = await buildLedgerBureau(t);
    const content = Buffer.concat([png, Buffer.alloc(3 * 1024 * 1024, 7)]);
    const name = "照片 (1)'s.png";
    const uploaded = await uploadFile(b.schoolUser, "/api/files", { name, type: "image/png", content });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const open = vi.spyOn(DiskFileStore.prototype, "open");
    const readWhole = vi.spyOn(DiskFileStore.prototype, "get");
    const res = await b.schoolUser.get(`/api/files/${uploaded.json().id}`);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(content)).toBe(true);
    expect(res.headers["content-length"]).toBe(String(content.length));
    expect(res.headers["content-type"]).toBe("image/png");
    expect(res.headers["content-disposition"]).toBe(
      `attachment; filename="__ (1)'s.png"; filename*=UTF-8''%E7%85%A7%E7%89%87%20%281%29%27s.png`,
    );
    expect(open).toHaveBeenCalledTimes(1);
    const opened = await open.mock.results[0]!.value;
    expect(opened.size).toBe(content.length);
    expect((opened.stream as ReadStream).readableHighWaterMark).toBe(64 * 1024);
    expect(readWhole).not.toHaveBeenCalled();
    const inline = await b.schoolUser.get(`/api/files/${uploaded.json().id}?inline=1`);
    expect(inline.headers["content-disposition"]).toBe(
      `inline; filename="__ (1)'s.png"; filename*=UTF-8''%E7%85%A7%E7%89%87%20%281%29%27s.png`,
    );
  });

  it("percent-encodes every character outside RFC 5987 attr-char and keeps a plain ASCII fallback", () => {
    expect(contentDisposition("attachment", `a*b(c)'d!~.pdf`)).toBe(
      `attachment; filename="a*b(c)'d!~.pdf"; filename*=UTF-8''a%2Ab%28c%29%27d!~.pdf`,
    );
    expect(contentDisposition("attachment", "报告%.docx")).toBe(
      `attachment; filename="___.docx"; filename*=UTF-8''%E6%8A%A5%E5%91%8A%25.docx`,
    );
  });
});
