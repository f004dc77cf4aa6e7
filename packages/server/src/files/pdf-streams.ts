import { constants, inflateSync } from "node:zlib";
import { AppError } from "../errors.js";
import { documentTooLarge, planDocumentLimits } from "./plan-document-limits.js";

// Filters that can expand data many times over; pdf.js would decode them without any bound.
const expanding = new Set(["FlateDecode", "Fl", "LZWDecode", "LZW", "RunLengthDecode", "RL"]);

/**
 * Refuses a PDF whose streams inflate past the allowance, before pdf.js decodes anything: a few MB of deflated
 * zeros make gigabytes. Images count too: a dictionary's /Subtype is no proof of how pdf.js will use a stream.
 */
export function assertPdfInflatedSize(bytes: Uint8Array, limit = planDocumentLimits.pdfInflatedBytes): void {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let left = limit;
  for (let at = buf.indexOf("stream"); at >= 0; at = buf.indexOf("stream", at + 6)) {
    const stream = streamAt(buf, at);
    if (!stream) continue;
    const filterNames = filtersOf(stream.dict);
    if (!filterNames.some((f) => expanding.has(f))) continue;
    // Only a lone Flate filter is measured; the old LZW and RunLength filters, or chains, are not produced by
    // Word, WPS or any current PDF writer, so a text PDF using them is refused rather than decoded blind.
    if (filterNames.length !== 1 || !["FlateDecode", "Fl"].includes(filterNames[0]!))
      throw new AppError(
        "unsupported_media_type",
        "该 PDF 使用了本系统不读取的旧式压缩方式，请用 Word 或 WPS 重新导出 PDF 后上传，或上传 Word、文本版本",
      );
    left -= inflatedSize(buf.subarray(stream.start, stream.end), left);
    if (left < 0)
      throw documentTooLarge(`PDF 解压后超过 ${limit / 1024 / 1024} MB（可能是压缩炸弹或嵌入了大量内容）`);
  }
}

/** The dictionary and data extent of the stream whose `stream` keyword is at `at`, or null for a mere mention. */
function streamAt(buf: Buffer, at: number): { dict: string; start: number; end: number } | null {
  if (buf.toString("latin1", Math.max(0, at - 3), at) === "end") return null;
  let start = at + 6;
  if (buf[start] === 0x0d) start++;
  if (buf[start] !== 0x0a) return null;
  start++;
  // The dictionary sits between the object header and the keyword; 8 KB is far more than any real one.
  const before = buf.toString("latin1", Math.max(0, at - 8192), at);
  const open = before.lastIndexOf(" obj");
  if (open < 0 || !before.trimEnd().endsWith(">>")) return null;
  const end = buf.indexOf("endstream", start);
  return { dict: before.slice(open), start, end: end < 0 ? buf.length : end };
}

/** The filter names of a stream dictionary, in order: `/Filter /FlateDecode` or `/Filter [/A /B]`. */
function filtersOf(dict: string): string[] {
  const m = /\/Filter\s*(\[[^\]]*\]|\/\w+)/.exec(dict);
  if (!m) return [];
  return [...m[1]!.matchAll(/\/(\w+)/g)].map((n) => n[1]!);
}

// Deflate cannot expand data more than about 1032 times.
const deflateMaxRatio = 1032;

/** Bytes a deflated stream inflates to, stopping one byte past `max`. */
function inflatedSize(data: Buffer, max: number): number {
  try {
    // A truncated stream still yields its beginning, as pdf.js would decode it.
    return inflateSync(data, { maxOutputLength: Math.max(1, max + 1), finishFlush: constants.Z_SYNC_FLUSH })
      .length;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") return max + 1;
    // pdf.js decodes what it can of a damaged stream, so it is counted at the most it could hold.
    return Math.min(max + 1, data.length * deflateMaxRatio);
  }
}
