import { createHash } from "node:crypto";
import fs from "node:fs";
import zlib from "node:zlib";
import { ARCHIVE_FORMAT, ARCHIVE_VERSION, type Manifest } from "./backup-format.js";
import { CliError } from "./runtime.js";

/** The lines of a gzip'd archive, without their line breaks; a damaged or cut gzip stream rejects. */
export async function* archiveLines(file: string): AsyncGenerator<string> {
  const gunzip = zlib.createGunzip();
  const input = fs.createReadStream(file);
  input.once("error", (err) => gunzip.destroy(err));
  input.pipe(gunzip);
  try {
    yield* splitLines(gunzip as AsyncIterable<Buffer>);
  } finally {
    // A reader that stops early (a damaged line, a refused archive) must not leave the file open.
    input.destroy();
    gunzip.destroy();
  }
}

/** The lines of a stream of bytes, without their line breaks. */
async function* splitLines(chunks: AsyncIterable<Buffer>): AsyncGenerator<string> {
  let pending: Buffer[] = [];
  for await (const chunk of chunks) {
    let start = 0;
    for (let nl = chunk.indexOf(10); nl >= 0; nl = chunk.indexOf(10, start)) {
      pending.push(chunk.subarray(start, nl));
      yield Buffer.concat(pending).toString("utf8");
      pending = [];
      start = nl + 1;
    }
    if (start < chunk.length) pending.push(chunk.subarray(start));
  }
  // Every line of a whole archive ends with a line break: bytes after the last one mean a cut archive.
  if (pending.length > 0) yield Buffer.concat(pending).toString("utf8");
}

/** A refusal of a damaged archive; nothing has been changed when it is thrown. */
function damaged(file: string, reason: string): CliError {
  return new CliError(
    `备份文件 ${file} 不完整或已损坏（${reason}），未做任何修改。请改用一个完整的备份文件。`,
  );
}

/** Parses the manifest line, refusing another format or a newer layout. */
function parseManifest(file: string, line: string | undefined): Manifest {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(line ?? "") as Manifest;
  } catch {
    throw new CliError(`${file} 不是督办备份文件（无法读取清单），未做任何修改。`);
  }
  if (manifest?.format !== ARCHIVE_FORMAT)
    throw new CliError(`${file} 不是督办备份文件（清单格式不符），未做任何修改。`);
  if (manifest.version > ARCHIVE_VERSION)
    throw new CliError(
      `备份文件格式版本 ${manifest.version} 比当前程序支持的 ${ARCHIVE_VERSION} 新：请先升级督办再恢复。`,
    );
  return manifest;
}

/**
 * Reads the whole archive once without writing anything: the manifest, each table's row count, every file's
 * sha256 and size, the secret key line, and the end line's digest of everything before it must all agree.
 */
export async function verifyArchive(file: string): Promise<Manifest> {
  if (!fs.existsSync(file)) throw new CliError(`找不到备份文件 ${file}。`);
  const hash = createHash("sha256");
  let manifest: Manifest | null = null;
  const counts = new Map<string, number>();
  const seenFiles = new Set<string>();
  let table: string | null = null;
  let sawKey = false;
  let ended = false;
  try {
    for await (const line of archiveLines(file)) {
      if (ended) throw damaged(file, "结束标记之后还有内容");
      if (!manifest) {
        manifest = parseManifest(file, line);
        hash.update(`${line}\n`);
        continue;
      }
      if (line.startsWith("{")) {
        if (!table) throw damaged(file, "数据行不属于任何表");
        counts.set(table, (counts.get(table) ?? 0) + 1);
        hash.update(`${line}\n`);
        continue;
      }
      const control = JSON.parse(line) as string[];
      if (control[0] === "end") {
        if (control[1] !== hash.digest("hex")) throw damaged(file, "校验值不符");
        ended = true;
        continue;
      }
      hash.update(`${line}\n`);
      if (control[0] === "table") {
        table = String(control[1]);
        counts.set(table, 0);
      } else if (control[0] === "file") {
        table = null;
        const sha = createHash("sha256")
          .update(Buffer.from(String(control[2]), "base64"))
          .digest("hex");
        if (sha !== control[1]) throw damaged(file, `文件 ${control[1]} 的内容与 sha256 不符`);
        seenFiles.add(sha);
      } else if (control[0] === "secret-key") sawKey = true;
      else throw damaged(file, `未知的行类型 ${control[0]}`);
    }
  } catch (err) {
    if (err instanceof CliError) throw err;
    throw damaged(file, (err as Error).message);
  }
  if (!manifest) throw damaged(file, "文件为空");
  if (!ended) throw damaged(file, "缺少结束标记，文件可能被截断");
  for (const t of manifest.tables)
    if (counts.get(t.name) !== t.rows)
      throw damaged(file, `表 ${t.name} 应有 ${t.rows} 行，实有 ${counts.get(t.name) ?? 0} 行`);
  if (counts.size !== manifest.tables.length) throw damaged(file, "表的列表与清单不符");
  const missing = manifest.files.filter((f) => !seenFiles.has(f.sha256));
  if (missing.length > 0 || seenFiles.size !== manifest.files.length)
    throw damaged(file, `缺少 ${missing.length} 个文件`);
  if (sawKey !== manifest.secretKey) throw damaged(file, "密钥文件与清单不符");
  return manifest;
}
