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

const word: EvidenceType = {
  mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  label: "Word 文档",
  previewable: false,
};
const excel: EvidenceType = {
  mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  label: "Excel 表格",
  previewable: false,
};

/** Bytes of the head that decide every type but the Office packages. */
const HEAD_BYTES = 16;
/** Entry names that only an Office package of that kind holds; ZIP stores entry names uncompressed. */
const WORD_PART = Buffer.from("word/document.xml");
const EXCEL_PART = Buffer.from("xl/workbook.xml");

/** The type the head's magic bytes name, "zip" for a ZIP (decided by its entry names), or null. */
function headType(bytes: Uint8Array): EvidenceType | "zip" | null {
  if (at(bytes, 0, [0xff, 0xd8, 0xff])) return image("image/jpeg", "JPEG 图片");
  if (at(bytes, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return image("image/png", "PNG 图片");
  if (at(bytes, 0, ascii("GIF87a")) || at(bytes, 0, ascii("GIF89a"))) return image("image/gif", "GIF 图片");
  if (at(bytes, 0, ascii("RIFF")) && at(bytes, 8, ascii("WEBP"))) return image("image/webp", "WebP 图片");
  // HEIC photos from phones cannot be shown by most browsers, so they download instead.
  if (at(bytes, 4, ascii("ftypheic")) || at(bytes, 4, ascii("ftypheix")) || at(bytes, 4, ascii("ftypmif1")))
    return { mime: "image/heic", label: "HEIC 图片", previewable: false };
  if (at(bytes, 0, ascii("%PDF-"))) return { mime: "application/pdf", label: "PDF 文档", previewable: true };
  if (at(bytes, 0, [0x50, 0x4b, 0x03, 0x04])) return "zip";
  return null;
}

/**
 * Sniffs an evidence file as its bytes stream past: the first bytes decide an image or a PDF, so anything else is
 * refused before the rest arrives; a ZIP is Word or Excel only if an entry name seen anywhere in it says so.
 */
export class EvidenceSniffer {
  private head = Buffer.alloc(0);
  private tail = Buffer.alloc(0);
  private word = false;
  private excel = false;
  /** What the head said, once it is whole. */
  private decided: EvidenceType | "zip" | null | undefined;

  /** Takes the next chunk; returns false once the head shows the file cannot be evidence. */
  push(chunk: Uint8Array): boolean {
    const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (this.head.length < HEAD_BYTES) {
      this.head = Buffer.concat([this.head, bytes.subarray(0, HEAD_BYTES - this.head.length)]);
      if (this.head.length === HEAD_BYTES) this.decided = headType(this.head);
    }
    if (this.decided === null) return false;
    // An image or a PDF is decided by its head: only a ZIP's (or a head not yet whole) entry names are looked for.
    if (this.decided === undefined || this.decided === "zip") this.scanNames(bytes);
    return true;
  }

  /** Looks for the Office packages' entry names; a name may straddle two chunks. */
  private scanNames(bytes: Buffer): void {
    // The end of the previous chunk is searched with the start of this one.
    const seam = Buffer.concat([this.tail, bytes.subarray(0, WORD_PART.length)]);
    this.word ||= bytes.includes(WORD_PART) || seam.includes(WORD_PART);
    this.excel ||= bytes.includes(EXCEL_PART) || seam.includes(EXCEL_PART);
    this.tail = Buffer.from(
      bytes.byteLength >= WORD_PART.length
        ? bytes.subarray(bytes.byteLength - WORD_PART.length)
        : Buffer.concat([this.tail, bytes]).subarray(-WORD_PART.length),
    );
  }

  /** The type of all the bytes pushed, or null when they are not an accepted type. */
  type(): EvidenceType | null {
    const found = headType(this.head);
    if (found !== "zip") return found;
    if (this.word) return word;
    return this.excel ? excel : null;
  }
}

/**
 * Sniffs an evidence file: JPEG, PNG, GIF, WebP, HEIC (phone photos), PDF, Word (.docx) or Excel (.xlsx).
 * Anything else, whatever its name says, is refused by returning null.
 */
export function sniffEvidenceType(bytes: Uint8Array): EvidenceType | null {
  const sniffer = new EvidenceSniffer();
  sniffer.push(bytes);
  return sniffer.type();
}
