const cjkDigits = "零一二三四五六七八九";
const legalDigits = "零壹贰叁肆伍陆柒捌玖";
const tianGan = "甲乙丙丁戊己庚辛壬癸";
const diZhi = "子丑寅卯辰巳午未申酉戌亥";

/** Formats a list counter in a Word number format (w:numFmt); unknown formats fall back to decimal. */
export function formatNumber(n: number, fmt: string): string {
  switch (fmt) {
    case "decimalZero":
      return n < 10 ? `0${n}` : String(n);
    case "decimalFullWidth":
    case "decimalFullWidth2":
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case "upperRoman":
    case "lowerRoman":
      return fmt === "upperRoman" ? roman(n) : roman(n).toLowerCase();
    case "upperLetter":
    case "lowerLetter":
      return letters(n, fmt === "upperLetter" ? 65 : 97);
    case "chineseCounting":
    case "chineseCountingThousand":
    case "japaneseCounting":
    case "taiwaneseCounting":
    case "taiwaneseCountingThousand":
      return chineseNumeral(n, cjkDigits, "十百千");
    case "chineseLegalSimplified":
      return chineseNumeral(n, legalDigits, "拾佰仟");
    case "ideographLegalTraditional":
      return chineseNumeral(n, "零壹貳參肆伍陸柒捌玖", "拾佰仟");
    case "ideographDigital":
      return String(n).replace(/\d/g, (d) => "〇一二三四五六七八九".charAt(Number(d)));
    case "ideographTraditional":
      return n >= 1 ? tianGan[(n - 1) % 10]! : String(n);
    case "ideographZodiac":
      return n >= 1 ? diZhi[(n - 1) % 12]! : String(n);
    case "decimalEnclosedCircle":
    case "decimalEnclosedCircleChinese":
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case "decimalEnclosedParen":
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2474 + n - 1) : `(${n})`;
    case "decimalEnclosedFullstop":
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2488 + n - 1) : `${n}.`;
    default:
      return String(n);
  }
}

/** 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 105 → 一百零五; above 9999 falls back to digits. */
function chineseNumeral(n: number, digits: string, units: string): string {
  if (!Number.isInteger(n) || n < 0 || n > 9999) return String(n);
  if (n === 0) return digits.charAt(0);
  const parts = String(n).split("").map(Number);
  let out = "";
  let zero = false;
  parts.forEach((d, i) => {
    const unit = parts.length - 1 - i;
    if (d === 0) zero = out !== "";
    else {
      if (zero) out += digits.charAt(0);
      zero = false;
      // 公文 writes 十一 not 一十一 for 10–19.
      const skipOne = d === 1 && unit === 1 && out === "";
      out += (skipOne ? "" : digits.charAt(d)) + (unit ? units.charAt(unit - 1) : "");
    }
  });
  return out;
}

/** Roman numerals for list labels. */
function roman(n: number): string {
  const table: [number, string][] = [
    [1000, "M"],
    [900, "CM"],
    [500, "D"],
    [400, "CD"],
    [100, "C"],
    [90, "XC"],
    [50, "L"],
    [40, "XL"],
    [10, "X"],
    [9, "IX"],
    [5, "V"],
    [4, "IV"],
    [1, "I"],
  ];
  let out = "";
  let rest = n;
  for (const [v, s] of table)
    while (rest >= v) {
      out += s;
      rest -= v;
    }
  return out;
}

/** Word's letter numbering: a … z, then aa … zz. */
function letters(n: number, base: number): string {
  if (n < 1) return String(n);
  return String.fromCharCode(base + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
}
