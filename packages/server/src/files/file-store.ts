import { createHash, randomUUID } from "node:crypto";
import type { ReadStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";

/** Content-addressed storage of uploaded bytes: one file per sha256, written once, never changed. */
export class FileStore {
  constructor(private readonly root: string) {}

  /** Where the bytes of a hash live: two levels of fan-out keep directories small. */
  pathOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error("invalid sha256");
    return path.join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  /** Stores bytes and returns their sha256; storing the same bytes twice keeps one copy. */
  async put(bytes: Uint8Array): Promise<{ sha256: string; size: number }> {
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const target = this.pathOf(sha256);
    try {
      await fs.access(target);
    } catch {
      await fs.mkdir(path.dirname(target), { recursive: true });
      // Write to a unique temporary name and rename, so a reader never sees half a file.
      const temp = `${target}.${randomUUID()}.tmp`;
      await fs.writeFile(temp, bytes);
      await fs.rename(temp, target);
    }
    return { sha256, size: bytes.byteLength };
  }

  /**
   * Opens stored bytes for streaming: a download costs one read buffer, not the whole file in memory.
   * The size comes from the open descriptor, so it always matches the bytes the stream sends.
   */
  async open(sha256: string): Promise<{ stream: ReadStream; size: number }> {
    const handle = await fs.open(this.pathOf(sha256), "r");
    try {
      const { size } = await handle.stat();
      // The stream owns the handle from here and closes it at its end or on error.
      return { stream: handle.createReadStream(), size };
    } catch (err) {
      await handle.close();
      throw err;
    }
  }

  /** Reads stored bytes whole; for small documents that are parsed, never for downloads. */
  get(sha256: string): Promise<Buffer> {
    return fs.readFile(this.pathOf(sha256));
  }
}
