import { describe, expect, it } from "vitest";
import { chineseCount, partHeading, subpartHeading } from "./document-blocks.js";

describe("chineseCount", () => {
  it("counts as headings do, without a leading 一 before 十", () => {
    expect([1, 9, 10, 11, 19, 20, 21, 35, 99].map(chineseCount)).toEqual([
      "一",
      "九",
      "十",
      "十一",
      "十九",
      "二十",
      "二十一",
      "三十五",
      "九十九",
    ]);
  });

  it("refuses what no heading numbers", () => {
    for (const n of [0, 100, 1.5, -1]) expect(() => chineseCount(n)).toThrow(RangeError);
  });

  it("numbers parts 一、 and subparts （一）", () => {
    expect(partHeading(3, "先进单位")).toEqual({ kind: "heading", level: 1, text: "三、先进单位" });
    expect(subpartHeading(12, "高中")).toEqual({ kind: "heading", level: 2, text: "（十二）高中" });
  });
});
