import { createHash, randomUUID } from "node:crypto";
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

  /** Reads stored bytes. */
  get(sha256: string): Promise<Buffer> {
    return fs.readFile(this.pathOf(sha256));
  }
}
