import type { InjectOptions } from "fastify";
import { demoReporters } from "./demo-data.js";

/** A demo user acting through the API, as the browser would. */
export interface DemoActor {
  call<T = Record<string, unknown>>(
    method: InjectOptions["method"],
    url: string,
    payload?: unknown,
  ): Promise<T>;
}

/** What a story step may use: the acting users, the clock and the snapshot recorder. */
export interface DemoStage {
  as(login: string): Promise<DemoActor>;
  at(instant: string): void;
  recordSnapshot(planId: string): Promise<void>;
  /** Unit ids by name. */
  unitId(name: string): string;
}

/** The last instant of the demo's story: a server whose clock is earlier gets no demo plan. */
export const DEMO_STORY_END = new Date("2023-06-14T16:00:00+08:00");

/** What the demo's story made, for its tests. */
export interface DemoPlanIds {
  planId: string;
  bulletinId: string;
}

/** A node of the plan tree as the story reads it. */
interface StoryNode {
  id: string;
  level: string;
  number: number | null;
  version: number;
  indicators: { id: string; name: string }[];
  children: StoryNode[];
}

/** The task 学前教育科 hands to the kindergartens (task 9), and its indicator they report. */
const TASK_9 = 9;
const INDICATOR = "公办幼儿园在园幼儿占比";
/** A task the bureau brought forward to the end of May and which is overdue by June (task 8, 家校协同育人). */
const TASK_BROUGHT_FORWARD = 8;

/** The reporting kindergartens by short name, each with its 园长's login. */
const kg = Object.fromEntries(demoReporters.map(([login, , unit]) => [login, { login, unit }])) as Record<
  string,
  { login: string; unit: string }
>;

function walk(nodes: StoryNode[]): StoryNode[] {
  return nodes.flatMap((n) => [n, ...walk(n.children)]);
}

function task(nodes: StoryNode[], number: number): StoryNode {
  const found = walk(nodes).find((n) => n.level === "task" && n.number === number);
  if (!found) throw new Error(`演示计划中没有第 ${number} 项任务`);
  return found;
}

/** One kindergarten's report of a cycle, submitted; its id and version for the review. */
async function report(
  stage: DemoStage,
  who: string,
  filing: { assignmentId: string; cycleId: string; indicatorId: string },
  fields: { progress: number; value: number; done: string },
): Promise<{ id: string; version: number }> {
  const school = await stage.as(who);
  return school.call("POST", `/api/assignments/${filing.assignmentId}/reports`, {
    cycleId: filing.cycleId,
    progress: fields.progress,
    doneText: fields.done,
    problemsText: "部分园所教师编制不足，保教人员配备仍有缺口。",
    nextText: "继续推进公办园扩容，下月完成新增学位验收。",
    values: [{ indicatorId: filing.indicatorId, value: fields.value }],
    submit: true,
  });
}

async function approve(dept: DemoActor, r: { id: string; version: number }): Promise<void> {
  await dept.call("POST", `/api/reports/${r.id}/review`, { decision: "approve", version: r.version });
}

/**
 * The demo plan's life from 5 May to 14 June 2023: published by 督查室, task 9 handed to six kindergartens, the May
 * cycle (five on time, one late, all approved), the June cycle due on the 10th (two approved, one returned, one
 * late, two missing), 督办单 to the missing two (one answered and accepted), two public sections and the May 通报
 * issued. Each step runs on its own day of the story's clock, with snapshots recorded along the way.
 */
