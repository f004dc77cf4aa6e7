// Hedges say how firm a commitment is. 计划 is also a noun (文科提升计划), so only the clause
// before the number, or a hedge opening the sentence, counts.
const HEDGE = /确保|力争|争取|力求|计划|预计|预期|力保/;
const SENTENCE_HEDGE = /^(?:到\d{4}年底?,?)?(确保|力争|争取|力求|计划|预计|预期|力保)/;

/** The hedge word governing a commitment whose clause runs from `clauseStart` to `at`, or null. */
export function findHedge(
  text: string,
  clauseStart: number,
  at: number,
  sentenceStart: number,
): string | null {
  const inClause = HEDGE.exec(text.slice(Math.max(clauseStart, at - 60), at));
  if (inClause) return inClause[0];
  const opening = SENTENCE_HEDGE.exec(text.slice(sentenceStart, sentenceStart + 12));
  return opening ? opening[1]! : null;
}
