import { randomUUID } from "node:crypto";
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import {
  assertSha256,
  FileMissingError,
  type FileSource,
  type FileStore,
  hashing,
  type StoredFile,
} from "./file-store.js";

/** Files under a folder (`DATA_DIR/files`), one per sha256 at `ab/cd/abcd…`: the layout every release has used. */
export class DiskFileStore implements FileStore {
  readonly kind = "disk";
  readonly location: string;

  constructor(private readonly root: string) {
    this.location = root;
  }

  /** Where the bytes of a hash live: two levels of fan-out keep directories small. */
  pathOf(sha256: string): string {
    assertSha256(sha256);
    return path.join(this.root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async put(source: FileSource, options: { sha256?: string } = {}): Promise<StoredFile> {
    // Made again if removed from under the store (the temporary file cannot be written again: its bytes streamed).
    await fsp.mkdir(this.root, { recursive: true });
    // Written under a unique temporary name and renamed once whole and verified, so a reader never sees half a
    // file; the temporary name sits beside the fan-out folders, on the same file system, so the rename is atomic.
    const temp = path.join(this.root, `.upload-${randomUUID()}.tmp`);
    const hashed = hashing(source, options.sha256);
    const out = fs.createWriteStream(temp, { flags: "wx" });
    try {
      await pipeline(hashed.chunks, out);
      const stored = hashed.result();
      const target = this.pathOf(stored.sha256);
      await this.folder(path.dirname(target));
      // Replacing a file of the same hash with verified bytes is atomic and harmless, and heals a damaged copy.
      await fsp.rename(temp, target).catch(async (err: NodeJS.ErrnoException) => {
        // The fan-out folder was removed since this store made it: made again, and the rename tried again.
        if (err.code !== "ENOENT") throw err;
        this.made.clear();
        await this.folder(path.dirname(target));
        await fsp.rename(temp, target);
      });
      return stored;
    } catch (err) {
      // A source that fails at once rejects the pipeline while the temporary file's open may still be under way
      // on another thread: removed now, the file would appear after it. Its stream closes only after the open.
      if (!out.closed) await new Promise<void>((closed) => out.once("close", () => closed()));
      await fsp.rm(temp, { force: true });
      throw err;
    }
  }

  /** Fan-out folders this store made or found: each upload would otherwise ask the file system for them. */
  private readonly made = new Set<string>();

  private async folder(dir: string): Promise<void> {
    if (this.made.has(dir)) return;
    await fsp.mkdir(dir, { recursive: true });
    // 65 536 fan-out folders at most, a few MB of names.
    this.made.add(dir);
  }

  async open(sha256: string): Promise<{ stream: fs.ReadStream; size: number }> {
    let handle: fsp.FileHandle;
    try {
      handle = await fsp.open(this.pathOf(sha256), "r");
    } catch (err) {
      throw missing(err, sha256, this.location);
    }
    try {
      // The size comes from the open descriptor, so it always matches the bytes the stream sends.
      const { size } = await handle.stat();
      // The stream owns the handle from here and closes it at its end or on error.
      return { stream: handle.createReadStream(), size };
    } catch (err) {
      await handle.close();
      throw err;
    }
  }

  async get(sha256: string): Promise<Buffer> {
    try {
      return await fsp.readFile(this.pathOf(sha256));
    } catch (err) {
      throw missing(err, sha256, this.location);
    }
  }

  async has(sha256: string): Promise<boolean> {
    return fs.existsSync(this.pathOf(sha256));
  }

  async close(): Promise<void> {}
}

/** A missing file as `FileMissingError`; any other I/O error as it was. */
function missing(err: unknown, sha256: string, where: string): Error {
  return (err as NodeJS.ErrnoException).code === "ENOENT"
    ? new FileMissingError(sha256, where)
    : (err as Error);
}

/** Whether a disk store's folder already holds stored files (not only temporary ones). */
export function diskStoreHoldsFiles(root: string): boolean {
  let entries: string[];
  try {
    entries = fs.readdirSync(root);
  } catch {
    return false;
  }
  // Fan-out folders are two hex digits; any one of them means files were stored here.
  return entries.some((e) => /^[0-9a-f]{2}$/.test(e));
}
