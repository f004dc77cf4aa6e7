import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parsePlan } from "./index.js";
import type { PlanNode, Target } from "./types.js";

const seed = readFileSync(new URL("./test-fixtures/seed-2023.txt", import.meta.url), "utf8");
const draft = parsePlan(seed);
const tasks = draft.nodes.flatMap((s) => s.children);
const allTargets = (nodes: PlanNode[]): Target[] =>
  nodes.flatMap((n) => [...n.targets, ...allTargets(n.children)]);
const targets = allTargets(draft.nodes);

describe("the 瓦房店市教育局2023年工作要点 seed", () => {
  it("is read as a plan with its title, issuer and year", () => {
    expect(draft.kind).toBe("plan");
    expect(draft.title).toBe("瓦房店市教育局2023年工作要点");
    expect(draft.issuer).toBe("瓦房店市教育局");
    expect(draft.year).toBe(2023);
    expect(draft.notice).toBeNull();
    expect(draft.warnings).toEqual([]);
  });

  it("keeps the 总体思路 paragraph as the preamble", () => {
    expect(draft.preamble?.text.startsWith("2023年教育工作的总体思路是：")).toBe(true);
    expect(draft.preamble?.text.endsWith("办好人民满意的教育。")).toBe(true);
    expect(draft.preamble?.targets).toEqual([]);
  });

  it("finds six sections holding tasks 1–24 numbered straight through", () => {
    expect(draft.nodes.map((s) => [s.level, s.label, s.number])).toEqual(
      ["一、", "二、", "三、", "四、", "五、", "六、"].map((l, i) => ["section", l, i + 1]),
    );
    expect(draft.nodes.map((s) => s.children.length)).toEqual([4, 4, 6, 4, 2, 4]);
    expect(tasks.map((t) => t.number)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
    expect(tasks.every((t) => t.level === "task" && t.children.length === 0)).toBe(true);
  });

  it("titles each task with its lead phrase before the first 。", () => {
    expect(draft.nodes[0]!.title).toBe("坚持和加强党对教育事业的全面领导");
    expect(tasks[0]!.title).toBe("持续推进学习宣传");
    expect(tasks[3]!.title).toBe("坚定不移推进全面从严治党");
    expect(tasks[5]!.title).toBe("巩固“双减”成效");
    expect(tasks[23]!.title).toBe("全面做好学校安全工作");
  });

  it("splits a task's body after the lead phrase into sentence measures", () => {
    expect(tasks[0]!.measures.map((m) => m.text)).toEqual([
      "坚持不懈用习近平新时代中国特色社会主义思想和党的二十大精神武装干部师生，紧密结合党中央即将在全党开展的主题教育，扎实开展好相关工作。",
      "常态化推动“两学一做”、党史学习教育，落实好理论中心组学习、党支部“三会一课”等基本制度，面向党员干部和教师开展多形式、多层次、全覆盖的教育培训。",
      "举办中小学校党组织书记政治能力建设培训班，引导教育系统广大党员干部和师生员工更加紧密地团结在以习近平同志为核心的党中央周围，自觉用党的创新理论武装头脑、指导实践、推动工作。",
    ]);
    for (const t of tasks) for (const m of t.measures) expect(seed.slice(...m.span)).toBe(m.text);
  });

  it("finds exactly the nine numeric targets", () => {
    const summary = targets.map((t) => [t.indicator, t.comparator, t.value, t.valueMax, t.unit, t.hedge]);
    expect(summary).toEqual([
      ["党建示范校", "gte", 2, null, "所", null],
      ["优秀党建工作品牌", "eq", 5, null, "个", null],
      ["校外培训机构预收费资金监管", "eq", 100, null, "%", null],
      ["公办幼儿园在园幼儿占比", "gte", 50, null, "%", null],
      ["普惠园覆盖率", "gte", 85, null, "%", null],
      ["急缺专业", "range", 2, 4, "个", "计划"],
      ["职业体验活动", "eq", 2, null, "场", null],
      ["参与职业体验", "eq", 500, null, "人", null],
      ["适龄残疾儿童入学率", "eq", 100, null, "%", "确保"],
    ]);
  });

  it("dates every target to the plan year and quotes its clause exactly", () => {
    expect(targets.every((t) => t.deadline === "2023")).toBe(true);
    expect(targets[3]!.text).toBe("全市2023年公办幼儿园在园幼儿占比达到50%");
    for (const t of targets) expect(seed.slice(...t.span)).toBe(t.text);
  });

  it("files each target under the task that sets it", () => {
    const where = (n: number): string[] => tasks[n - 1]!.targets.map((t) => t.indicator);
    expect(where(2)).toEqual(["党建示范校", "优秀党建工作品牌"]);
    expect(where(6)).toEqual(["校外培训机构预收费资金监管"]);
    expect(where(9)).toEqual(["公办幼儿园在园幼儿占比", "普惠园覆盖率"]);
    expect(where(12)).toEqual(["急缺专业", "职业体验活动", "参与职业体验"]);
    expect(where(13)).toEqual(["适龄残疾儿童入学率"]);
  });

  it("finds the one dated milestone, the 西城幼儿园分园 opening", () => {
    const milestones = tasks.flatMap((t) => t.milestones);
    expect(milestones).toHaveLength(1);
    const m = milestones[0]!;
    expect(m).toMatchObject({ title: "西城幼儿园分园开园", deadline: "2023-09", hedge: "争取" });
    expect(seed.slice(...m.span)).toBe(m.text);
    expect(tasks[8]!.milestones).toHaveLength(1);
  });

  it("takes no slogan, ordinal, school name or year in a name as a target", () => {
    const texts = targets.map((t) => t.text).join("|");
    for (const token of [
      "两学一做",
      "三会一课",
      "1530",
      "八五",
      "1+X",
      "第二批",
      "八项规定",
      "十项准则",
      "四高中",
      "三级",
    ]) {
      expect(texts).not.toContain(token);
    }
    expect(targets.some((t) => t.text.includes("新一轮"))).toBe(false);
  });

  it("spans every node from its label, in document order", () => {
    expect(seed.slice(...tasks[3]!.span).startsWith("4.坚定不移")).toBe(true);
    const starts: number[] = [];
    const walk = (ns: PlanNode[]): void => {
      for (const n of ns) {
        starts.push(n.span[0]);
        walk(n.children);
      }
    };
    walk(draft.nodes);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });
});
