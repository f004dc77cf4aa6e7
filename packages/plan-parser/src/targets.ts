import { isDigit, isHan } from "./chars.js";
import type { Clause, ExtractContext } from "./extract.js";
import { findHedge } from "./hedges.js";
import { indicatorRange, nounAfter } from "./indicator.js";
import { type Quantity, quantityAt } from "./quantity.js";
import { cleanSlice, rawSlice, spanOf, trimRange } from "./source.js";
import type { Comparator, Target } from "./types.js";

// Comparator wording before the number, longest first so 不超过 is not read as 超过.
const PREFIX_COMPARATORS: [string, Comparator][] = (
  [
    [
      "不得少于 不得低于 不少于 不低于 至少 最少 达到 达 提高到 提高至 提升到 提升至 增加到 增加至 增长到 增至",
      "gte",
    ],
    ["保持在 稳定在 提高 提升 增长 增加 下降 降低 减少", "gte"],
    ["不得超过 不得高于 不超过 不高于 最多 控制在 控制到 降至 降低到 降低至 降到 下降到 下降至", "lte"],
    ["减少到 减少至 压减到 压减至 压缩到 压缩至", "lte"],
    ["超过 超 高于 多于 大于", "gt"],
    ["低于 少于 小于", "lt"],
  ] as [string, Comparator][]
)
  .flatMap(([words, c]) => words.split(" ").map((w): [string, Comparator] => [w, c]))
  .sort((a, b) => b[0].length - a[0].length);

/** The numeric targets in one clause, each with its own stretch of text (several may share a clause). */
export function findTargetsInClause(ctx: ExtractContext, clause: Clause): Target[] {
  const { text } = ctx.src;
  const out: Target[] = [];
  const dates = new DateCursor(clause);
  let segStart = clause.start;
  for (let i = clause.start; i < clause.end; i++) {
    const c = text.charCodeAt(i);
    let q: Quantity | null = null;
    if (isDigit(c) && !(i > clause.start && isDigit(text.charCodeAt(i - 1)))) {
      q = quantityAt(text, i, clause.end);
    } else if (c === 0x5168 && text.startsWith("全覆盖", i) && !isHan(text.charCodeAt(i + 3))) {
      // 全覆盖 as the predicate ("实现课后服务全覆盖") means 100%; "全覆盖的培训" describes, it sets nothing.
      q = {
        start: i,
        end: i + 3,
        value: 100,
        valueMax: null,
        unit: "%",
        approx: false,
        suffix: null,
        fullCover: true,
      };
    }
    if (!q || q.end > clause.end || clause.zones.overlaps(q.start, q.end)) continue;
    const t = buildTarget(ctx, clause, segStart, q, out[out.length - 1] ?? null, dates);
    out.push(t.target);
    segStart = t.end;
    i = t.end - 1;
  }
  return out;
}

// A verb right before the number means the counted thing follows it: "至少开展1次廉洁教育活动".
const TRAIL_VERB =
  /(?:组织开展|开展|组织|举办|推送|新增|建设|培训|招聘|评选|创建|完成|建成|新建|改扩建|配备|召开|实施|打造|引进|补充|资助)$/;

function buildTarget(
  ctx: ExtractContext,
  clause: Clause,
  segStart: number,
  q: Quantity,
  prev: Target | null,
  dates: DateCursor,
): { target: Target; end: number } {
  const { src } = ctx;
  const { text } = src;
  const [ps, pe] = trimRange(text, segStart, q.start, "、,;:");
  // Indicator names are short; looking further back than this only finds the previous thought.
  const base = Math.max(ps, pe - 40);
  const verb = TRAIL_VERB.exec(text.slice(base, pe));
  const nounEnd = verb ? pe - verb[0].length : pe;
  const opts = { place: ctx.place, afterTarget: prev !== null };
  let end = q.end;
  let indicator = "";
  const [ns, ne] = nounAfter(text, q.end, clause.end);
  const post = indicatorRange(text, ns, ne, { place: ctx.place, afterTarget: false });
  if (verb && post[1] - post[0] >= 2) {
    indicator = cleanSlice(src, post[0], post[1]);
    end = ne;
  }
  if (!indicator) {
    const [is, ie] = indicatorRange(text, base, pe, opts);
    if (ie - is >= 2) indicator = cleanSlice(src, is, ie);
  }
  if (!indicator && post[1] - post[0] >= 2) {
    // "推送5个优秀党建工作品牌": the verb comes first and the thing counted follows the number.
    indicator = cleanSlice(src, post[0], post[1]);
    end = ne;
  }
  // "新建幼儿园3所、改扩建2所": the second count shares the first one's noun.
  if (!indicator && prev && verb) indicator = cleanSlice(src, pe - verb[0].length, pe) + prev.indicator;
  if (!indicator) indicator = pe - base >= 2 ? cleanSlice(src, base, pe) : ctx.fallbackIndicator;
  const [ts, te] = trimRange(text, ps < pe ? ps : q.start, end);
  const target: Target = {
    text: rawSlice(src, ts, te),
    span: spanOf(src, ts, te),
    indicator,
    comparator: comparatorOf(text.slice(Math.max(ps, nounEnd - 4), nounEnd), q),
    value: q.value,
    valueMax: q.valueMax,
    unit: q.unit,
    deadline: dates.near(q) ?? ctx.fallbackDeadline ?? (ctx.planYear ? String(ctx.planYear) : null),
    hedge: findHedge(text, clause.start, q.start, clause.sentenceStart),
  };
  return { target, end };
}

function comparatorOf(before: string, q: Quantity): Comparator {
  if (q.valueMax !== null) return "range";
  // 100% (and 全覆盖) is complete whatever the verb: 达到100% cannot be exceeded.
  if (q.unit === "%" && q.value === 100) return "eq";
  if (q.suffix === "gte") return "gte";
  if (q.suffix === "lte") return "lte";
  if (q.suffix === "about") return "eq";
  const hit = PREFIX_COMPARATORS.find(([w]) => before.endsWith(w));
  if (hit) return hit[1];
  return q.approx ? "gte" : "eq";
}

/**
 * The clause's own date for each target in turn: the last date before the number (or a time clause
 * opening the sentence), else the next one after it. Targets come in order, so the cursor only advances.
 */
class DateCursor {
  private i = 0;
  private before: string | null;

  constructor(private readonly clause: Clause) {
    this.before = clause.dateBefore?.value ?? null;
  }

  near(q: Quantity): string | null {
    const { dates } = this.clause;
    while (this.i < dates.length && dates[this.i]!.end <= q.start) this.before = dates[this.i++]!.value;
    let j = this.i;
    while (j < dates.length && dates[j]!.start < q.end) j++;
    return this.before ?? dates[j]?.value ?? null;
  }
}
