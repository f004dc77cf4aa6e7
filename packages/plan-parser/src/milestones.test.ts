import { describe, expect, it } from "vitest";
import { milestonesIn, targetsIn } from "./test-fixtures/support.js";

describe("milestones", () => {
  it("reads a dated commitment without a number, with its hedge", () => {
    expect(milestonesIn("争取瓦房店市西城幼儿园分园在2023年9月开园。", 2023)).toMatchObject([
      {
        title: "瓦房店市西城幼儿园分园开园",
        deadline: "2023-09",
        hedge: "争取",
        text: "争取瓦房店市西城幼儿园分园在2023年9月开园",
      },
    ]);
  });

  it("reads due-by wording", () => {
    expect(milestonesIn("力争2024年6月底前完成新校区建设。").map((m) => [m.title, m.deadline])).toEqual([
      ["完成新校区建设", "2024-06-30"],
    ]);
    expect(milestonesIn("年底前建成教育大数据平台。").map((m) => [m.title, m.deadline])).toEqual([
      ["建成教育大数据平台", "2024-12-31"],
    ]);
  });

  it("does not read a bare year, a start date or a cited period as a milestone", () => {
    expect(milestonesIn("协调做好2023年国家新一轮义务教育质量监测工作。")).toEqual([]);
    expect(milestonesIn("自2024年9月起实施新课程方案。")).toEqual([]);
    expect(milestonesIn("落实《规划（2021—2025年）》。")).toEqual([]);
  });

  it("does not double a dated numeric target as a milestone", () => {
    expect(milestonesIn("2024年9月前新建学校2所。")).toEqual([]);
    expect(targetsIn("2024年9月前新建学校2所。")).toHaveLength(1);
  });

  it("dates 于X月前, X月底前, 年底前 and 第三季度 inside a measure, each a milestone of its own", () => {
    const found = milestonesIn(
      "开展校舍改造，于5月前完成方案设计，9月底前完成主体施工，年底前投入使用；第三季度完成验收。",
    );
    expect(found.map((m) => [m.title, m.deadline])).toEqual([
      ["完成方案设计", "2024-05"],
      ["完成主体施工", "2024-09-30"],
      ["投入使用", "2024-12-31"],
      ["完成验收", "2024-09-30"],
    ]);
  });
});
