import { describe, expect, it } from "vitest";
import { parsePlan } from "./index.js";
import { flatNodes, parseFixture, targetsOf, tasksOf } from "./test-fixtures/support.js";

const shape = (nodes: ReturnType<typeof flatNodes>): string[] =>
  nodes.map((n) => `${n.level}:${n.label}:${n.number}:${n.title}`);

describe("levels and numbering", () => {
  it("nests 一、 / （一） / 1. as section, subsection and task, numbering restarting per block", () => {
    const { draft } = parseFixture("notice-three-level.txt");
    expect(shape(flatNodes(draft.nodes))).toEqual([
      "section:一、:1:强化党建引领",
      "subsection:（一）:1:提升基层党建质量",
      "task:1.:1:推进标准化建设",
      "task:2.:2:加强党员教育",
      "subsection:（二）:2:深化清廉学校建设",
      "task:1.:1:开展廉洁文化进校园活动",
      "section:二、:2:推进各类教育协调发展",
      "subsection:（一）:1:扩大优质学前资源",
      "task:1.:1:新建改扩建公办幼儿园",
      "task:2.:2:提升保教质量",
      "subsection:（二）:2:办好特殊教育",
      "task:1.:1:落实随班就读",
    ]);
  });

  it("makes the （一） items the tasks when there is no arabic level", () => {
    const { draft } = parseFixture("tasks-paren-level.txt");
    expect(shape(flatNodes(draft.nodes))).toEqual([
      "section:一、:1:坚持立德树人",
      "task:（一）:1:加强思政课建设",
      "task:（二）:2:推进劳动教育",
      "section:二、:2:办好公平优质教育",
      "task:（一）:1:推进义务教育优质均衡",
      "task:（二）:2:规范民办教育",
    ]);
  });

  it("makes 一、 items the tasks when they carry their body inline", () => {
    const { draft } = parseFixture("sections-are-tasks.txt");
    expect(shape(draft.nodes)).toEqual([
      "task:一、:1:加强学校安全管理",
      "task:二、:2:推进教师队伍建设",
      "task:三、:3:提升校园食堂管理水平",
    ]);
    expect(draft.nodes[0]!.measures.map((m) => m.text)).toEqual([
      "开展安全隐患排查4次，校园视频监控覆盖率达到100%。",
    ]);
  });

  it("folds 主要目标指标 / 重点工作举措 blocks into the （一） task of a four-level plan", () => {
    const { draft } = parseFixture("four-level.txt");
    const tasks = tasksOf(draft);
    expect(tasks.map((t) => `${t.label}${t.title}`)).toEqual([
      "（一）学前教育普及普惠",
      "（二）义务教育优质均衡",
      "（一）师德师风建设",
    ]);
    expect(tasks.every((t) => t.children.length === 0)).toBe(true);
    expect(tasks[0]!.measures.map((m) => m.text)).toEqual([
      "学前三年毛入园率达到96%，普惠性幼儿园覆盖率达到92%。",
      "扩增普惠性学位，新增普惠性学位300个。",
      "开展幼儿园办园行为督导评估。",
    ]);
    expect(tasks[1]!.targets.map((t) => t.indicator)).toEqual(["义务教育巩固率", "教育集团"]);
  });

  it("accepts a document that starts mid-way at task 13 and says so", () => {
    const { draft } = parseFixture("midway.txt");
    expect(draft.title).toBeNull();
    expect(shape(draft.nodes)).toEqual([
      "task:13.:13:推动特殊教育发展",
      "task:14.:14:规范民办教育",
      "task:15.:15:加强校外培训监管",
    ]);
    expect(draft.warnings.some((w) => w.includes("从 13 开始"))).toBe(true);
  });

  it("reads 1． 1、 `1 .`, a bare `1 ` and ① markers, lead phrases on their own line, and 、 followed by spaces", () => {
    const { draft } = parseFixture("lead-own-line.txt");
    expect(shape(flatNodes(draft.nodes))).toEqual([
      "section:一、:1:加强党的建设",
      "task:１．:1:落实意识形态责任制",
      "task:２、:2:深化作风建设",
      "subtask:①:1:开展专项检查6次",
      "subtask:②:2:通报典型问题",
      "task:3 .:3:推进党务公开",
      "section:二、:2:办好各级各类教育",
      "task:4:4:提升高中教育质量",
      "task:5:5:发展职业教育",
    ]);
    expect(tasksOf(draft)[0]!.measures.map((m) => m.text)).toEqual([
      "每季度专题研究意识形态工作1次，开展网络舆情培训2场。",
    ]);
  });

  it("numbers straight through sections when the document does", () => {
    const text =
      "某县教育局2024年工作要点\n一、党建\n1.甲任务。\n2.乙任务。\n二、教学\n3.丙任务。\n4.丁任务。";
    expect(tasksOf(parsePlan(text)).map((t) => t.number)).toEqual([1, 2, 3, 4]);
  });

  it("keeps prose numbers that break the sequence inside the task text", () => {
    const text = "某县教育局2024年工作要点\n1.甲任务。主要做法：\n1.第一点\n2.乙任务。";
    const tasks = tasksOf(parsePlan(text));
    expect(tasks.map((t) => t.title)).toEqual(["甲任务", "乙任务"]);
    expect(tasks[0]!.text).toContain("1.第一点");
  });
});

