/** One line of text placed on a test PDF page; `x` and `y` are in points from the bottom-left corner. */
export interface PdfTextLine {
  text: string;
  x: number;
  y: number;
  size?: number;
}

/** Options of `buildPdf`. */
export interface BuildPdfOptions {
  /** Adds a Standard-security /Encrypt dictionary whose user password is not empty. */
  encrypt?: boolean;
  /** Pages with an image instead of text, like a scanned document (indices, 0-based). */
  imagePages?: number[];
}

const utf16Hex = (s: string) =>
  Array.from(s, (ch) =>
    Array.from({ length: ch.length }, (_, i) => ch.charCodeAt(i).toString(16).padStart(4, "0")).join(""),
  ).join("");

/**
 * Writes a small but real PDF whose text is extractable: a Type0 font with Identity-H codes and a ToUnicode
 * map, so pdf.js reads Chinese without any font file (the glyphs are not embedded, so it does not render well).
 */
export function buildPdf(pages: PdfTextLine[][], options: BuildPdfOptions = {}): Uint8Array {
  const cids = new Map<string, number>();
  for (const page of pages)
    for (const line of page) for (const ch of line.text) if (!cids.has(ch)) cids.set(ch, cids.size + 1);
  const objects: string[] = [];
  const add = (body: string) => objects.push(body);
  const stream = (dict: string, data: string) =>
    `<< ${dict} /Length ${Buffer.byteLength(data, "latin1")} >>\nstream\n${data}\nendstream`;
  const pageStart = 8;
  const kids = pages.map((_, i) => `${pageStart + i * 2} 0 R`).join(" ");
  add("<< /Type /Catalog /Pages 2 0 R >>");
  add(`<< /Type /Pages /Kids [${kids}] /Count ${pages.length} >>`);
  add(
    "<< /Type /Font /Subtype /Type0 /BaseFont /DubanTest /Encoding /Identity-H /DescendantFonts [4 0 R] /ToUnicode 5 0 R >>",
  );
  // ASCII glyphs are half width, as in real Chinese fonts, so line widths look like a real layout.
  const halfWidth = [...cids].filter(([ch]) => ch.charCodeAt(0) < 0x80).map(([, cid]) => `${cid} [500]`);
  add(
    `<< /Type /Font /Subtype /CIDFontType2 /BaseFont /DubanTest /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 6 0 R /DW 1000 /W [${halfWidth.join(" ")}] /CIDToGIDMap /Identity >>`,
  );
  const map = [...cids].map(([ch, cid]) => `<${cid.toString(16).padStart(4, "0")}> <${utf16Hex(ch)}>`);
  const cmap = [
    "/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def /CMapName /Duban-UCS def /CMapType 2 def",
    "1 begincodespacerange <0000> <FFFF> endcodespacerange",
    ...chunk(map, 100).flatMap((c) => [`${c.length} beginbfchar`, ...c, "endbfchar"]),
    "endcmap CMapName currentdict /CMap defineresource pop end end",
  ].join("\n");
  add(stream("", cmap));
  add(
    "<< /Type /FontDescriptor /FontName /DubanTest /Flags 4 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>",
  );
  add(
    stream(
      "/Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8",
      "\x80\x40\x40\x80",
    ),
  );
  pages.forEach((lines, i) => {
    const scanned = options.imagePages?.includes(i);
    const ops = scanned
      ? "q 500 0 0 700 50 70 cm /Im1 Do Q"
      : lines
          .map((l) => {
            const codes = Array.from(l.text, (ch) => cids.get(ch)!.toString(16).padStart(4, "0")).join("");
            return `BT /F1 ${l.size ?? 12} Tf 1 0 0 1 ${l.x} ${l.y} Tm <${codes}> Tj ET`;
          })
          .join("\n");
    add(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> /XObject << /Im1 7 0 R >> >> /Contents ${pageStart + i * 2 + 1} 0 R >>`,
    );
    add(stream("", ops));
  });
  let trailerExtra = "";
  if (options.encrypt) {
    const hex = "7a".repeat(32);
    add(`<< /Filter /Standard /V 2 /R 3 /Length 128 /O <${hex}> /U <${hex}> /P -3904 >>`);
    trailerExtra = ` /Encrypt ${objects.length} 0 R /ID [<${"11".repeat(16)}> <${"11".repeat(16)}>]`;
  }
  return serialise(objects, trailerExtra);
}

/** Lays out objects with a correct cross-reference table. */
function serialise(objects: string[], trailerExtra: string): Uint8Array {
  let out = "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, "latin1"));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, "latin1");
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${trailerExtra} >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, "latin1"));
}

/** Splits a list into runs of at most `size`. */
function chunk<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/**
 * Typesets plain text like a printed 公文 page: each paragraph indented two characters and hard-wrapped at
 * `columns` characters, 28 lines a page, with a "- N -" page number at the foot, as PDF exports of plans look.
 */
export function planTextToPdf(
  text: string,
  options: { columns?: number } & BuildPdfOptions = {},
): Uint8Array {
  const columns = options.columns ?? 28;
  const size = 14;
  const lines: { text: string; indent: boolean }[] = [];
  for (const para of text.split("\n").filter((p) => p.trim())) {
    // Wrap by width as a typesetter does: ASCII glyphs are half as wide as Chinese ones.
    let line = "";
    let width = 2;
    let indent = true;
    for (const ch of para.trim()) {
      const w = ch.charCodeAt(0) < 0x80 ? 0.5 : 1;
      if (width + w > columns) {
        lines.push({ text: line, indent });
        [line, width, indent] = ["", 0, false];
      }
      line += ch;
      width += w;
    }
    lines.push({ text: line, indent });
  }
  const pages: PdfTextLine[][] = chunk(lines, 28).map((pageLines, p) => [
    ...pageLines.map((l, i) => ({ text: l.text, x: 90 + (l.indent ? 2 * size : 0), y: 760 - i * 24, size })),
    { text: `- ${p + 1} -`, x: 280, y: 50, size: 10 },
  ]);
  return buildPdf(pages, options);
}
