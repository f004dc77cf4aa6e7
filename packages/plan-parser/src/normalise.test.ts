import { describe, expect, it } from "vitest";
import { normalise } from "./normalise.js";

describe("normalisation", () => {
  it("folds full-width forms and traditional characters without moving offsets", () => {
    const src = normalise("１．達到９０％（責任單位）");
    expect(src.text).toBe("1.达到90%(责任单位)");
    expect([...src.map]).toEqual([...Array(14).keys()]);
  });

  it("drops indentation and spaces between Han characters but keeps spaces beside digits", () => {
    const src = normalise("　　1 持续 推进学习，开展 2 场");
    expect(src.text).toBe("1 持续推进学习,开展 2 场");
    expect(src.input.slice(src.map[2]!, src.map[4]! + 1)).toBe("持续 推");
  });

  it("joins hard-wrapped lines but keeps paragraphs ending in 。 apart", () => {
    const wrapped = [
      "一二三四五六七八九十一二三四五六七八九十达到5",
      "0%，一二三四五六七八九十一二三四五六七八九十",
      "一二三四五六七八九十一二三四五六七八九十。",
      "二、新段落",
    ].join("\n");
    expect(normalise(wrapped).text).toBe(
      "一二三四五六七八九十一二三四五六七八九十达到50%,一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十。\n二、新段落",
    );
  });

  it("does not join lines of an ordinary document", () => {
    const src = normalise("某市教育局2024年工作要点\n2024年教育工作的总体思路是坚持立德树人。\n一、党建");
    expect(src.paragraphs).toHaveLength(3);
  });

  it("marks table rows and their cells", () => {
    const src = normalise("1\t建设图书角\t基础教育科\t2024年9月");
    expect(src.paragraphs[0]!.cells?.map(([a, b]) => src.text.slice(a, b))).toEqual([
      "1",
      "建设图书角",
      "基础教育科",
      "2024年9月",
    ]);
  });

  it("drops PDF page numbers so a sentence broken across pages is joined again", () => {
    const line = "一二三四五六七八九十一二三四五六七八九十一二三四五";
    const text = [
      `${line}达到`,
      `${line}以上`,
      `${line}学位`,
      "— 3 —",
      "",
      `12个。${line}`,
      "第 4 页 共 9 页",
      "二、新段落",
    ].join("\n");
    const src = normalise(text);
    expect(src.text).toContain("学位12个。");
    expect(src.text).not.toContain("3 -");
    expect(src.paragraphs).toHaveLength(2);
  });
});
