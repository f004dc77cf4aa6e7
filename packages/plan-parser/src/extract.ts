import { isClauseEnd, isDigit, isSentenceEnd } from "./chars.js";
import { type DateMatch, findDates } from "./dates.js";
import { findMilestone } from "./milestones.js";
import type { SourceText } from "./normalise.js";
import { findTargetsInClause } from "./targets.js";
import type { Milestone, Target } from "./types.js";
import { findQuoteZones, ZoneMask } from "./zones.js";

/** What target and milestone extraction needs to know about the document and the node. */
export interface ExtractContext {
  src: SourceText;
  planYear: number | null;
  /** The place in the issuer's name (瓦房店市), stripped from the front of names. */
  place: string | null;
  /** The owning task's 完成时限, used when a clause names no date. */
  fallbackDeadline: string | null;
  /** A name for targets whose clause names nothing better (the task title). */
  fallbackIndicator: string;
}

/** The clause being read: its range, the sentence it belongs to, and the dates around it. */
export interface Clause {
  start: number;
  end: number;
  sentenceStart: number;
  /** Dates inside the clause, in order. */
  dates: DateMatch[];
  /** The last date earlier in the same sentence ("到2025年，全市…"), if any. */
  dateBefore: DateMatch | null;
  zones: ZoneMask;
}

/**
 * Finds the targets and milestones in canonical `[s, e)`, skipping quoted names and the `excluded`
 * ranges (annotations). Each clause is read once, so the pass is linear in the text length.
 */
export function extractCommitments(
  ctx: ExtractContext,
  s: number,
  e: number,
  excluded: [number, number][],
): { targets: Target[]; milestones: Milestone[] } {
  const { text } = ctx.src;
  const zones = new ZoneMask(s, e, [...findQuoteZones(text, s, e), ...excluded]);
  const targets: Target[] = [];
  const milestones: Milestone[] = [];
  let sentenceStart = s;
  while (sentenceStart < e) {
    let sentenceEnd = sentenceStart;
    let numeric = false;
    while (sentenceEnd < e) {
      const c = text.charCodeAt(sentenceEnd);
      if (c === 0x0a || isSentenceEnd(c)) break;
      if (
        isDigit(c) ||
        (c === 0x5e74 && yearWord(text, sentenceEnd)) ||
        (c === 0x5168 && text.charCodeAt(sentenceEnd + 1) === 0x8986) ||
        (c === 0x5b63 && text.charCodeAt(sentenceEnd + 1) === 0x5ea6)
      ) {
        numeric = true;
      }
      sentenceEnd++;
    }
    // Most sentences hold no digit, no 年底/上半年, no 季度 and no 全覆盖: nothing to extract.
    if (numeric) {
      readSentence(ctx, zones, sentenceStart, sentenceEnd, targets, milestones);
    }
    sentenceStart = sentenceEnd + 1;
  }
  return { targets, milestones };
}

function readSentence(
  ctx: ExtractContext,
  zones: ZoneMask,
  sentenceStart: number,
  sentenceEnd: number,
  targets: Target[],
  milestones: Milestone[],
): void {
  const { text } = ctx.src;
  const dates = findDates(text, sentenceStart, sentenceEnd, ctx.planYear).filter(
    (d) => !zones.overlaps(d.start, d.end),
  );
  let clauseStart = sentenceStart;
  let k = 0;
  let dateBefore: DateMatch | null = null;
  for (let i = sentenceStart; i <= sentenceEnd; i++) {
    if (i < sentenceEnd && !isClauseEnd(text.charCodeAt(i))) continue;
    // Dates are handed out clause by clause so that no clause rescans the whole sentence.
    const inClause: DateMatch[] = [];
    while (k < dates.length && dates[k]!.start < i) inClause.push(dates[k++]!);
    let carries = inClause.length > 0;
    if (i > clauseStart) {
      const clause: Clause = {
        start: clauseStart,
        end: i,
        sentenceStart,
        dates: inClause,
        dateBefore,
        zones,
      };
      const found = findTargetsInClause(ctx, clause);
      for (const t of found) targets.push(t);
      if (found.length === 0 && inClause.length > 0) {
        const m = findMilestone(ctx, clause);
        if (m) milestones.push(m);
        carries = m === null;
      } else carries = false;
    }
    // Only a clause that is just a time ("到2025年，") dates the clauses after it.
    if (carries) dateBefore = inClause[inClause.length - 1]!;
    clauseStart = i + 1;
  }
}

// 年 starts or ends a date word without digits: 年底, 年末, 上半年, 下半年.
function yearWord(text: string, i: number): boolean {
  const next = text.charCodeAt(i + 1);
  return next === 0x5e95 || next === 0x672b || text.charCodeAt(i - 1) === 0x534a;
}
