/** An evidence file type Duban accepts, decided from content. */
export interface EvidenceType {
  mime: string;
  label: string;
  /** Browsers can show it inline (images and PDF). */
  previewable: boolean;
}

const at = (bytes: Uint8Array, offset: number, magic: number[]) =>
  magic.every((b, i) => bytes[offset + i] === b);
const ascii = (s: string) => Array.from(s, (c) => c.charCodeAt(0));

const image = (mime: string, label: string): EvidenceType => ({ mime, label, previewable: true });

/** Names that only an Office package of that kind holds; ZIP stores entry names uncompressed. */
function officeKind(bytes: Uint8Array): EvidenceType | null {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.includes("word/document.xml"))
    return {
      mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      label: "Word 文档",
      previewable: false,
    };
  if (buf.includes("xl/workbook.xml"))
    return {
      mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      label: "Excel 表格",
      previewable: false,
    };
  return null;
}

/**
 * Sniffs an evidence file: JPEG, PNG, GIF, WebP, HEIC (phone photos), PDF, Word (.docx) or Excel (.xlsx).
 * Anything else, whatever its name says, is refused by returning null.
 */
export function sniffEvidenceType(bytes: Uint8Array): EvidenceType | null {
  if (at(bytes, 0, [0xff, 0xd8, 0xff])) return image("image/jpeg", "JPEG 图片");
  if (at(bytes, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return image("image/png", "PNG 图片");
  if (at(bytes, 0, ascii("GIF87a")) || at(bytes, 0, ascii("GIF89a"))) return image("image/gif", "GIF 图片");
  if (at(bytes, 0, ascii("RIFF")) && at(bytes, 8, ascii("WEBP"))) return image("image/webp", "WebP 图片");
  // HEIC photos from phones cannot be shown by most browsers, so they download instead.
  if (at(bytes, 4, ascii("ftypheic")) || at(bytes, 4, ascii("ftypheix")) || at(bytes, 4, ascii("ftypmif1")))
    return { mime: "image/heic", label: "HEIC 图片", previewable: false };
  if (at(bytes, 0, ascii("%PDF-"))) return { mime: "application/pdf", label: "PDF 文档", previewable: true };
  if (at(bytes, 0, [0x50, 0x4b, 0x03, 0x04])) return officeKind(bytes);
  return null;
}
