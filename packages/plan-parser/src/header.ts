import type { Paragraph, SourceText } from "./normalise.js";
import { cleanSlice } from "./source.js";
import type { PlanNotice } from "./types.js";

/** What precedes the plan body: the 印发通知, the title and the issuer and year read from them. */
export interface Header {
  notice: PlanNotice | null;
  /** Canonical range of the title, or null when the document has none (it starts mid-way). */
  title: [number, number] | null;
  issuer: string | null;
  year: number | null;
  /** Canonical offset where the preamble and body begin. */
  bodyStart: number;
}

const NOTICE_TITLE = /(?:通知|通报|决定)$/;
const DOC_NUMBER = /[\u4e00-\u9fff]{1,12}[〔[(]\d{4}[〕\])] ?\d{1,4} ?号/;
const DATE_LINE = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/;
const CN_DATE_LINE =
  /^([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日$/;
const TITLE_WORD =
  /(?:要点|计划|安排|方案|总结|解读|意见|任务|清单|报告|重点工作|工作思路|分解表|任务表|一览表|分工表|台账)$/;
const MARKER_START =
  /^(?:\d{1,3} ?[.、](?!\d)|[一二三四五六七八九十]{1,3}[、.]|\([一二三四五六七八九十\d]{1,3}\)|[①-⑳])/;
const ISSUER =
  /^(?:关于印发|关于)?《?(.{2,30}?(?:教育局|教育厅|教育处|教育委员会|教委|教育和体育局|教育体育局|教体局|局|厅|委员会|政府|学校|中心|办公室))(?=\n?(?:\d{4}年|20|关于|工作|《))/;
const SUBTITLE = /^(?:\(.{1,40}\)|[^。]{2,20}(?:局|厅|委员会|教委))$/;

/** Reads the notice, title, issuer and year at the top of the document. */
export function readHeader(src: SourceText): Header {
  const paras = src.paragraphs;
  const texts = paras.slice(0, 60).map((p) => src.text.slice(p.start, Math.min(p.end, p.start + 300)));
  let idx = 0;
  const notice = readNotice(src, texts);
  const masthead = readMasthead(src, texts);
  if (notice) idx = notice.next;
  else idx = masthead.next;
  while (idx < texts.length && /^附件\d*(?::|$)/.test(texts[idx]!) && texts[idx]!.length <= 60) idx++;
  const title = readTitle(src, paras, texts, idx);
  const titleText = title ? src.text.slice(title.range[0], title.range[1]) : "";
  const yearText = titleText || notice?.titleText || "";
  // Four digits of their own, not the last four of a longer number ("100023年" names no year), and within the years
  // a date is read in (dates.ts), so the deadlines that fall back to the plan's year are years.
  const yearMatch = /(?<!\d)(\d{4})年/.exec(yearText) ?? /^(\d{4})-/.exec(notice?.notice.date ?? "");
  const year = yearMatch ? Number(yearMatch[1]) : null;
  const issuer =
    (title ? matchIssuer(src, title.range[0], titleText) : null) ??
    (notice ? matchIssuer(src, notice.titleRange[0], notice.titleText) : null) ??
    notice?.signature ??
    masthead.issuer;
  // A 红头 plan issued without a 印发通知 still carries its 文号 under the masthead.
  const bare = masthead.docNumber
    ? {
        title: masthead.line ?? masthead.docNumber,
        docNumber: masthead.docNumber,
        addressees: null,
        date: null,
      }
    : null;
  return {
    notice: notice?.notice ?? bare,
    title: title?.range ?? null,
    issuer,
    year: year !== null && year >= 1900 && year <= 2100 ? year : null,
    bodyStart: title ? title.bodyStart : idx < paras.length ? paras[idx]!.start : src.text.length,
  };
}

// 红头: the 发文机关标志 (某县教育局文件), then the 文号 and sometimes 签发人 or a 密级 / 紧急程度 mark.
const MASTHEAD = /^([\u4e00-\u9fff]{2,30}?)(?:文件|文件签发单)$/;
const MASTHEAD_NOTE = /^(?:签发人:|密级|特急|加急|平急|机密|秘密|[★*]|[\dA-Z]{6,}$)/;

/** The 红头 lines at the top: the issuing body, the 文号, and where the text after them begins. */
function readMasthead(
  src: SourceText,
  texts: string[],
): { issuer: string | null; docNumber: string | null; line: string | null; next: number } {
  let issuer: string | null = null;
  let line: string | null = null;
  let docNumber: string | null = null;
  let i = 0;
  for (; i < Math.min(texts.length, 6); i++) {
    const s = texts[i]!;
    const m = MASTHEAD.exec(s);
    const dn = DOC_NUMBER.exec(s);
    if (m && i <= 1) {
      issuer = m[1]!;
      line = cleanSlice(src, src.paragraphs[i]!.start, src.paragraphs[i]!.end);
    } else if (dn && dn.index === 0 && s.length <= dn[0].length + 12) {
      docNumber = cleanSlice(src, src.paragraphs[i]!.start, src.paragraphs[i]!.start + dn[0].length);
    } else if (!MASTHEAD_NOTE.test(s) || s.length > 30) break;
  }
  return issuer || docNumber
    ? { issuer, docNumber, line, next: i }
    : { issuer: null, docNumber: null, line: null, next: 0 };
}

interface NoticeRead {
  notice: PlanNotice;
  titleText: string;
  titleRange: [number, number];
  signature: string | null;
  next: number;
}

function readNotice(src: SourceText, texts: string[]): NoticeRead | null {
  const paras = src.paragraphs;
  let t = -1;
  let t2 = -1;
  for (let i = 0; i < Math.min(8, texts.length); i++) {
    const s = texts[i]!.replace(/[。:]$/, "");
    if (s.length > 120 || MARKER_START.test(s)) continue;
    if (NOTICE_TITLE.test(s) && /关于|印发|下发/.test(s)) {
      t = i;
      t2 = i;
      break;
    }
    // A notice title wrapped over two lines: 关于印发《…》 / 的通知, or 某县教育局关于印发 / 《…》的通知.
    const next = texts[i + 1]?.replace(/[。:]$/, "") ?? "";
    if (/^.{0,20}关于/.test(s) && NOTICE_TITLE.test(next) && next.length <= 40) {
      t = i;
      t2 = i + 1;
      break;
    }
  }
  if (t < 0) return null;
  const titleRange: [number, number] = [paras[t]!.start, paras[t2]!.end];
  let docNumber: string | null = null;
  let addressees: string | null = null;
  let date: string | null = null;
  let signature: string | null = null;
  let end = -1;
  for (let i = 0; i < Math.min(texts.length, t2 + 40); i++) {
    if (i >= t && i <= t2) continue;
    const s = texts[i]!;
    const dn = docNumber === null && i <= t2 + 2 ? DOC_NUMBER.exec(s) : null;
    if (dn)
      docNumber = cleanSlice(src, paras[i]!.start + dn.index, paras[i]!.start + dn.index + dn[0].length);
    if (i < t) continue;
    if (addressees === null && i <= t2 + 2 && /[:]$/.test(s) && s.length <= 200 && !s.includes("。")) {
      addressees = cleanSlice(src, paras[i]!.start, paras[i]!.end - 1);
      continue;
    }
    const d = parseDateLine(s);
    if (d) {
      date = d;
      end = i;
      const prev = texts[i - 1] ?? "";
      if (i - 1 > t2 && prev.length <= 30 && !/[。,;:]/.test(prev))
        signature = cleanSlice(src, paras[i - 1]!.start, paras[i - 1]!.end);
      break;
    }
    if (TITLE_WORD.test(s) && s.length <= 60 && !s.includes("。") && i > t2 + 1) {
      end = i - 1;
      break;
    }
  }
  if (end < 0) end = Math.min(texts.length - 1, t2 + (addressees ? 2 : 1));
  // 公文 close with a publication note such as （此件公开发布）.
  if (/^\(此件.{0,12}\)$/.test(texts[end + 1] ?? "")) end++;
  const title = cleanSlice(src, titleRange[0], titleRange[1]);
  return {
    notice: { title, docNumber, addressees, date },
    titleText: src.text.slice(titleRange[0], titleRange[1]),
    titleRange,
    signature,
    next: end + 1,
  };
}

function matchIssuer(src: SourceText, base: number, text: string): string | null {
  const m = ISSUER.exec(text);
  if (!m) return null;
  const off = base + m.index + m[0].indexOf(m[1]!);
  return cleanSlice(src, off, off + m[1]!.length);
}

function parseDateLine(s: string): string | null {
  const m = DATE_LINE.exec(s);
  if (m) return `${m[1]}-${m[2]!.padStart(2, "0")}-${m[3]!.padStart(2, "0")}`;
  const c = CN_DATE_LINE.exec(s);
  if (!c) return null;
  const digit = (x: string): string => String("〇一二三四五六七八九".indexOf(x.replace(/[○零]/, "〇")));
  const year = [...c[1]!].map(digit).join("");
  const small = (x: string): number => {
    const ten = x.indexOf("十");
    const d = (y: string): number => "〇一二三四五六七八九".indexOf(y);
    if (ten < 0) return d(x);
    return (ten === 0 ? 1 : d(x.slice(0, ten))) * 10 + (ten === x.length - 1 ? 0 : d(x.slice(ten + 1)));
  };
  return `${year}-${String(small(c[2]!)).padStart(2, "0")}-${String(small(c[3]!)).padStart(2, "0")}`;
}

function readTitle(
  src: SourceText,
  paras: Paragraph[],
  texts: string[],
  idx: number,
): { range: [number, number]; bodyStart: number } | null {
  const first = texts[idx];
  const p = paras[idx];
  if (first === undefined || !p || MARKER_START.test(first)) return null;
  const short = (s: string): boolean => s.length <= 60 && !/[。;]/.test(s) && !/[:,]$/.test(s);
  if (short(first) && p.end - p.start <= 60 && !p.cells) {
    if (!TITLE_WORD.test(first) && !/\d{4}年|局|厅|委员会/.test(first)) return null;
    let titleEnd = idx;
    // A title set on two or three lines: 瓦房店市教育局 / 2023年工作要点, or 某县教育局 / 2024年 / 工作要点.
    for (let k = idx + 1; !TITLE_WORD.test(first) && k <= idx + 2; k++) {
      const next = texts[k];
      if (!next || !short(next) || MARKER_START.test(next) || next.length > 40) break;
      if (TITLE_WORD.test(next)) {
        titleEnd = k;
        break;
      }
    }
    let last = titleEnd;
    while (last + 1 < texts.length && SUBTITLE.test(texts[last + 1]!) && !MARKER_START.test(texts[last + 1]!))
      last++;
    return { range: [p.start, paras[titleEnd]!.end], bodyStart: paras[last + 1]?.start ?? src.text.length };
  }
  // Flattened text: the title runs straight into the body on one line.
  const m = /^.{4,60}?(?:工作要点|要点|工作计划|工作总结|总结|解读)/.exec(first);
  if (!m) return null;
  const cut = p.start + m[0].length;
  const c = src.text.charCodeAt(cut);
  if (!(c === 0x20 || src.gap[cut] === 1 || (c >= 0x30 && c <= 0x39) || c === 0x28)) return null;
  return { range: [p.start, cut], bodyStart: cut };
}