export async function playDemoStory(stage: DemoStage, text: string): Promise<DemoPlanIds> {
  stage.at("2023-05-04T09:00:00+08:00");
  const office = await stage.as("ducha");
  const draft = await office.call<{ id: string; version: number }>("POST", "/api/plan-imports", {
    text,
    filename: "瓦房店市教育局2023年工作要点.txt",
  });
  const { planId } = await office.call<{ planId: string }>("POST", `/api/plan-imports/${draft.id}/publish`, {
    version: draft.version,
  });
  const plan = await office.call<{ version: number; lightTolerance: number; nodes: StoryNode[] }>(
    "GET",
    `/api/plans/${planId}`,
  );
  // Reports are due on the 10th of each month, as the bureau asks its schools.
  await office.call("PUT", `/api/plans/${planId}/settings`, {
    cadence: "monthly",
    cadenceDueDay: 10,
    lightTolerance: plan.lightTolerance,
    version: plan.version,
  });
  const early = task(plan.nodes, TASK_BROUGHT_FORWARD);
  await office.call("PUT", `/api/nodes/${early.id}`, {
    dueDate: "2023-05-31",
    reason: "按局党组要求，家长学校建设于5月底前完成",
    version: early.version,
  });
  // The 1st of each month before publishing, as the daily job records them: the trend starts in January.
  for (const month of [1, 2, 3, 4, 5]) {
    stage.at(`2023-0${month}-01T08:00:00+08:00`);
    await stage.recordSnapshot(planId);
  }
  const task9 = task(plan.nodes, TASK_9);
  const indicatorId = task9.indicators.find((i) => i.name === INDICATOR)?.id;
  if (!indicatorId) throw new Error(`演示计划第 9 项任务没有指标“${INDICATOR}”`);

  stage.at("2023-05-04T10:00:00+08:00");
  const dept = await stage.as("xueqian");
  await dept.call("POST", `/api/nodes/${task9.id}/assignments`, {
    unitIds: Object.values(kg).map((k) => stage.unitId(k.unit)),
    role: "executor",
    indicatorIds: [indicatorId],
  });
  const may = await (await stage.as("ducha")).call<{ id: string; version: number }>(
    "POST",
    `/api/plans/${planId}/cycles`,
    {},
  );
  const { items } = await dept.call<{ items: { id: string; unit: { name: string }; version: number }[] }>(
    "GET",
    `/api/nodes/${task9.id}/assignments`,
  );
  const assignment = (who: string) => {
    const found = items.find((a) => a.unit.name === kg[who]!.unit);
    if (!found) throw new Error(`演示交办缺少 ${kg[who]!.unit}`);
    return found;
  };
  stage.at("2023-05-05T09:00:00+08:00");
  for (const who of Object.keys(kg)) {
    const a = assignment(who);
    await (await stage.as(who)).call("POST", `/api/assignments/${a.id}/acknowledge`, { version: a.version });
  }
  const filing = (who: string, cycleId: string) => ({
    assignmentId: assignment(who).id,
    cycleId,
    indicatorId,
  });

  // 2023年5月, due 10 May: five in on time, 启明星 two days late; all approved.
  stage.at("2023-05-08T14:00:00+08:00");
  const mayValues: [string, number, number][] = [
    ["dieryou", 30, 52],
    ["fuzhouyou", 25, 48],
    ["liguanyou", 20, 46],
    ["delisiyou", 15, 41],
    ["yangguang", 30, 55],
  ];
  const mayReports = [];
  for (const [who, progress, value] of mayValues)
    mayReports.push(
      await report(stage, who, filing(who, may.id), {
        progress,
        value,
        done: "完成公办学位摸底，制定扩增方案。",
      }),
    );
  stage.at("2023-05-09T10:00:00+08:00");
  for (const r of mayReports) await approve(await stage.as("xueqian"), r);
  stage.at("2023-05-12T09:00:00+08:00");
  const lateMay = await report(stage, "qimingxing", filing("qimingxing", may.id), {
    progress: 10,
    value: 38,
    done: "完成普惠性民办园认定材料整理。",
  });
  stage.at("2023-05-12T15:00:00+08:00");
  await approve(await stage.as("xueqian"), lateMay);
  stage.at("2023-05-15T18:00:00+08:00");
  await stage.recordSnapshot(planId);
  stage.at("2023-05-31T18:00:00+08:00");
  await stage.recordSnapshot(planId);

  // 2023年6月, due 10 June.
  stage.at("2023-06-01T09:00:00+08:00");
  const office2 = await stage.as("ducha");
  await office2.call("POST", `/api/cycles/${may.id}/close`, { version: may.version });
  const june = await office2.call<{ id: string }>("POST", `/api/plans/${planId}/cycles`, {});
  await stage.recordSnapshot(planId);
  stage.at("2023-06-08T10:00:00+08:00");
  const juneIn: Record<string, { id: string; version: number }> = {};
  for (const [who, progress, value] of [
    ["dieryou", 55, 56],
    ["fuzhouyou", 45, 51],
    ["yangguang", 50, 58],
  ] as const)
    juneIn[who] = await report(stage, who, filing(who, june.id), {
      progress,
      value,
      done: "新增公办学位已完成招生准备，改扩建工程按计划推进。",
    });
  stage.at("2023-06-09T10:00:00+08:00");
  const dept2 = await stage.as("xueqian");
  await approve(dept2, juneIn.dieryou!);
  await approve(dept2, juneIn.fuzhouyou!);
  await dept2.call("POST", `/api/reports/${juneIn.yangguang!.id}/review`, {
    decision: "return",
    reason: "请补充本月新增学位的佐证材料后重新提交。",
    version: juneIn.yangguang!.version,
  });
  stage.at("2023-06-11T18:00:00+08:00");
  await stage.recordSnapshot(planId);

  stage.at("2023-06-12T09:00:00+08:00");
  const lateJune = await report(stage, "liguanyou", filing("liguanyou", june.id), {
    progress: 40,
    value: 49,
    done: "中心园改扩建主体完工，正在进行室内装修。",
  });
  stage.at("2023-06-12T10:00:00+08:00");
  const office3 = await stage.as("ducha");
  await office3.call("POST", "/api/notices", {
    nodeId: task9.id,
    assignmentId: assignment("delisiyou").id,
    level: "yellow",
    reason: "2023年6月进展未按期报送，请说明原因并于限期内报送。",
    replyDue: "2023-06-19",
  });
  const notice = await office3.call<{ id: string }>("POST", "/api/notices", {
    nodeId: task9.id,
    assignmentId: assignment("qimingxing").id,
    level: "blue",
    reason: "2023年6月进展未按期报送，请尽快报送。",
    replyDue: "2023-06-16",
  });
  stage.at("2023-06-12T16:00:00+08:00");
  await approve(await stage.as("xueqian"), lateJune);
  stage.at("2023-06-13T15:00:00+08:00");
  const replied = await (await stage.as("qimingxing")).call<{ version: number }>(
    "POST",
    `/api/notices/${notice.id}/reply`,
    { text: "因园长外出培训未能按期报送，已安排专人负责，本周内补报。", measures: "明确专人负责每月报送。" },
  );
  stage.at("2023-06-14T10:00:00+08:00");
  const office4 = await stage.as("ducha");
  await office4.call("POST", `/api/notices/${notice.id}/decision`, {
    decision: "accept",
    version: replied.version,
  });
  await publishTwoSections(office4, planId);

  // The May 通报, drafted from the snapshot of 31 May and issued with the year's first 文号.
  stage.at("2023-06-14T15:00:00+08:00");
  const office5 = await stage.as("ducha");
  const bulletin = await office5.call<{ id: string; version: number }>(
    "POST",
    `/api/plans/${planId}/bulletins`,
    {
      title: "关于2023年5月重点工作落实情况的督查通报",
      from: "2023-05-01",
      to: "2023-05-31",
    },
  );
  await office5.call("POST", `/api/bulletins/${bulletin.id}/issue`, { version: bulletin.version });
  stage.at(DEMO_STORY_END.toISOString());
  await stage.recordSnapshot(planId);
  return { planId, bulletinId: bulletin.id };
}

/** Makes the plan public with its third and fourth sections（部分）and their indicators. */
async function publishTwoSections(office: DemoActor, planId: string): Promise<void> {
  const settings = await office.call<{
    version: number;
    nodes: { id: string; level: string; parentId: string | null }[];
    indicators: { id: string; nodeId: string }[];
  }>("GET", `/api/plans/${planId}/public-settings`);
  const sections = settings.nodes.filter((n) => n.level === "section").slice(2, 4);
  const parent = new Map(settings.nodes.map((n) => [n.id, n.parentId]));
  const inSections = (id: string): boolean => {
    for (let at: string | null | undefined = id; at; at = parent.get(at))
      if (sections.some((s) => s.id === at)) return true;
    return false;
  };
  await office.call("PUT", `/api/plans/${planId}/public-settings`, {
    public: true,
    nodeIds: sections.map((s) => s.id),
    indicatorIds: settings.indicators.filter((i) => inSections(i.nodeId)).map((i) => i.id),
    version: settings.version,
  });
}
