import { type IRunOptions, TextRun } from "docx";
import { fontOf } from "./gbt9704.js";

/** A run of text in one of the standard's fonts and sizes. */
export function run(
  text: string,
  font: string,
  sizePt: number,
  extra: Omit<IRunOptions, "text" | "font" | "size"> = {},
) {
  return new TextRun({ text, font: fontOf(font), size: sizePt * 2, ...extra });
}
