import { describe, expect, it } from "vitest";
import { parsePlan } from "./index.js";
import { tasksOf } from "./test-fixtures/support.js";

const plan = (body: string) => tasksOf(parsePlan(`某市教育局2024年工作要点\n一、重点任务\n${body}`));

describe("responsibility and deadline annotations", () => {
  it("attaches （责任科室：…） to the task and keeps it out of measures", () => {
    const [t] = plan("1.推进标准化建设。开展评估。（责任科室：组织人事科）\n2.下一项。");
    expect(t!.owners).toEqual({ lead: ["组织人事科"], co: [] });
    expect(t!.measures.map((m) => m.text)).toEqual(["开展评估。"]);
  });

  it("reads lead and co units and the 完成时限 from （责任单位：…；完成时限：…）", () => {
    const [t] = plan("1.加强培训。举办培训班。（责任单位：教师发展科、教研室；完成时限：2024年年底前）");
    expect(t!.owners).toEqual({ lead: ["教师发展科"], co: ["教研室"] });
    expect(t!.deadline).toBe("2024-12-31");
  });

  it("reads （…牵头，…分工负责）", () => {
    const [t] = plan("1.开展廉洁教育。组织主题活动。（纪检组牵头，各学校分工负责）");
    expect(t!.owners).toEqual({ lead: ["纪检组"], co: ["各学校"] });
  });

  it("reads separate 牵头单位 / 配合单位 keys", () => {
    const [t] = plan(
      "1.推进信息化。建设智慧校园。（牵头单位：电教站；配合单位：计划财务科、基础教育科；完成时限：6月底前）",
    );
    expect(t!.owners).toEqual({ lead: ["电教站"], co: ["计划财务科", "基础教育科"] });
    expect(t!.deadline).toBe("2024-06-30");
  });

  it("attaches a separate 责任处室、单位 line to the task before it, never making it a task", () => {
    const tasks = plan(
      "1.改善办学条件。实施校舍改造。\n责任处室、单位：计划财务科（牵头）、安全稳定科\n2.下一项。",
    );
    expect(tasks.map((t) => t.title)).toEqual(["改善办学条件", "下一项"]);
    expect(tasks[0]!.owners).toEqual({ lead: ["计划财务科"], co: ["安全稳定科"] });
    expect(tasks[0]!.measures.map((m) => m.text)).toEqual(["实施校舍改造。"]);
  });

  it("dates a task's undated targets by its 完成时限", () => {
    const [t] = plan("1.建设书香校园。新建图书角50个。（完成时限：2024年9月）");
    expect(t!.targets[0]).toMatchObject({ value: 50, deadline: "2024-09" });
  });

  it("leaves brackets that are not annotations in the text", () => {
    const [t] = plan("1.落实意见。贯彻《中小学管理办法（试行）》。");
    expect(t!.owners).toBeNull();
    expect(t!.measures.map((m) => m.text)).toEqual(["贯彻《中小学管理办法（试行）》。"]);
  });

  it("attaches owners written without brackets at the end of a task", () => {
    const [a, b, c] = plan(
      [
        "1.建设书香校园。开展阅读活动。责任单位：基础教育科、教研室",
        "2.规范课后服务。开展专项检查。牵头单位：基础教育科；配合单位：财务科。",
        "3.加强安全教育。开展应急演练。由安全稳定科牵头，各学校配合。",
      ].join("\n"),
    );
    expect([a, b, c].map((t) => [t!.owners, t!.measures.map((m) => m.text)])).toEqual([
      [{ lead: ["基础教育科"], co: ["教研室"] }, ["开展阅读活动。"]],
      [{ lead: ["基础教育科"], co: ["财务科"] }, ["开展专项检查。"]],
      [{ lead: ["安全稳定科"], co: ["各学校"] }, ["开展应急演练。"]],
    ]);
  });

  it("leaves a sentence that only mentions 负责 in the measures", () => {
    const [t] = plan("1.落实安全责任。各学校校长负责组织开展隐患排查。");
    expect(t!.owners).toBeNull();
    expect(t!.measures.map((m) => m.text)).toEqual(["各学校校长负责组织开展隐患排查。"]);
  });
});
