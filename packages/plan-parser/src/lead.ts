import { isSentenceEnd } from "./chars.js";
import type { ExtractContext } from "./extract.js";
import type { SourceText } from "./normalise.js";
import { trimRange } from "./source.js";

/** Document-wide facts every node needs while being finished. */
export interface NodeContext {
  src: SourceText;
  planYear: number | null;
  place: string | null;
  /** False for summaries and explanations, whose numbers report or restate rather than commit. */
  commitments: boolean;
}

/** The extraction context for one node. */
export function exCtx(ctx: NodeContext, fallbackDeadline: string | null, title: string): ExtractContext {
  return {
    src: ctx.src,
    planYear: ctx.planYear,
    place: ctx.place,
    fallbackDeadline,
    fallbackIndicator: title,
  };
}

/**
 * The lead phrase: text up to the first 。 (or the end of the heading line), skipping a label that
 * stands alone on its line. Returns [titleStart, titleEnd, bodyStart].
 */
export function leadPhrase(
  text: string,
  s: number,
  e: number,
  notes: [number, number][],
): [number, number, number] {
  let from = s;
  for (let attempt = 0; attempt < 2; attempt++) {
    const stop = notes.find(([a]) => a >= from)?.[0] ?? e;
    let i = from;
    while (i < e && i < stop && text[i] !== "\n" && !isSentenceEnd(text.charCodeAt(i))) i++;
    const [a, b] = trimRange(text, from, i);
    if (b > a || i >= e || text[i] !== "\n") {
      // A long run-on heading is cut at its colon ("主要目标：…").
      const colon = b - a > 60 ? text.slice(a, a + 40).indexOf(":") : -1;
      if (colon > 0) return [a, a + colon, a + colon + 1];
      return [a, b, i < e && isSentenceEnd(text.charCodeAt(i)) ? i + 1 : i];
    }
    from = i + 1;
  }
  return [from, from, from];
}
