import JSZip from "jszip";
import { TABLE_TEXT_STYLE } from "./gbt9704.js";

/**
 * Takes the table text style off the 22-line grid (`w:snapToGrid w:val="0"`), which the docx package cannot
 * write: LibreOffice otherwise gives every table line a full 28.95 pt grid line, even at an exact line height,
 * and a one-page 通知单 runs onto a second page.
 */
export async function finishDocx(bytes: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const file = zip.file("word/styles.xml");
  if (!file) throw new Error("the document has no styles part");
  const styles = await file.async("string");
  const pattern = new RegExp(`(<w:style w:type="paragraph" w:styleId="${TABLE_TEXT_STYLE}">.*?<w:pPr>)`, "s");
  if (!pattern.test(styles)) throw new Error("the table text style has no paragraph properties");
  zip.file("word/styles.xml", styles.replace(pattern, '$1<w:snapToGrid w:val="0"/>'));
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}
