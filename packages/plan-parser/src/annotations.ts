import { parseDeadline } from "./dates.js";
import type { SourceText } from "./normalise.js";
import { cleanSlice, trimRange } from "./source.js";
import type { Owners } from "./types.js";

/** What a responsibility annotation says: lead and co units, and the deadline (完成时限). */
export interface Annotation {
  owners: Owners | null;
  deadline: string | null;
}

// Inline annotations are short parenthesised notes; longer brackets are prose and left alone.
const MAX_ZONE = 200;
const INLINE =
  /^\((?:责任|牵头|主责|主办|配合|协办|完成时限|完成时间|时间节点|时限)|(?:牵头|分工负责|负责|配合|协办)[;。]?\)$/;

/** Canonical ranges of parenthesised annotations such as （责任科室：…） inside `[s, e)`, in order. */
export function findInlineAnnotations(text: string, s: number, e: number): [number, number][] {
  const out: [number, number][] = [];
  let searchedTo = s;
  for (let i = s; i < e; i++) {
    if (text.charCodeAt(i) !== 0x28) continue;
    // Remember how far a failed search for ")" went, so runs of "(" stay linear.
    const limit = Math.min(e, i + MAX_ZONE);
    let close = -1;
    for (let k = Math.max(i + 1, searchedTo); k < limit; k++) {
      const c = text.charCodeAt(k);
      if (c === 0x29) {
        close = k;
        break;
      }
      if (c === 0x28 || c === 0x0a) break;
    }
    if (close < 0) {
      searchedTo = Math.max(searchedTo, limit);
      continue;
    }
    if (INLINE.test(text.slice(i, close + 1))) out.push([i, close + 1]);
    i = close;
    searchedTo = close + 1;
  }
  return out;
}

const UNIT = "[\\u4e00-\\u9fff]{1,14}(?:科|室|处|办|局|站|组|校|院|会|部|所|队|中心)";
const UNITS = `(?:${UNIT}[、,]?)+`;
// A note closing a paragraph without brackets: "…。责任单位：基础教育科" or "…。由基础教育科牵头，财务科配合。"
const TRAILING_KEY = /^(?:责任|牵头|主责|配合|协办|完成时限|完成时间|时间节点)[^:。;,]{0,6}:/;
const TRAILING_FREE = new RegExp(`^由?${UNITS}(?:牵头|负责)(?:[,;]${UNITS}(?:配合|参与|协助|协办))?[。;]?$`);

/** Canonical ranges of unbracketed notes that close a line of `[s, e)`, after its last 。. */
export function findTrailingAnnotations(text: string, s: number, e: number): [number, number][] {
  const out: [number, number][] = [];
  let lineStart = s;
  for (let i = s; i <= e; i++) {
    if (i < e && text.charCodeAt(i) !== 0x0a) continue;
    let end = i;
    while (end > lineStart && text.charCodeAt(end - 1) === 0x20) end--;
    let j = end - 2;
    while (j >= lineStart && text.charCodeAt(j) !== 0x3002) j--;
    // A line that is a note from its start is an annotation paragraph, found by the segmenter.
    const start = j + 1;
    if (j >= lineStart && end - start <= 120) {
      const sentence = text.slice(start, end);
      if (TRAILING_KEY.test(sentence)) out.push([start, end]);
      else if (TRAILING_FREE.test(sentence)) out.push([start, end]);
    }
    lineStart = i + 1;
  }
  return out;
}

const KEY =
  /(责任[^:;,。]{0,10}|牵头[^:;,。]{0,8}|主责[^:;,。]{0,8}|主办[^:;,。]{0,6}|配合[^:;,。]{0,8}|协办[^:;,。]{0,6}|协同[^:;,。]{0,6}|参与[^:;,。]{0,6}|完成时限|完成时间|时间节点|时限[^:]{0,4}):/g;

/** Reads owners and deadline from an annotation at canonical `[s, e)` (with or without brackets). */
export function parseAnnotation(src: SourceText, s: number, e: number, planYear: number | null): Annotation {
  const [a, b] = trimRange(src.text, s, Math.min(e, s + 600), "()。;");
  const body = src.text.slice(a, b);
  const lead: string[] = [];
  const co: string[] = [];
  let deadline: string | null = null;
  const keys = [...body.matchAll(KEY)];
  if (keys.length === 0) freeForm(src, a, body, lead, co);
  for (let idx = 0; idx < keys.length; idx++) {
    const k = keys[idx]!;
    const vs = k.index + k[0].length;
    const ve = idx + 1 < keys.length ? keys[idx + 1]!.index : body.length;
    const key = k[1]!;
    if (/时限|时间|节点/.test(key)) {
      deadline = parseDeadline(body.slice(vs, ve), planYear) ?? deadline;
      continue;
    }
    const units = splitUnits(src, a + vs, a + ve);
    if (/配合|协办|协同|参与/.test(key)) co.push(...units.map((u) => u.name));
    else if (/牵头|主责|主办/.test(key)) lead.push(...units.map((u) => u.name));
    else assignResponsible(units, lead, co);
  }
  const owners = lead.length || co.length ? { lead, co } : null;
  return { owners, deadline };
}

interface Unit {
  name: string;
  flaggedLead: boolean;
}

// Under a plain 责任单位 list, 公文 practice puts the lead unit first ("列第一位的为牵头单位")
// unless one is flagged （牵头）.
function assignResponsible(units: Unit[], lead: string[], co: string[]): void {
  const flagged = units.some((u) => u.flaggedLead);
  units.forEach((u, i) => {
    if (flagged ? u.flaggedLead : i === 0) lead.push(u.name);
    else co.push(u.name);
  });
}

// "（组织人事科牵头，各科室分工负责）": the role is the verb at the end of each part.
function freeForm(src: SourceText, base: number, body: string, lead: string[], co: string[]): void {
  // "由基础教育科牵头": the 由 is not part of the unit's name.
  let from = body.startsWith("由") ? 1 : 0;
  for (let i = from; i <= body.length; i++) {
    if (i < body.length && !",;".includes(body[i]!)) continue;
    const part = body.slice(from, i);
    const co1 = /(分工负责|共同负责|配合|协助|协同|参与|协办)$/.exec(part);
    const lead1 = co1 ? null : /(牵头|主责|负责|主办)$/.exec(part);
    const hit = co1 ?? lead1;
    if (hit) {
      const units = splitUnits(src, base + from, base + i - hit[0].length).map((u) => u.name);
      (co1 ? co : lead).push(...units);
    }
    from = i + 1;
  }
}

/** The unit names listed in canonical `[s, e)` ("基础教育科、安全稳定科"), as written. */
export function parseUnits(src: SourceText, s: number, e: number): string[] {
  return splitUnits(src, s, e).map((u) => u.name);
}

function splitUnits(src: SourceText, s: number, e: number): Unit[] {
  const out: Unit[] = [];
  const { text } = src;
  let from = s;
  for (let i = s; i <= e; i++) {
    if (i < e && !"、,/; ".includes(text[i]!)) continue;
    let [a, b] = trimRange(text, from, i, "。:");
    const flaggedLead = text.slice(a, b).endsWith("(牵头)");
    if (flaggedLead) b -= 4;
    if (text.slice(a, b).endsWith("等")) b--;
    if (b > a) out.push({ name: cleanSlice(src, a, b), flaggedLead });
    from = i + 1;
  }
  return out;
}
