import { describe, expect, it } from "vitest";
import { type LayoutLine, reflowPages } from "./reflow.js";

/** Lines 12 points high, 18 apart, each `[text, x0, x1]`. */
const lay = (lines: [string, number, number][]): LayoutLine[] =>
  lines.map(([text, x0, x1], i) => ({ text, x0, x1, y: 700 - i * 18, size: 12 }));

describe("rebuilding paragraphs from PDF lines", () => {
  it("without first-line indents, breaks after sentence punctuation even on a full line", () => {
    const text = reflowPages([
      lay([
        ["一、总体要求", 72, 144],
        ["全面贯彻党的教育方针，落实立德树人根本任务，办好人民满意的教育。", 72, 500],
        ["坚持稳中求进，推动各级各类教育高质量发展，全力提升", 72, 500],
        ["人民群众的获得感。", 72, 180],
      ]),
    ]);
    expect(text).toBe(
      "一、总体要求\n全面贯彻党的教育方针，落实立德树人根本任务，办好人民满意的教育。\n坚持稳中求进，推动各级各类教育高质量发展，全力提升人民群众的获得感。",
    );
  });

  it("does not join a full line to a following item marker", () => {
    const text = reflowPages([
      lay([
        ["（一）加强党的建设，推进党建与业务深度融合，落实全面从严治党主体责任", 72, 500],
        ["（二）深化教育改革", 72, 200],
        ["①完善评价机制", 72, 160],
      ]),
    ]);
    expect(text.split("\n")).toHaveLength(3);
  });

  it("keeps a short heading apart from the body under it", () => {
    const text = reflowPages([
      lay([
        ["三、办好人民满意的教育", 72, 220],
        ["推进学前教育普及普惠", 72, 500],
        ["发展。", 72, 110],
      ]),
    ]);
    expect(text).toBe("三、办好人民满意的教育\n推进学前教育普及普惠发展。");
  });

  it("drops page numbers only at the head or foot of a page", () => {
    const text = reflowPages([
      lay([
        ["第 3 页", 280, 320],
        ["开展职业体验活动。", 72, 200],
        ["2", 72, 80],
        ["3/12", 280, 310],
      ]),
    ]);
    expect(text).toBe("开展职业体验活动。\n2");
  });
});
