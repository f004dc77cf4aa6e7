import { describe, expect, it } from "vitest";
import { parsePlan } from "./index.js";
import { parseFixture, targetsOf, tasksOf } from "./test-fixtures/support.js";

describe("the 印发通知 header", () => {
  const { draft } = parseFixture("notice-three-level.txt");

  it("keeps the notice apart with its title, 文号, addressees and date", () => {
    expect(draft.notice).toEqual({
      title: "关于印发《金州新区教育局2024年工作要点》的通知",
      docNumber: "金教发〔2024〕3号",
      addressees: "各中小学、幼儿园，局机关各科室",
      date: "2024-02-26",
    });
  });

  it("reads the plan's own title, issuer and year after the signature", () => {
    expect(draft.kind).toBe("plan");
    expect(draft.title).toBe("金州新区教育局2024年工作要点");
    expect(draft.issuer).toBe("金州新区教育局");
    expect(draft.year).toBe(2024);
  });

  it("never turns the notice body or signature into preamble, tasks or targets", () => {
    expect(draft.preamble?.text).toBe(
      "2024年，全区教育系统要以办好人民满意的教育为目标，全区学前教育毛入园率保持在95%以上。",
    );
    expect(draft.preamble?.targets.map((t) => [t.indicator, t.comparator, t.value])).toEqual([
      ["学前教育毛入园率", "gte", 95],
    ]);
    expect(tasksOf(draft)[0]!.title).toBe("推进标准化建设");
    expect(targetsOf(draft).some((t) => t.text.includes("〔2024〕"))).toBe(false);
  });

  it("reads a notice whose title wraps and whose date is written in Chinese numerals", () => {
    const text = [
      "关于印发《某县教育局2025年",
      "工作要点》的通知",
      "某教〔2025〕7号",
      "各学校：",
      "现将工作要点印发给你们，请认真贯彻执行。",
      "某县教育局",
      "二〇二五年一月十五日",
      "某县教育局2025年工作要点",
      "一、抓好党建",
      "1.加强学习。开展集中学习12次。",
    ].join("\n");
    const d = parsePlan(text);
    expect(d.notice).toEqual({
      title: "关于印发《某县教育局2025年工作要点》的通知",
      docNumber: "某教〔2025〕7号",
      addressees: "各学校",
      date: "2025-01-15",
    });
    expect([d.title, d.issuer, d.year]).toEqual(["某县教育局2025年工作要点", "某县教育局", 2025]);
    expect(tasksOf(d).map((t) => t.title)).toEqual(["加强学习"]);
  });

  it("takes no year from a title whose 年 follows a longer number, and no target's deadline from it", () => {
    const d = parsePlan("某市教育局100023年工作要点\n一、抓好党建\n1.新增学位100个。");
    expect(d.year).toBe(null);
    expect(targetsOf(d).map((t) => [t.value, t.deadline])).toEqual([[100, null]]);
    expect(parsePlan("某市教育局0023年工作要点\n一、抓好党建").year).toBe(null);
  });

  it("reads a title set on two lines", () => {
    const d = parsePlan("某市教育局\n2025年工作要点\n一、抓好党建\n1.加强学习。");
    expect([d.title, d.issuer, d.year]).toEqual(["某市教育局2025年工作要点", "某市教育局", 2025]);
  });
});

describe("document kind", () => {
  it("calls an official 解读 an explanation and sets no targets from it", () => {
    const { draft } = parseFixture("explanation.txt");
    expect(draft.kind).toBe("explanation");
    expect(targetsOf(draft)).toEqual([]);
    expect(draft.warnings.some((w) => w.includes("解读"))).toBe(true);
  });

  it("calls a 工作总结 a summary and takes none of its achievements as targets", () => {
    const { draft } = parseFixture("summary.txt");
    expect(draft.kind).toBe("summary");
    expect(draft.year).toBe(2023);
    expect(tasksOf(draft).map((t) => t.title)).toEqual(["党建工作扎实推进", "安全工作成效明显"]);
    expect(targetsOf(draft)).toEqual([]);
  });

  it("calls text with no title and no numbering unknown", () => {
    const d = parsePlan("今天天气很好，我们去公园散步。");
    expect(d.kind).toBe("unknown");
    expect(d.nodes).toEqual([]);
  });
});

describe("headers set over several lines or under a 红头", () => {
  const head = (text: string) => {
    const d = parsePlan(`${text}\n一、加强党建\n1.加强学习。组织学习。`);
    return {
      title: d.title,
      issuer: d.issuer,
      year: d.year,
      notice: d.notice,
      preamble: d.preamble?.text ?? null,
    };
  };

  it("joins a title set on three lines", () => {
    expect(head("示范县教育局\n2024年\n工作要点")).toEqual({
      title: "示范县教育局2024年工作要点",
      issuer: "示范县教育局",
      year: 2024,
      notice: null,
      preamble: null,
    });
  });

  it("reads a 分解表's title set on two lines", () => {
    expect(head("示范县教育局\n2024年重点工作任务分解表").title).toBe("示范县教育局2024年重点工作任务分解表");
  });

  it("skips the 发文机关标志 and keeps the 文号 of a 红头 plan issued without a notice", () => {
    expect(
      head("示 范 县 教 育 局 文 件\n示教字〔2024〕5号\n签发人：李明\n示范县教育局2024年工作要点"),
    ).toEqual({
      title: "示范县教育局2024年工作要点",
      issuer: "示范县教育局",
      year: 2024,
      notice: { title: "示范县教育局文件", docNumber: "示教字〔2024〕5号", addressees: null, date: null },
      preamble: null,
    });
  });

  it("reads a 红头 notice whose title is split after 关于印发", () => {
    const text = [
      "示范县教育局文件",
      "示教发〔2024〕3号",
      "示范县教育局关于印发",
      "《2024年全县教育工作要点》的通知",
      "各中小学校：",
      "现将《2024年全县教育工作要点》印发给你们，请认真贯彻落实。",
      "示范县教育局",
      "2024年2月20日",
      "示范县教育局",
      "2024年全县教育工作要点",
    ].join("\n");
    expect(head(text)).toEqual({
      title: "示范县教育局2024年全县教育工作要点",
      issuer: "示范县教育局",
      year: 2024,
      notice: {
        title: "示范县教育局关于印发《2024年全县教育工作要点》的通知",
        docNumber: "示教发〔2024〕3号",
        addressees: "各中小学校",
        date: "2024-02-20",
      },
      preamble: null,
    });
  });
});
