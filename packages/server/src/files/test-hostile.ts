import { crc32, deflateRawSync, deflateSync } from "node:zlib";
import { buildPdf } from "./test-pdf.js";

/** One entry of a hand-made ZIP; `declaredSize` writes a false uncompressed size into both headers. */
export interface ZipEntry {
  name: string;
  content: Buffer;
  declaredSize?: number;
}

/** Writes a ZIP by hand (deflated entries), so a test can lie in the headers the way a hostile file does. */
export function buildZip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const data = deflateRawSync(e.content);
    const fields = (b: Buffer, at: number) => {
      b.writeUInt16LE(20, at); // version needed
      b.writeUInt16LE(0x800, at + 2); // UTF-8 names
      b.writeUInt16LE(8, at + 4); // deflate
      b.writeUInt32LE(0x00210000, at + 6); // 1980-01-01 00:00
      b.writeUInt32LE(crc32(e.content), at + 10);
      b.writeUInt32LE(data.length, at + 14);
      b.writeUInt32LE(e.declaredSize ?? e.content.length, at + 18);
      b.writeUInt16LE(name.length, at + 22);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    fields(local, 4);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // version made by
    fields(central, 6);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const wordContentTypes = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;

/** The [Content_Types].xml of a package whose main part is a Word document at word/document.xml. */
export const wordContentTypesXml = wordContentTypes;

/**
 * A .docx whose document.xml inflates to `inflatedBytes` of paragraphs from a small file; with `lie`, both
 * headers claim the part is 1 KB, so only counting while inflating can catch it.
 */
export function docxBomb(options: { inflatedBytes: number; lie: boolean }): Buffer {
  const paragraph = "<w:p><w:r><w:t>一、加强学校管理</w:t></w:r></w:p>";
  const head = '<?xml version="1.0"?><w:document xmlns:w="w"><w:body>';
  const body = Buffer.alloc(options.inflatedBytes, paragraph);
  const xml = Buffer.concat([Buffer.from(head), body, Buffer.from("</w:body></w:document>")]);
  return buildZip([
    { name: "[Content_Types].xml", content: Buffer.from(wordContentTypes) },
    { name: "word/document.xml", content: xml, ...(options.lie ? { declaredSize: 1024 } : {}) },
  ]);
}

/** A one-page PDF whose page content is a deflated stream of `inflatedBytes` spaces. */
export function pdfBomb(inflatedBytes: number): Buffer {
  const data = deflateSync(Buffer.alloc(inflatedBytes, " "));
  return onePagePdf(`/Filter /FlateDecode /Length ${data.length}`, data);
}

/** A one-page PDF whose page content is LZW-encoded (the filter is declared; the data need not be valid). */
export function pdfWithLzwContent(): Buffer {
  const data = Buffer.from([0x80, 0x0b, 0x60, 0x50, 0x22, 0x0c, 0x0c, 0x85, 0x01]);
  return onePagePdf(`/Filter /LZWDecode /Length ${data.length}`, data);
}

/** A PDF of `pages` pages, one short line each. */
export function manyPagePdf(pages: number): Uint8Array {
  return buildPdf(Array.from({ length: pages }, (_, i) => [{ text: `第${i + 1}页`, x: 72, y: 760 }]));
}

/** Catalog, page tree, one page and its content stream, with a correct cross-reference table. */
function onePagePdf(contentDict: string, content: Buffer): Buffer {
  const objects = [
    Buffer.from("<< /Type /Catalog /Pages 2 0 R >>"),
    Buffer.from("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
    Buffer.from("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>"),
    Buffer.concat([Buffer.from(`<< ${contentDict} >>\nstream\n`), content, Buffer.from("\nendstream")]),
  ];
  const parts: Buffer[] = [Buffer.from("%PDF-1.7\n")];
  let length = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(length);
    const object = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), body, Buffer.from("\nendobj\n")]);
    parts.push(object);
    length += object.length;
  });
  let xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) xref += `${String(o).padStart(10, "0")} 00000 n \n`;
  xref += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`;
  return Buffer.concat([...parts, Buffer.from(xref)]);
}
