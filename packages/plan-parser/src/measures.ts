import { isAsciiAlnum, isHan, isSentenceEnd } from "./chars.js";
import type { SourceText } from "./normalise.js";
import { rawSlice, spanOf, trimRange } from "./source.js";
import type { Measure } from "./types.js";

/**
 * The sentences of canonical `[s, e)` as measures. Sentences end at 。！？ or a paragraph break;
 * `excluded` ranges (annotations, block labels, item labels) are cut out and end a sentence too.
 */
export function sentenceMeasures(
  src: SourceText,
  s: number,
  e: number,
  excluded: [number, number][],
): Measure[] {
  const { text } = src;
  const cuts = excluded.filter(([a, b]) => b > s && a < e).sort((x, y) => x[0] - y[0]);
  const out: Measure[] = [];
  let k = 0;
  let from = s;
  for (let i = s; i <= e; i++) {
    while (k < cuts.length && cuts[k]![1] <= i) k++;
    const cut = cuts[k];
    if (cut && i >= cut[0] && i < e) {
      push(src, from, i, out);
      from = Math.min(e, cut[1]);
      i = from - 1;
      continue;
    }
    if (i === e || text.charCodeAt(i) === 0x0a) {
      push(src, from, i, out);
      from = i + 1;
    } else if (isSentenceEnd(text.charCodeAt(i))) {
      push(src, from, i + 1, out);
      from = i + 1;
    }
  }
  return out;
}

function push(src: SourceText, a: number, b: number, out: Measure[]): void {
  const [s, e] = trimRange(src.text, a, b, ",;:、");
  if (e <= s || !hasWord(src.text, s, e)) return;
  out.push({ text: rawSlice(src, s, e), span: spanOf(src, s, e) });
}

function hasWord(text: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (isHan(c) || isAsciiAlnum(c)) return true;
  }
  return false;
}
