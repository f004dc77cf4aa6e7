import type { Clause, ExtractContext } from "./extract.js";
import { findHedge } from "./hedges.js";
import { cleanSlice, rawSlice, spanOf, trimRange } from "./source.js";
import type { Milestone } from "./types.js";

// Words around the date that say who or when, not what: "争取|瓦房店市|西城幼儿园分园|在|2023年9月|开园".
const LEAD =
  /^(?:确保|力争|争取|力求|计划|预计|预期|力保|全市|全区|全县|我市|本市|我局|并且|并|同时|进一步|推动|推进|启动|要|将)/;
const TRAIL = /(?:在|于|将|要|拟|到|至|截至|并|计划|力争|争取|确保|预计|之前|以前|前)$/;
const HEAD = /^(?:前|以前|之前|底前|内|,|将|要|正式|全面|如期|按期|顺利)/;
// "自2023年9月起": a start date, not a commitment.
const START_WORD = /^(?:起|以来|开始|至今|期间|份以来)/;

/** The dated commitment in a clause without numeric targets ("在2023年9月开园"), or null. */
export function findMilestone(ctx: ExtractContext, clause: Clause): Milestone | null {
  const { src } = ctx;
  const { text } = src;
  const d = clause.dates.find(
    (x) => x.precision !== "year" && !START_WORD.test(text.slice(x.end, x.end + 3)),
  );
  if (!d) return null;
  const pre = strip(text, Math.max(clause.start, d.start - 40), d.start, ctx.place);
  let [qs, qe] = trimRange(text, d.end, Math.min(clause.end, d.end + 40));
  for (let g = 0; g < 4 && qs < qe; g++) {
    const m = HEAD.exec(text.slice(qs, qs + 4));
    if (!m) break;
    qs += m[0].length;
  }
  const title =
    (pre[1] > pre[0] ? cleanSlice(src, pre[0], pre[1]) : "") + (qe > qs ? cleanSlice(src, qs, qe) : "");
  // A date alone ("2023年9月") commits to nothing nameable.
  if (title.length < 2 || !/[\u4e00-\u9fff]{2}/.test(title)) return null;
  const [ts, te] = trimRange(text, clause.start, clause.end, "、");
  return {
    text: rawSlice(src, ts, te),
    span: spanOf(src, ts, te),
    title,
    deadline: d.value,
    hedge: findHedge(text, clause.start, d.start, clause.sentenceStart),
  };
}

function strip(text: string, a: number, b: number, place: string | null): [number, number] {
  let [s, e] = trimRange(text, a, b, "、");
  for (let g = 0; g < 6 && s < e; g++) {
    const head = text.slice(s, s + 16);
    const m = LEAD.exec(head);
    const len = m ? m[0].length : place && head.startsWith(place) ? place.length : 0;
    if (len === 0) break;
    s += len;
  }
  for (let g = 0; g < 3 && e > s; g++) {
    const m = TRAIL.exec(text.slice(Math.max(s, e - 4), e));
    if (!m) break;
    e -= m[0].length;
  }
  return [s, e];
}
