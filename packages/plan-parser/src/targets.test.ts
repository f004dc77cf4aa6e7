import { describe, expect, it } from "vitest";
import { targetsIn } from "./test-fixtures/support.js";
import type { Target } from "./types.js";

const one = (sentence: string): Target => {
  const ts = targetsIn(sentence);
  expect(ts).toHaveLength(1);
  return ts[0]!;
};
const brief = (t: Target) => [t.indicator, t.comparator, t.value, t.valueMax, t.unit];

describe("comparators", () => {
  it.each([
    ["全区学前教育毛入园率达到95%。", ["学前教育毛入园率", "gte", 95, null, "%"]],
    ["体质健康优良率达58%。", ["体质健康优良率", "gte", 58, null, "%"]],
    ["创建市级文明校园5所以上。", ["文明校园", "gte", 5, null, "所"]],
    ["组织教师培训不少于3次。", ["教师培训", "gte", 3, null, "次"]],
    ["公办园在园幼儿占比不低于55%。", ["公办园在园幼儿占比", "gte", 55, null, "%"]],
    ["巩固率超过99%。", ["巩固率", "gt", 99, null, "%"]],
    ["近视率超1个百分点的学校要整改。", null],
    ["大班额比例控制在5%以内。", ["大班额比例", "lte", 5, null, "%"]],
    ["每班学生数不超过45人。", ["每班学生数", "lte", 45, null, "人"]],
    ["作业时长不得超过90分钟。", ["作业时长", "lte", 90, null, "分钟"]],
    ["学生近视率降至50%。", ["学生近视率", "lte", 50, null, "%"]],
    ["流失率在1%以下。", ["流失率", "lte", 1, null, "%"]],
    ["推送5个优秀课例。", ["优秀课例", "eq", 5, null, "个"]],
    ["开展送教下乡2场。", ["送教下乡", "eq", 2, null, "场"]],
    ["开展各类活动30余场。", ["各类活动", "gte", 30, null, "场"]],
  ] as [string, unknown[] | null][])("reads %s", (sentence, expected) => {
    const ts = targetsIn(sentence);
    if (expected === null) expect(ts.filter((t) => t.text.includes("超1个"))).toHaveLength(ts.length);
    else expect(ts.map(brief)).toEqual([expected]);
  });

  it.each(["2-4个", "2—4个", "2至4个", "2~4个", "2～4个"])("reads the range %s", (range) => {
    expect(brief(one(`新增${range}急缺专业。`))).toEqual(["急缺专业", "range", 2, 4, "个"]);
  });

  it("reads 100% and 全覆盖 as exactly 100 %", () => {
    expect(brief(one("入学率达到100%。"))).toEqual(["入学率", "eq", 100, null, "%"]);
    expect(brief(one("实现课后服务全覆盖。"))).toEqual(["课后服务", "eq", 100, null, "%"]);
    expect(brief(one("资金监管100%全覆盖。"))).toEqual(["资金监管", "eq", 100, null, "%"]);
  });

  it("does not read an adjective 全覆盖的 as a target", () => {
    expect(targetsIn("开展全覆盖的教育培训。")).toEqual([]);
  });
});

describe("values and units", () => {
  it("applies 万 and 亿 to the value and drops them from the unit", () => {
    expect(brief(one("改造校舍30.1万亩。"))).toEqual(["改造校舍", "eq", 301000, null, "亩"]);
    expect(brief(one("投入资金1.2亿元。"))).toEqual(["投入资金", "eq", 120000000, null, "元"]);
    expect(brief(one("资助学生500万元。"))).toEqual(["资助学生", "eq", 5000000, null, "元"]);
  });

  it("knows the common units", () => {
    const units = targetsIn(
      "新建学校3所，引进企业2家，培训5000人次，招聘教师80名，资助困难学生1200人，储备粮食2000斤，每天锻炼1小时，接种年龄满3岁，种植100亩。",
    ).map((t) => t.unit);
    expect(units).toEqual(["所", "家", "人次", "名", "人", "斤", "小时", "岁", "亩"]);
  });

  it("reads full-width digits and percent signs", () => {
    expect(brief(one("覆盖率达到９０％。"))).toEqual(["覆盖率", "gte", 90, null, "%"]);
  });
});

describe("several targets and their context", () => {
  it("splits several targets in one clause", () => {
    expect(targetsIn("新建幼儿园3所、改扩建2所，新增学位1200个。").map(brief)).toEqual([
      ["幼儿园", "eq", 3, null, "所"],
      ["改扩建幼儿园", "eq", 2, null, "所"],
      ["学位", "eq", 1200, null, "个"],
    ]);
  });

  it("records hedges", () => {
    expect(
      targetsIn("确保入学率100%，力争优良率达到60%，争取新建学校2所，计划新增专业3个。").map((t) => t.hedge),
    ).toEqual(["确保", "力争", "争取", "计划"]);
  });

  it("does not take 计划 the noun as a hedge", () => {
    expect(one("实施提升计划，开展培训2次。").hedge).toBeNull();
  });

  it("dates a target from its clause, else the plan year", () => {
    const ts = targetsIn(
      "2025年9月前新建学校2所，年底前覆盖率达到90%，12月底前培训教师100人，优良率达到60%。",
    );
    expect(ts.map((t) => t.deadline)).toEqual(["2025-09", "2024-12-31", "2024-12-31", "2024"]);
  });

  it("takes a date at the start of the sentence for all its clauses", () => {
    expect(targetsIn("到2025年，全市覆盖率达到92%。").map((t) => t.deadline)).toEqual(["2025"]);
  });

  it("quotes the clause exactly", () => {
    expect(one("全市普惠园覆盖率达到85%。").text).toBe("全市普惠园覆盖率达到85%");
  });
});

describe("numbers that are not targets", () => {
  it.each([
    ["quoted slogans", "常态化推动“两学一做”，落实“三会一课”制度，推行“1530”安全教育。"],
    ["codes and programme names", "启动“1+X”证书试点，推广1+X证书，精心组织“八五”普法。"],
    ["word numerals", "落实八项规定和十项准则，建设三级网络，实施百千万工程。"],
    ["ordinals", "组织第二批试点，举办第3届艺术节，召开第5次会议，参加首届论坛，第2批学校验收。"],
    ["school names and cohorts", "支持四高中和31中发展，关注00后学生心理。"],
    ["文号", "落实瓦教发〔2024〕3号文件要求。"],
    [
      "years in cited plan titles",
      "落实《教育强国建设规划纲要（2024—2035年）》和《十四五规划（2021-2025年）》。",
    ],
    ["years in a name", "协调做好2023年国家新一轮义务教育质量监测工作。"],
    ["directional aims", "提升义务教育巩固率，缩小校际差异系数，提高优良率。"],
    ["age groups and sizes that describe", "关注3岁以下婴幼儿照护，整治500人以上的大规模学校。"],
    ["durations", "用3个月时间开展专项整治。"],
  ])("ignores %s", (_, sentence) => {
    expect(targetsIn(sentence)).toEqual([]);
  });
});
