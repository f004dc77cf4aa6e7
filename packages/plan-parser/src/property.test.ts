import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parsePlan } from "./index.js";
import { parseDocument } from "./parse.js";
import { draftProblems } from "./test-fixtures/validate.js";

const seed = readFileSync(new URL("./test-fixtures/seed-2023.txt", import.meta.url), "utf8");

// Pieces that real plans are made of, and that the scanners react to.
const FRAGMENTS = [
  "一、",
  "二、",
  "十一、",
  "（一）",
  "(二)",
  "1.",
  "2、",
  "3．",
  "4 .",
  "5 ",
  "（1）",
  "(2)",
  "①",
  "⑵",
  "13.",
  "。",
  "，",
  "；",
  "：",
  "、",
  "\n",
  "\r\n",
  "\n\n",
  "　　",
  " ",
  "  ",
  "\t",
  "|",
  "达到",
  "不低于",
  "以上",
  "以内",
  "控制在",
  "超过",
  "降至",
  "确保",
  "力争",
  "争取",
  "计划",
  "全覆盖",
  "50",
  "100",
  "2-4",
  "2—4",
  "3.2",
  "30.1",
  "2023",
  "2023年",
  "9月",
  "年底前",
  "12月底前",
  "2021—2025年",
  "%",
  "％",
  "个",
  "所",
  "人",
  "场",
  "万元",
  "亿元",
  "亩",
  "岁",
  "余",
  "万",
  "第",
  "后",
  "“",
  "”",
  "《",
  "》",
  "〔",
  "〕",
  "（",
  "）",
  "(",
  ")",
  "“1530”",
  "1+X",
  "00后",
  "责任科室：",
  "牵头",
  "配合",
  "完成时限：",
  "负责",
  "通知",
  "关于印发",
  "工作要点",
  "解读",
  "总结",
  "幼儿园",
  "覆盖率",
  "学校",
  "教育局",
  "开展",
  "新增",
  "占比",
  "入学率",
];

const planLike = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 400 }).map((xs) => xs.join(""));
const seedMutation = fc
  .tuple(fc.nat(seed.length), fc.nat(seed.length), fc.constantFrom(...FRAGMENTS))
  .map(([a, b, f]) => seed.slice(0, Math.min(a, b)) + f + seed.slice(Math.max(a, b)));

function check(input: string): void {
  expect(draftProblems(input, parseDocument(input))).toEqual([]);
}

describe("parser robustness", () => {
  it("returns a valid draft for any short string of any code units", () => {
    // Raw UTF-16 units, lone surrogates included; built from integers because fast-check's
    // "binary" string unit is slow to generate.
    const units = fc
      .array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 300 })
      .map((codes) => String.fromCharCode(...codes));
    fc.assert(fc.property(units, check), { numRuns: 300 });
  });

  it("returns a valid draft for strings assembled from plan fragments", () => {
    fc.assert(fc.property(planLike, check), { numRuns: 300 });
  });

  it("returns a valid draft for the seed with a fragment spliced in anywhere", () => {
    fc.assert(fc.property(seedMutation, check), { numRuns: 40 });
  });

  it("returns a valid draft for the seed with its line breaks, spaces and widths disturbed", () => {
    const variant = fc.record({
      crlf: fc.boolean(),
      flatten: fc.boolean(),
      wide: fc.boolean(),
      wrap: fc.integer({ min: 0, max: 60 }),
    });
    fc.assert(
      fc.property(variant, ({ crlf, flatten, wide, wrap }) => {
        let text = flatten ? seed.replace(/\n+/g, " ") : seed;
        if (wide) text = text.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
        if (wrap > 10) text = text.replace(new RegExp(`([^\\n]{${wrap}})`, "g"), "$1\n");
        if (crlf) text = text.replace(/\n/g, "\r\n");
        check(text);
      }),
      { numRuns: 25 },
    );
  });

  it("parses a megabyte of random plan fragments quickly and validly", () => {
    const rand = mulberry32(42);
    const parts: string[] = [];
    let size = 0;
    while (size < 1_000_000) {
      const f = FRAGMENTS[Math.floor(rand() * FRAGMENTS.length)]!;
      parts.push(f);
      size += f.length;
    }
    timed(parts.join(""));
  });

  it("parses a megabyte of adversarial repetition in linear time", () => {
    for (const unit of [
      "。1.",
      "(",
      "“",
      "《",
      "2023年9月",
      "1、达到50%",
      "一、",
      "（责任科室：",
      "5 ",
      "\n",
    ]) {
      timed(unit.repeat(Math.ceil(50_000 / unit.length)));
    }
    timed("（".repeat(1_000_000));
    timed("（责任科室：甲）\n".repeat(10_000));
    timed("2023年新建5所".repeat(15_000));
    timed("达到50%，".repeat(50_000));
  });

  it("never throws through the public entry point", () => {
    expect(() => parsePlan(undefined as unknown as string)).not.toThrow();
    expect(parsePlan("").nodes).toEqual([]);
  });
});

function timed(input: string): void {
  const t0 = performance.now();
  const draft = parseDocument(input);
  const ms = performance.now() - t0;
  expect(draftProblems(input, draft)).toEqual([]);
  // Generous bound for a shared two-core machine under load; a quadratic pass would take minutes.
  expect(ms).toBeLessThan(5000);
}

function mulberry32(seed0: number): () => number {
  let a = seed0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
