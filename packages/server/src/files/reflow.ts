/** A physical line of a PDF page with its horizontal extent and baseline, in PDF points. */
export interface LayoutLine {
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
}

// A line ending in these closes a sentence or an annotation, so the next line starts a new paragraph.
const sentenceEnd = /[。；：！？!?;:）)】」』]$/;
// Section and task markers a plan puts at the start of a paragraph: 一、 （一） (1) 1. 1、 ① — but not 2.5%.
const itemStart =
  /^(?:[一二三四五六七八九十百]+[、．.]|[（(][一二三四五六七八九十百\d]{1,3}[）)]|\d{1,3}(?:[、．]|\.(?!\d))|[①-⑳])/;
// Page furniture printed alone on a line: "- 3 -", "— 3 —", "第 3 页", "第3页 共12页", "3/12", "3".
const pageNumber =
  /^(?:[-—–－]\s*\d{1,4}\s*[-—–－]|第\s*\d{1,4}\s*页(?:\s*[,，]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4}|\d{1,4})$/;

/** Drops a page number printed as the first or last line of a page (header or footer). */
export function dropPageNumbers(lines: LayoutLine[]): LayoutLine[] {
  const out = lines.slice();
  if (out.length && pageNumber.test(out[out.length - 1]!.text.trim())) out.pop();
  if (out.length && pageNumber.test(out[0]!.text.trim())) out.shift();
  return out;
}

/** What the page layout says about one line: does it start indented, and does it run to the right margin? */
interface LineShape {
  text: string;
  indented: boolean;
  full: boolean;
  /** The blank space above the line is larger than the usual line spacing. */
  gapBefore: boolean;
  /** The page sets paragraphs off by first-line indents, so indentation alone tells paragraphs apart. */
  indentsParagraphs: boolean;
}

/** Measures each line against its page's text block: left margin, right margin and usual line spacing. */
function shapes(page: LayoutLine[]): LineShape[] {
  if (!page.length) return [];
  const left = Math.min(...page.map((l) => l.x0));
  const right = Math.max(...page.map((l) => l.x1));
  const size = median(page.map((l) => l.size)) || 12;
  const steps = page
    .slice(1)
    .map((l, i) => page[i]!.y - l.y)
    .filter((d) => d > 0);
  const spacing = median(steps) || size * 1.5;
  const indented = page.map((l) => l.x0 > left + size * 0.9);
  // Mostly indented lines mean centred or odd layout, not first-line indents.
  const count = indented.filter(Boolean).length;
  const indentsParagraphs = count > 0 && count < page.length / 2;
  return page.map((l, i) => ({
    text: l.text.trim(),
    indented: indented[i]!,
    indentsParagraphs,
    full: l.x1 >= right - size * 1.5,
    gapBefore: i > 0 && page[i - 1]!.y - l.y > spacing * 1.6,
  }));
}

/** The middle value of a list (0 when empty). */
function median(values: number[]): number {
  if (!values.length) return 0;
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * Rebuilds paragraphs from the physical lines of all pages: a line that runs to the right margin, does not end
 * a sentence and is followed by an unindented line that does not open a new item (一、 （一） 1. ①) is a hard
 * wrap, so the two are joined (without a space between CJK characters); everything else stays a break.
 */
export function reflowPages(pages: LayoutLine[][]): string {
  const lines = pages.flatMap((p) => shapes(dropPageNumbers(p))).filter((l) => l.text !== "");
  const paragraphs: string[] = [];
  let previous: LineShape | null = null;
  for (const line of lines) {
    if (previous && isWrap(previous, line)) {
      // Latin words wrap at spaces, so they get one back; a number split across lines ("5" + "0%") does not.
      const glue = /[A-Za-z]$/.test(paragraphs[paragraphs.length - 1]!) && /^[A-Za-z]/.test(line.text);
      paragraphs[paragraphs.length - 1] += (glue ? " " : "") + line.text;
    } else paragraphs.push(line.text);
    previous = line;
  }
  return paragraphs.join("\n");
}

/** Whether `next` continues the paragraph of `previous` rather than starting a new one. */
function isWrap(previous: LineShape, next: LineShape): boolean {
  // A short line (a heading, a title, a paragraph's last line) or an indented next line is a real break.
  if (!previous.full || next.indented || next.gapBefore) return false;
  const ends = sentenceEnd.test(previous.text);
  const opens = itemStart.test(next.text);
  // With first-line indents a full line ending in 。 still wraps; only both signals together mean a new item.
  if (previous.indentsParagraphs && next.indentsParagraphs) return !(ends && opens);
  return !ends && !opens;
}
