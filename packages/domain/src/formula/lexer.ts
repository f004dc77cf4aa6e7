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
 * Splits source text into tokens; throws FormulaSyntaxError on an unclosed quote or a stray character. `words`
 * (field labels, options, attribute values) are read whole where they start, so `3-6岁幼儿数` or `中职/职教中心`
 * need no quotes.
 */
export function tokenize(source: string, words: readonly string[] = []): Token[] {
  const known = [...new Set(words)].filter((w) => w.length > 0).sort((a, b) => b.length - a.length);
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i] as string;
    if (isSpace(c)) {
      i++;
      continue;
    }
    const start = i;
    const word =
      quotes[c] === undefined
        ? known.find((w) => source.startsWith(w, i) && isBoundary(source[i + w.length]))
        : undefined;
    if (word !== undefined) {
      tokens.push({ kind: "name", text: word, at: start });
      i += word.length;
      continue;
    }
    if (isDigit(c) || (c === "." && isDigit(source[i + 1]))) {
      const date = /^\d{4}-\d{2}-\d{2}(?![\d.])/u.exec(source.slice(i));
      if (date) {
        tokens.push({ kind: "date", text: date[0], at: start });
        i += date[0].length;
        continue;
      }
      const num = /^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/u.exec(source.slice(i)) as RegExpExecArray;
      tokens.push({ kind: "number", text: num[0], at: start });
      i += num[0].length;
      // 50% is 50: percentages are stored as 0–100, and "× 100%" reads as the percentage it is meant to be.
      if (source[i] === "%" || source[i] === "％") i++;
      continue;
    }
    const close = quotes[c];
    if (close !== undefined) {
      const end = source.indexOf(close, i + 1);
      if (end < 0) throw new FormulaSyntaxError(`引号没有闭合：请在名称后补上 ${close}`, start);
      tokens.push({ kind: "quoted", text: source.slice(i + 1, end), at: start });
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
    const op = operators.find(([s]) => source.startsWith(s, i));
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
    if (stopChars.has(c) || strayChars.test(c)) throw new FormulaSyntaxError(`无法识别的符号「${c}」`, start);
    while (i < source.length) {
      const d = source[i] as string;
      if (isBoundary(d) || strayChars.test(d)) break;
      i++;
    }
    tokens.push({ kind: "name", text: source.slice(start, i), at: start });
  }
  tokens.push({ kind: "end", text: "", at: source.length });
  return tokens;
}
