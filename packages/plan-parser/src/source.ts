import type { SourceText } from "./normalise.js";
import type { Span } from "./types.js";

/** The input span of canonical range `[s, e)`; `e` must be greater than `s`. */
export function spanOf(src: SourceText, s: number, e: number): Span {
  return [src.map[s]!, src.map[e - 1]! + 1];
}

/** The input text of canonical range `[s, e)` exactly as written, including wrapped line breaks. */
export function rawSlice(src: SourceText, s: number, e: number): string {
  return e > s ? src.input.slice(src.map[s]!, src.map[e - 1]! + 1) : "";
}

const WHITESPACE = /[\s\u3000\u00a0\u2000-\u200d\u202f\u205f\u2060\ufeff]+/g;

/** The input text of canonical range `[s, e)` as written but without whitespace, for titles and names. */
export function cleanSlice(src: SourceText, s: number, e: number): string {
  return rawSlice(src, s, e).replace(WHITESPACE, "");
}

/** Narrows `[s, e)` past leading and trailing spaces, line breaks, tabs and the given punctuation. */
export function trimRange(text: string, s: number, e: number, punct = ""): [number, number] {
  let a = s;
  let b = e;
  while (a < b && isTrim(text.charCodeAt(a), punct)) a++;
  while (b > a && isTrim(text.charCodeAt(b - 1), punct)) b--;
  return [a, b];
}

function isTrim(c: number, punct: string): boolean {
  return (
    c === 0x20 || c === 0x0a || c === 0x09 || (punct.length > 0 && punct.includes(String.fromCharCode(c)))
  );
}
