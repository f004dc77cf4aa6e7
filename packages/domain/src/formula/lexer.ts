/** Tokens of the formula language, with the position each starts at. */

/** Kinds of token. */
export type TokenKind = "number" | "date" | "name" | "quoted" | "op" | "lparen" | "rparen" | "comma" | "end";

/** One token: its kind, its normalized text（× → *, ≥ → >=, 且 → and …）and its 0-based position. */
export interface Token {
  kind: TokenKind;
  text: string;
  at: number;
}

/** A lexing or parsing failure at a position. */
export class FormulaSyntaxError extends Error {
  constructor(
    message: string,
    readonly at: number,
  ) {
    super(message);
  }
}

// Operators, longest first so `<=` wins over `<`; each maps to the one spelling the parser knows.
const operators: [string, string][] = [
  ["<=", "<="],
  [">=", ">="],
  ["!=", "!="],
  ["<>", "!="],
  ["==", "="],
  ["≤", "<="],
  ["≥", ">="],
  ["≠", "!="],
  ["＝", "="],
  ["=", "="],
  ["<", "<"],
  [">", ">"],
  ["＜", "<"],
  ["＞", ">"],
  ["+", "+"],
  ["＋", "+"],
  ["-", "-"],
  ["−", "-"],
  ["－", "-"],
  ["*", "*"],
  ["×", "*"],
  ["/", "/"],
  ["÷", "/"],
];
const openParens = new Set(["(", "（"]);
const closeParens = new Set([")", "）"]);
const commas = new Set([",", "，", "、"]);
const quotes: Record<string, string> = { "「": "」", '"': '"', "“": "”", "『": "』" };
// Words that end a bare name: `a且b` must read as `a 且 b`, and so must 或 written without spaces.
const wordKeywords: Record<string, string> = { 且: "and", 或: "or" };
const stopChars = new Set([
  ...operators.map(([s]) => s[0] as string),
  ...openParens,
  ...closeParens,
  ...commas,
  ...Object.keys(quotes),
  "!",
]);

// ASCII punctuation the language has no use for; a label holding one is quoted or matched whole.
const strayChars = /[#$%&';:?@[\\\]^`{|}~]/u;
const isSpace = (c: string) => /\s/u.test(c) || c === "\u3000";
const isDigit = (c: string | undefined) => c !== undefined && c >= "0" && c <= "9";

const isBoundary = (c: string | undefined) =>
  c === undefined || isSpace(c) || stopChars.has(c) || wordKeywords[c] !== undefined;

/**
 * The source as a Chinese IME in full-width mode types it, read half-width: ０-９, Ａ-Ｚ, ａ-ｚ and full-width
 * punctuation（＋－＊／＜＞＝！．…, U+FF01–U+FF5E）become their ASCII twins and the ideographic space a space.
 * Character for character, so every position still points into the text the user typed.
 */
export function toHalfWidth(source: string): string {
  return source.replace(/[\uFF01-\uFF5E\u3000]/gu, (c) =>
    c === "\u3000" ? " " : String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );
}

/**
 * Splits source text into tokens; throws FormulaSyntaxError on an unclosed quote or a stray character. `words`
 * (field labels, options, attribute values) are read whole where they start, so `3-6岁幼儿数` or `中职/职教中心`
 * need no quotes.
 */
export function tokenize(source: string, words: readonly string[] = []): Token[] {
  const known = [...new Set(words)].filter((w) => w.length > 0).sort((a, b) => b.length - a.length);
  // Symbols, numbers and keywords are read from the half-width text; labels and quoted names keep what was typed.
  const half = toHalfWidth(source);
  const typed = (w: string, at: number) => source.startsWith(w, at) || half.startsWith(toHalfWidth(w), at);
  // A quoted name typed in the other width is the label it spells.
  const asTyped = (name: string) =>
    known.includes(name) ? name : (known.find((w) => toHalfWidth(w) === toHalfWidth(name)) ?? name);
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = half[i] as string;
    if (isSpace(c)) {
      i++;
      continue;
    }
    const start = i;
    const word =
      quotes[c] === undefined ? known.find((w) => typed(w, i) && isBoundary(half[i + w.length])) : undefined;
    if (word !== undefined) {
      tokens.push({ kind: "name", text: word, at: start });
      i += word.length;
      continue;
    }
    if (isDigit(c) || (c === "." && isDigit(half[i + 1]))) {
      const date = /^\d{4}-\d{2}-\d{2}(?![\d.])/u.exec(half.slice(i));
      if (date) {
        tokens.push({ kind: "date", text: date[0], at: start });
        i += date[0].length;
        continue;
      }
      const num = /^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/u.exec(half.slice(i)) as RegExpExecArray;
      tokens.push({ kind: "number", text: num[0], at: start });
      i += num[0].length;
      // 50% is 50: percentages are stored as 0–100, and "× 100%" reads as the percentage it is meant to be.
      if (half[i] === "%") i++;
      continue;
    }
    const close = quotes[c];
    if (close !== undefined) {
      const end = half.indexOf(close, i + 1);
      if (end < 0) throw new FormulaSyntaxError(`引号没有闭合：请在名称后补上 ${close}`, start);
      tokens.push({ kind: "quoted", text: asTyped(source.slice(i + 1, end)), at: start });
      i = end + 1;
      continue;
    }
    if (openParens.has(c) || closeParens.has(c) || commas.has(c)) {
      tokens.push({
        kind: openParens.has(c) ? "lparen" : closeParens.has(c) ? "rparen" : "comma",
        text: c,
        at: start,
      });
      i++;
      continue;
    }
    const op = operators.find(([s]) => half.startsWith(s, i));
    if (op) {
      tokens.push({ kind: "op", text: op[1], at: start });
      i += op[0].length;
      continue;
    }
    if (wordKeywords[c] !== undefined) {
      tokens.push({ kind: "name", text: wordKeywords[c] as string, at: start });
      i++;
      continue;
    }
    if (stopChars.has(c) || strayChars.test(c))
      throw new FormulaSyntaxError(`无法识别的符号「${source[i]}」`, start);
    while (i < source.length) {
      const d = half[i] as string;
      if (isBoundary(d) || strayChars.test(d)) break;
      i++;
    }
    tokens.push({ kind: "name", text: half.slice(start, i), at: start });
  }
  tokens.push({ kind: "end", text: "", at: source.length });
  return tokens;
}
