import { AppError } from "../errors.js";

/** Decoded plain text and a note when it was not UTF-8. */
export interface DecodedText {
  text: string;
  warnings: string[];
}

const binaryError = () =>
  new AppError(
    "unsupported_media_type",
    "无法识别该文件的内容：它不是文本、Word（.docx）或 PDF 文件，请上传 .docx、.xlsx、.pdf 或 .txt 格式的工作要点",
  );

/** Decodes a text file: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030/GBK; refuses binary data. */
export function decodeText(bytes: Uint8Array): DecodedText {
  // Windows Notepad's "Unicode" is UTF-16 with a BOM; it is full of NUL bytes, so it is checked first.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decode("utf-16le", bytes), warnings: [] };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decode("utf-16be", bytes), warnings: [] };
  if (bytes.includes(0)) throw binaryError();
  const utf8 = tryDecode("utf-8", bytes);
  if (utf8 !== null) return { text: assertTextual(utf8), warnings: [] };
  // Files saved by older Chinese Windows tools are GBK; GB18030 is its superset and decodes both.
  const gb = tryDecode("gb18030", bytes);
  if (gb !== null)
    return { text: assertTextual(gb), warnings: ["文件不是 UTF-8 编码，已按 GB18030（GBK）编码读取"] };
  throw binaryError();
}

/** Decodes strictly, or returns null when the bytes are not valid in that encoding. */
function tryDecode(encoding: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Decodes strictly, refusing the file when it is not valid in that encoding. */
function decode(encoding: string, bytes: Uint8Array): string {
  const text = tryDecode(encoding, bytes);
  if (text === null) throw binaryError();
  return assertTextual(text);
}

/** Refuses decoded text that is mostly control characters: binary data that happens to decode. */
function assertTextual(text: string): string {
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Tab, LF, VT, FF and CR are ordinary in text files; every other C0 control and DEL is not.
    if ((c < 0x20 && (c < 0x09 || c > 0x0d)) || c === 0x7f) controls++;
  }
  // A stray control character (a DOS end-of-file mark, a pasted form feed) is tolerated; many are not.
  if (controls > Math.max(2, text.length / 1000)) throw binaryError();
  return text;
}
