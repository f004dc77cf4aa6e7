/** What a file's first bytes say it is; the filename is never trusted for this. */
export type SniffedKind = "pdf" | "zip" | "ole" | "text" | { unsupported: string };

const startsWith = (bytes: Uint8Array, magic: number[], at = 0) => magic.every((b, i) => bytes[at + i] === b);
const ascii = (s: string) => Array.from(s, (c) => c.charCodeAt(0));

// Formats people upload by mistake, named so the error message can say what the file is.
const known: [number[], string, number?][] = [
  [[0x89, 0x50, 0x4e, 0x47], "PNG 图片"],
  [[0xff, 0xd8, 0xff], "JPEG 图片"],
  [ascii("GIF8"), "GIF 图片"],
  [ascii("II*\0"), "TIFF 图片"],
  [ascii("MM\0*"), "TIFF 图片"],
  [ascii("WEBP"), "WebP 图片", 8],
  [ascii("Rar!"), "RAR 压缩包"],
  [[0x37, 0x7a, 0xbc, 0xaf], "7z 压缩包"],
  [[0x1f, 0x8b], "gzip 压缩包"],
  [ascii("{\\rtf"), "RTF 文档"],
  [ascii("AT&TFORM"), "DjVu 文档"],
];

/** Identifies a file from its magic bytes: PDF, ZIP (maybe .docx), OLE compound file, a known binary, or text. */
export function sniffKind(bytes: Uint8Array): SniffedKind {
  // Some PDF producers put junk before the header; pdf.js accepts a header within the first kilobyte.
  const head = Buffer.from(bytes.subarray(0, 1024)).toString("latin1");
  if (head.includes("%PDF-")) return "pdf";
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]))
    return "zip";
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return "ole";
  for (const [magic, what, at] of known) if (startsWith(bytes, magic, at)) return { unsupported: what };
  return "text";
}

/** Whether an OLE compound file holds an encrypted OOXML package (its EncryptionInfo stream). */
export function isEncryptedOffice(bytes: Uint8Array): boolean {
  return Buffer.from(bytes).includes(Buffer.from("EncryptionInfo", "utf16le"));
}
