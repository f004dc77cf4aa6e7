import { randomBytes } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { DiskFileStore } from "../../files/disk-file-store.js";
import { EvidenceSniffer } from "../../files/evidence-type.js";
import { buildLedgerBureau } from "../../test/rectification-fixtures.js";
import { createTestApp, type TestApp } from "../../test/test-app.js";
import { filesOnDisk, png, uploadFile } from "../../test/upload.js";

let t: TestApp;
let pgStore: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  // The same routes over the PostgreSQL file store (PGlite in memory without TEST_DATABASE_URL).
  pgStore = await createTestApp({ fileStore: { kind: "postgres" } });
  // Two apps on PGlite start slowly on a busy machine.
}, 180_000);
afterAll(async () => {
  await t?.close();
  await pgStore?.close();
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** A ZIP whose Office part name comes only after `padding` bytes of an earlier entry. */
function officeZip(part: string, padding: number): Buffer {
  return Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), randomBytes(padding), Buffer.from(part)]);
}

describe("streamed evidence uploads", () => {
  it("hands the store a stream, never the whole file, and stores its bytes", async () => {
    const b = await buildLedgerBureau(t);
    const put = vi.spyOn(DiskFileStore.prototype, "put");
    const res = await uploadFile(b.schoolUser, "/api/files", {
      name: "现场.png",
      type: "image/png",
      content: png,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(put).toHaveBeenCalledTimes(1);
    expect(put.mock.calls[0]![0]).not.toBeInstanceOf(Uint8Array);
    const download = await b.schoolUser.get(`/api/files/${res.json().id}`);
    expect(download.rawPayload.equals(png)).toBe(true);
  });

  it("refuses a file over 20 MB mid-stream and leaves nothing of it in the store", async () => {
    const b = await buildLedgerBureau(t);
    const before = filesOnDisk(t.config.dataDir);
    const res = await uploadFile(b.schoolUser, "/api/files", {
      name: "big.png",
      type: "image/png",
      content: Buffer.concat([png, randomBytes(20 * 1024 * 1024)]),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toEqual({ error: { code: "payload_too_large", message: "文件不能超过 20 MB" } });
    expect(filesOnDisk(t.config.dataDir)).toEqual(before);
  });

  it("refuses from its first bytes a file that is no accepted type, leaving nothing in the store", async () => {
    const b = await buildLedgerBureau(t);
    const before = filesOnDisk(t.config.dataDir);
    const res = await uploadFile(b.schoolUser, "/api/files", {
      name: "照片.png",
      type: "image/png",
      content: Buffer.concat([Buffer.from("MZ"), randomBytes(3 * 1024 * 1024)]),
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe("unsupported_media_type");
    expect(filesOnDisk(t.config.dataDir)).toEqual(before);
  });

  it("takes a Word file whose document part is named only after the first megabyte, and refuses a plain ZIP", async () => {
    const b = await buildLedgerBureau(t);
    const word = await uploadFile(b.schoolUser, "/api/files", {
      name: "总结.docx",
      content: officeZip("word/document.xml", 1024 * 1024),
    });
    expect(word.statusCode, word.body).toBe(201);
    expect(word.json().mime).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    const before = filesOnDisk(t.config.dataDir);
    const zip = await uploadFile(b.schoolUser, "/api/files", {
      name: "a.docx",
      content: officeZip("x.txt", 4096),
    });
    expect(zip.statusCode).toBe(415);
    expect(filesOnDisk(t.config.dataDir)).toEqual(before);
  });

  it("stores in and serves from the PostgreSQL file store the same way", async () => {
    const b = await buildLedgerBureau(pgStore);
    const content = Buffer.concat([png, randomBytes(700_000)]);
    const res = await uploadFile(b.schoolUser, "/api/files", {
      name: "现场.png",
      type: "image/png",
      content,
    });
    expect(res.statusCode, res.body).toBe(201);
    const download = await b.schoolUser.get(`/api/files/${res.json().id}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers["content-length"]).toBe(String(content.length));
    expect(download.rawPayload.equals(content)).toBe(true);
  });
});

describe("EvidenceSniffer", () => {
  it("finds an Office part name split across two chunks", () => {
    const bytes = officeZip("xl/workbook.xml", 100);
    for (let cut = 100; cut < bytes.length; cut++) {
      const s = new EvidenceSniffer();
      s.push(bytes.subarray(0, cut));
      s.push(bytes.subarray(cut));
      expect(s.type()?.label, `cut at ${cut}`).toBe("Excel 表格");
    }
  });

  it("reads a head that arrives a byte at a time", () => {
    const s = new EvidenceSniffer();
    for (const byte of png.subarray(0, 20)) expect(s.push(Uint8Array.of(byte))).toBe(true);
    expect(s.type()?.mime).toBe("image/png");
    const refused = new EvidenceSniffer();
    const verdicts = [...Buffer.from("plain text, not a photo")].map((byte) =>
      refused.push(Uint8Array.of(byte)),
    );
    expect(verdicts.indexOf(false)).toBe(15);
  });
});