describe("text layouts", () => {
  it("finds markers mid-line when the whole body is flattened onto one line", () => {
    const { draft } = parseFixture("flattened.txt");
    expect(draft.title).toBe("瓦房店市教育局2023年工作要点");
    expect(draft.preamble?.text).toBe("2023年工作总体思路是坚持立德树人。");
    expect(shape(flatNodes(draft.nodes))).toEqual([
      "section:一、:1:坚持党的全面领导",
      "task:1.:1:推进学习宣传",
      "task:2.:2:加强政治建设",
      "section:二、:2:办好人民满意的教育",
      "task:3.:3:促进学前教育普及普惠发展",
      "task:4.:4:推进特殊教育发展",
    ]);
    expect(targetsOf(draft).map((t) => t.indicator)).toEqual([
      "专题培训",
      "党建示范校",
      "普惠园覆盖率",
      "适龄残疾儿童入学率",
    ]);
  });

  it("re-joins hard-wrapped PDF lines broken inside words and numbers, ignoring stray spaces and indentation", () => {
    const { text, draft } = parseFixture("pdf-wrapped.txt");
    const tasks = tasksOf(draft);
    expect(tasks.map((t) => t.title)).toEqual(["扩大普惠性资源供给", "提高保教质量", "深化课堂教学改革"]);
    const targets = targetsOf(draft);
    expect(targets.map((t) => [t.indicator, t.value])).toEqual([
      ["普惠性幼儿园覆盖率", 92.5],
      ["公办幼儿园在园幼儿占比", 60],
      ["优质园", 10],
      ["优秀课例", 150],
      ["学生体质健康达标率", 95],
    ]);
    // The quoted text keeps the original line break, so it can be highlighted in place.
    expect(targets[3]!.text).toBe("推送优秀课例1\n50节");
    expect(text.slice(...targets[3]!.span)).toBe(targets[3]!.text);
    expect(draft.nodes[0]!.children[0]!.milestones[0]!.title).toBe("新区幼儿园开园");
  });

  it("reads traditional characters and keeps them as written", () => {
    const { draft } = parseFixture("traditional.txt");
    expect(draft.title).toBe("新竹縣教育處2024年工作要點");
    expect(draft.issuer).toBe("新竹縣教育處");
    expect(tasksOf(draft).map((t) => t.title)).toEqual([
      "落實校園安全責任",
      "推進心理健康教育",
      "發展學前教育",
    ]);
    const targets = targetsOf(draft);
    expect(targets.map((t) => [t.indicator, t.comparator, t.value, t.unit])).toEqual([
      ["安全隱患排查", "eq", 4, "次"],
      ["校園監控覆蓋率", "eq", 100, "%"],
      ["專職心理教師", "gte", 1, "名"],
      ["公辦學位", "eq", 500, "个"],
      ["普惠園覆蓋率", "gte", 90, "%"],
    ]);
    expect(tasksOf(draft)[0]!.owners).toEqual({ lead: ["安全稽核科"], co: [] });
  });

  it("handles Windows line breaks, blank-line noise and a byte-order mark", () => {
    const text =
      "\ufeff某县教育局2024年工作要点\r\n\r\n\r\n一、党建\r\n\r\n1.甲任务。开展培训2次。\r\n\r\n\r\n2.乙任务。";
    const draft = parsePlan(text);
    expect(draft.title).toBe("某县教育局2024年工作要点");
    expect(tasksOf(draft).map((t) => t.title)).toEqual(["甲任务", "乙任务"]);
    expect(text.slice(...targetsOf(draft)[0]!.span)).toBe("开展培训2次");
  });
});

describe("tables pasted as text", () => {
  it("turns each row into a task with its target, responsible units and deadline", () => {
    const { draft } = parseFixture("table.txt");
    expect(draft.kind).toBe("plan");
    const tasks = tasksOf(draft);
    expect(tasks.map((t) => [t.number, t.title, t.deadline])).toEqual([
      [1, "推进校园足球特色学校建设", "2024-10"],
      [2, "加强教师培训", "2024-12-31"],
      [3, "推进智慧校园建设", "2024-12-31"],
    ]);
    expect(tasks[0]!.owners).toEqual({ lead: ["体卫艺科"], co: ["教研中心"] });
    expect(tasks[0]!.measures.map((m) => m.text)).toEqual(["组织校园足球联赛。"]);
    expect(targetsOf(draft).map((t) => [t.indicator, t.comparator, t.value, t.unit, t.deadline])).toEqual([
      ["校园足球特色学校", "eq", 5, "所", "2024-10"],
      ["培训骨干教师", "eq", 300, "人", "2024-12-31"],
      ["智慧校园达标率", "gte", 80, "%", "2024-12-31"],
    ]);
  });

  it("reads rows separated by wide spaces without a header", () => {
    const text =
      "某县教育局2024年工作要点\n1  建设书香校园  新建图书角50个  基础教育科  2024年9月\n2  开展读书节  举办读书节1次  教研室  2024年4月";
    const tasks = tasksOf(parsePlan(text));
    expect(tasks.map((t) => [t.title, t.owners?.lead, t.deadline])).toEqual([
      ["建设书香校园", ["基础教育科"], "2024-09"],
      ["开展读书节", ["教研室"], "2024-04"],
    ]);
  });
});

describe("marker variants", () => {
  it("reads ASCII (一) and (1) markers and full-width （1） subtasks", () => {
    const text =
      "某县教育局2024年工作要点\n一、党建\n(一)加强学习。\n(1)集中学习。\n（2）专题研讨。\n(二)严明纪律。";
    const nodes = flatNodes(parsePlan(text).nodes);
    expect(shape(nodes)).toEqual([
      "section:一、:1:党建",
      "task:(一):1:加强学习",
      "subtask:(1):1:集中学习",
      "subtask:（2）:2:专题研讨",
      "task:(二):2:严明纪律",
    ]);
  });

  it("does not mistake a spaced-out count in mid-line for the next task", () => {
    const text = "某县教育局2024年工作要点\n4 甲任务。开展 5 批次检查。\n5 乙任务。";
    expect(tasksOf(parsePlan(text)).map((t) => t.number)).toEqual([4, 5]);
  });
});
