import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FileHashMismatchError, FileMissingError, type FileStore, readWhole } from "./file-store.js";

/** A store under test and a view of everything it holds, temporary leftovers included. */
export interface ContractSubject {
  store: FileStore;
  /** One name per stored object or piece (a file, a row, a key), sorted; a leftover of a failed write shows. */
  contents(): Promise<string[]>;
  cleanup(): Promise<void>;
}

const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** Yields `bytes` in pieces of `size`, awaiting `gate` (when given) before the last piece. */
async function* pieces(bytes: Uint8Array, size: number, gate?: Promise<void>): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.byteLength; at += size) {
    if (gate && at + size >= bytes.byteLength) await gate;
    yield bytes.subarray(at, at + size);
  }
}

/** Yields part of `bytes`, then fails as an upload cut off or refused part-way does. */
async function* failingAfter(bytes: Uint8Array, error: Error): AsyncGenerator<Uint8Array> {
  yield bytes.subarray(0, bytes.byteLength >> 1);
  throw error;
}

/**
 * The one contract every file store keeps, run against disk, PostgreSQL and S3 alike: content-addressed, written
 * once, the same bytes kept once, whole or not at all, a wrong hash refused, a failed source leaving nothing.
 */
export function describeFileStoreContract(name: string, open: () => Promise<ContractSubject>): void {
  describe(`${name} file store`, () => {
    let s: ContractSubject;
    beforeAll(async () => {
      s = await open();
    }, 60_000);
    afterAll(async () => s?.cleanup());

    it("stores bytes under their sha256 and gives them back whole and streamed, with their size", async () => {
      const bytes = randomBytes(1000);
      const stored = await s.store.put(bytes);
      expect(stored).toEqual({ sha256: sha(bytes), size: 1000 });
      expect(await s.store.has(stored.sha256)).toBe(true);
      expect((await s.store.get(stored.sha256)).equals(bytes)).toBe(true);
      const { stream, size } = await s.store.open(stored.sha256);
      expect(size).toBe(1000);
      expect((await readWhole(stream)).equals(bytes)).toBe(true);
    });

    it("streams a 6 MB source given in uneven pieces into the store and back, byte for byte", async () => {
      const bytes = randomBytes(6 * 1024 * 1024 + 123);
      const stored = await s.store.put(pieces(bytes, 70_001));
      expect(stored).toEqual({ sha256: sha(bytes), size: bytes.byteLength });
      const { stream, size } = await s.store.open(stored.sha256);
      expect(size).toBe(bytes.byteLength);
      expect(sha(await readWhole(stream))).toBe(stored.sha256);
    }, 60_000);

    it("keeps one copy of the same bytes stored twice, one after the other or at once", async () => {
      const bytes = randomBytes(300_000);
      await s.store.put(bytes);
      const once = await s.contents();
      await s.store.put(pieces(bytes, 4096));
      await Promise.all([s.store.put(bytes), s.store.put(bytes), s.store.put(pieces(bytes, 10_000))]);
      expect(await s.contents()).toEqual(once);
      expect(sha(await s.store.get(sha(bytes)))).toBe(sha(bytes));
    });

    it("stores an empty file", async () => {
      const stored = await s.store.put(new Uint8Array(0));
      expect(stored.size).toBe(0);
      expect((await s.store.get(stored.sha256)).byteLength).toBe(0);
      const opened = await s.store.open(stored.sha256);
      expect(opened.size).toBe(0);
      expect((await readWhole(opened.stream)).byteLength).toBe(0);
    });

    it("refuses bytes that do not match the hash they are given with, and stores nothing", async () => {
      const before = await s.contents();
      const bytes = randomBytes(2000);
      const claimed = sha(randomBytes(10));
      const err = await s.store.put(pieces(bytes, 512), { sha256: claimed }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(FileHashMismatchError);
      expect(err).toMatchObject({ expected: claimed, actual: sha(bytes) });
      expect(await s.store.has(claimed)).toBe(false);
      expect(await s.store.has(sha(bytes))).toBe(false);
      expect(await s.contents()).toEqual(before);
      // The right hash is accepted.
      expect((await s.store.put(bytes, { sha256: sha(bytes) })).sha256).toBe(sha(bytes));
    });

    it("passes on the error of a source that fails part-way, and stores nothing of it", async () => {
      const before = await s.contents();
      const bytes = randomBytes(600_000);
      const refusal = new Error("文件过大");
      await expect(s.store.put(failingAfter(bytes, refusal))).rejects.toBe(refusal);
      expect(await s.store.has(sha(bytes))).toBe(false);
      expect(await s.contents()).toEqual(before);
    });

    it("shows no reader a file until all of it is stored", async () => {
      const bytes = randomBytes(700_000);
      let release!: () => void;
      const gate = new Promise<void>((r) => {
        release = r;
      });
      const putting = s.store.put(pieces(bytes, 100_000, gate));
      // The first pieces are on their way; the last waits for the gate.
      await new Promise((r) => setTimeout(r, 200));
      expect(await s.store.has(sha(bytes))).toBe(false);
      await expect(s.store.open(sha(bytes))).rejects.toBeInstanceOf(FileMissingError);
      await expect(s.store.get(sha(bytes))).rejects.toBeInstanceOf(FileMissingError);
      release();
      await putting;
      expect(sha(await s.store.get(sha(bytes)))).toBe(sha(bytes));
    });

    it("answers a hash it does not hold as missing, and refuses what is not a hash", async () => {
      const absent = sha(randomBytes(16));
      expect(await s.store.has(absent)).toBe(false);
      await expect(s.store.open(absent)).rejects.toBeInstanceOf(FileMissingError);
      await expect(s.store.get(absent)).rejects.toBeInstanceOf(FileMissingError);
      await expect(s.store.has("../../etc/passwd")).rejects.toThrow("invalid sha256");
    });
  });
}
