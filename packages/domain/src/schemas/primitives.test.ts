import { describe, expect, it } from "vitest";
import {
  calendarDateSchema,
  hasUnstorableCharacter,
  lineText,
  multilineText,
  planDateSchema,
  storableText,
  timestampSchema,
} from "./primitives.js";

describe("calendarDateSchema", () => {
  it("takes real days from 2000 to 2100", () => {
    for (const day of ["2000-01-01", "2024-02-29", "2100-12-31", "2023-09-30"])
      expect(calendarDateSchema.safeParse(day).success, day).toBe(true);
  });

  it("refuses NaN, impossible days, years out of range and other shapes", () => {
    for (const bad of [
      "NaN",
      "2023-02-30",
      "2023-02-29",
      "2023-13-01",
      "1999-12-31",
      "2101-01-01",
      "0000-01-01",
      "2023-9-1",
      "2023/09/01",
      "2023-09",
      "2023",
      "",
      " 2023-09-01",
    ])
      expect(calendarDateSchema.safeParse(bad).success, bad).toBe(false);
    expect(calendarDateSchema.safeParse(20230901).success).toBe(false);
  });
});

describe("planDateSchema", () => {
  it("takes a year, a month or a day within 2000–2100", () => {
    for (const date of ["2023", "2023-09", "2023-09-30", "2100", "2000-01"])
      expect(planDateSchema.safeParse(date).success, date).toBe(true);
  });

  it("refuses NaN, impossible months and days, and years out of range", () => {
    for (const bad of ["NaN", "2023-00", "2023-13", "2023-02-30", "1999", "2101-01", "23-09", "2023-09-"])
      expect(planDateSchema.safeParse(bad).success, bad).toBe(false);
  });
});

describe("timestampSchema", () => {
  it("takes what Date.toISOString writes and refuses other instants", () => {
    expect(timestampSchema.safeParse("2023-09-01T08:00:00.000Z").success).toBe(true);
    for (const bad of ["NaN", "2023-02-30T00:00:00Z", "2200-01-01T00:00:00Z", "2023-09-01"])
      expect(timestampSchema.safeParse(bad).success, bad).toBe(false);
  });
});

describe("text fields", () => {
  it("finds NUL and lone surrogates but not a whole astral character", () => {
    expect(hasUnstorableCharacter("a\u0000b")).toBe(true);
    expect(hasUnstorableCharacter("a\uD800b")).toBe(true);
    expect(hasUnstorableCharacter("a\uDC00")).toBe(true);
    expect(hasUnstorableCharacter("\uDBFF")).toBe(true);
    expect(hasUnstorableCharacter("𠮷野家 😀")).toBe(false);
    expect(hasUnstorableCharacter("普通文字\n\t")).toBe(false);
  });

  it("keeps one line to one line: tabs and breaks become a space, other controls go, ends are trimmed", () => {
    expect(lineText().parse("  第一\t小学\r\n分校\u0007\u001B\u0085 ")).toBe("第一 小学 分校");
    expect(lineText().safeParse("学校\uD800").success).toBe(false);
  });

  it("keeps lines and tabs of multi-line text and drops other controls", () => {
    expect(multilineText().parse("一、\t总体要求\r\n二、重点\r三\u000B四\u000C五\u0000\u0008\u007F")).toBe(
      "一、\t总体要求\n二、重点\n三\n四\n五",
    );
    expect(multilineText().safeParse("\uDC00").success).toBe(false);
  });
});

describe("storableText", () => {
  it("drops NUL and stray controls, shows a lone surrogate as U+FFFD, and keeps tabs, line breaks and pairs", () => {
    expect(storableText("a\u0000b\u0007c\ud800d\udc00e\t\n😀")).toBe("abc\uFFFDd\uFFFDe\t\n😀");
  });
});
