import type { AssessmentResultView, Assignment } from "@duban/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.js";
import { runAssessment } from "../../test/assessment-fixtures.js";
import { buildUnit, buildUser, TEST_PASSWORD } from "../../test/factories.js";
import { assignTask9AndOpenCycle, buildPublishedPlan } from "../../test/plan-fixtures.js";
import { signIn } from "../../test/session.js";
import { createTestApp, TEST_NOW, type TestApp } from "../../test/test-app.js";

let t: TestApp;
let results: AssessmentResultView[];
beforeAll(async () => {
  t = await createTestApp();
  results = await buildHistoriesAndRun();
}, 180_000);
afterAll(async () => {
  t?.clock.set(TEST_NOW);
  await t?.close();
});

/** Shanghai morning of a 2023 day. */
const at = (day: string) => new Date(`${day}T10:00:00+08:00`);

/**
 * Three kindergartens on task 9 of the seed plan, the June cycle due 2023-06-25, followed through June on the
 * app's clock; then the default scheme run as of 2023-06-30.
 */
async function buildHistoriesAndRun(): Promise<AssessmentResultView[]> {
  const p = await buildPublishedPlan(t);
  const db = t.database.db as Db;
  const third = await buildUnit(db, p.tenant.id, { name: "东城幼儿园", schoolType: "kindergarten" });
  const { cycle, indicatorId, assignment, second } = await assignTask9AndOpenCycle(p);
  const list = (await p.lead.get(`/api/nodes/${p.task9.id}/assignments`)).json().items as Assignment[];
  const thirdAssignment = list.find((a) => a.unit.id === third.id) as Assignment;
  // Sessions idle out after 30 minutes of the app's clock: each day signs its actors in afresh.
  const users = {
    supervisor: await buildUser(db, { tenantId: p.tenant.id, role: "supervisor" }),
    lead: await buildUser(db, { tenantId: p.tenant.id, role: "department", unitId: p.preschool.id }),
    west: await buildUser(db, { tenantId: p.tenant.id, role: "school", unitId: p.kindergarten.id }),
    second: await buildUser(db, { tenantId: p.tenant.id, role: "school", unitId: p.secondKindergarten.id }),
  };
  const on = async (day: string, who: keyof typeof users) => {
    t.clock.set(at(day));
    return signIn(t.app, users[who].login, TEST_PASSWORD);
  };
  const ok = async (res: Promise<{ statusCode: number; body: string }>, status = 200) => {
    const r = await res;
    expect(r.statusCode, r.body).toBe(status);
    return JSON.parse(r.body);
  };
  const report = (progress: number, value: number) => ({
    cycleId: cycle.id,
    progress,
    doneText: "按计划推进",
    problemsText: "",
    nextText: "继续推进",
    values: [{ indicatorId, value }],
    fileIds: [],
    submit: true,
  });

  // 06-15 西城幼儿园 reports 80 % on time, 公办占比 52 %; approved the same day. A 市级表彰 +2.
  const west = await ok(
    (await on("2023-06-15", "west")).post(`/api/assignments/${assignment.id}/reports`, report(80, 52)),
    201,
  );
  await ok(
    (await on("2023-06-15", "lead")).post(`/api/reports/${west.id}/review`, {
      decision: "approve",
      version: west.version,
    }),
  );
  await ok(
    (await on("2023-06-15", "supervisor")).post(`/api/plans/${p.planId}/assessment-entries`, {
      unitId: p.kindergarten.id,
      itemKey: "bonus",
      points: 2,
      reason: "获评市级示范园",
    }),
    201,
  );
  // 06-20 a blue 督办单 to 第二幼儿园, reply due 06-23; replied 06-22 and accepted.
  const blue = await ok(
    (await on("2023-06-20", "supervisor")).post("/api/notices", {
      nodeId: p.task9.id,
      assignmentId: second.id,
      level: "blue",
      reason: "请按期报送六月进展",
      replyDue: "2023-06-23",
    }),
    201,
  );
  const replied = await ok(
    (await on("2023-06-22", "second")).post(`/api/notices/${blue.id}/reply`, { text: "已安排专人报送" }),
  );
  await ok(
    (await on("2023-06-22", "supervisor")).post(`/api/notices/${blue.id}/decision`, {
      decision: "accept",
      version: replied.version,
    }),
  );
  // 06-26 a red 督办单 to 东城幼儿园, reply due 06-28: never answered.
  await ok(
    (await on("2023-06-26", "supervisor")).post("/api/notices", {
      nodeId: p.task9.id,
      assignmentId: thirdAssignment.id,
      level: "red",
      reason: "六月进展逾期未报",
      replyDue: "2023-06-28",
    }),
    201,
  );
  // 06-27 第二幼儿园 reports 60 % two days late, 公办占比 45 %; approved the same day.
  const late = await ok(
    (await on("2023-06-27", "second")).post(`/api/assignments/${second.id}/reports`, report(60, 45)),
    201,
  );
  await ok(
    (await on("2023-06-27", "lead")).post(`/api/reports/${late.id}/review`, {
      decision: "approve",
      version: late.version,
    }),
  );

  const supervisor = await on("2023-07-01", "supervisor");
  const id = await runAssessment({ supervisor, planId: p.planId }, { asOf: "2023-06-30", final: false });
  const all = (await ok(supervisor.get(`/api/assessments/${id}/results`))).items as AssessmentResultView[];
  return all.filter((r) => r.category === "kindergarten");
}

/** A result's items as [label, points]. */
const items = (r: AssessmentResultView | undefined) => r?.breakdown.map((b) => [b.item, b.points]);
/** The fact lines of one item that carry points. */
const pointed = (r: AssessmentResultView | undefined, item: string) =>
  r?.breakdown
    .find((b) => b.item === item)
    ?.facts.filter((f) => f.points !== undefined)
    .map((f) => [f.text, f.points]);

/*
 * By hand, default scheme (任务完成 40, 报送纪律 20, 督办响应 15, 整改落实 10, 指标达成 15, 加减分, 一票否决).
 * On 2023-06-30 the year's 序时进度 is 181/365 = 49.59 %; with the 10-point tolerance a task below 39.59 % is
 * yellow (滞后), at or above it green. Each school holds one assignment (task 9, weight 1) and owed one report (the
 * June cycle, due 06-25).
 *
 * 西城幼儿园: 40 × 80 % = 32 (green); on time → 20; no 督办单 → 15; no 整改 → 10; 52 % ≥ 50 % → 15; +2 表彰.
 *   Total 94: above 90, but 3 units × 30 % = 0.9 → no 优秀 place, so 良好 with the quota note.
 * 第二幼儿园: 40 × 60 % = 24 (green); 2 days late → 20 − 1 × (1 − 0.5) = 19.5; blue 督办单 answered in time and
 *   accepted → 15 − 1 = 14; 10; 45 % < 50 % → 0. Total 67.5 → 合格.
 * 东城幼儿园: no report → progress 0, yellow → 40 × 0 − 1 = −1, floored at 0; missing → 20 − 1 = 19; red 督办单 not
 *   answered by its 06-28 reply day → 15 − 4 − 1 = 10; 10; no value → not met → 0. Total 39 → 不合格.
 */
describe("the worked example: three kindergartens on the seed plan, scored as of 2023-06-30", () => {
  const west = () => results[0];
  const second = () => results[1];
  const east = () => results[2];

  it("ranks and grades the three by total", () => {
    expect(results.map((r) => [r.unitName.slice(0, 2), r.rank, r.total, r.grade, r.vetoed])).toEqual([
      ["西城", 1, 94, "良好", false],
      ["第二", 2, 67.5, "合格", false],
      ["东城", 3, 39, "不合格", false],
    ]);
    expect(results.map((r) => [r.categoryLabel, r.categorySize])).toEqual([
      ["幼儿园", 3],
      ["幼儿园", 3],
      ["幼儿园", 3],
    ]);
    expect(west()?.gradeNote).toBe(
      "总分 94 分达到“优秀”分数线，受优秀比例限制（本类 3 个单位的 30%，至多 0 个），评为“良好”",
    );
    expect([second()?.gradeNote, east()?.gradeNote]).toEqual([null, null]);
  });

  it("scores 西城幼儿园: on time, target met, a 表彰", () => {
    expect(items(west())).toEqual([
      ["任务完成", 32],
      ["报送纪律", 20],
      ["督办响应", 15],
      ["整改落实", 10],
      ["指标达成", 15],
      ["加减分", 2],
      ["一票否决", 0],
    ]);
    expect(pointed(west(), "任务完成")).toEqual([["1 项任务加权平均进度 80%，40 × 80% = 32 分", 32]]);
    expect(pointed(west(), "督办响应")).toEqual([["本年度未收到督办单，得满分 15 分", 15]]);
    expect(pointed(west(), "加减分")).toEqual([["加分：获评市级示范园（+2 分）", 2]]);
    const indicator = west()?.breakdown.find((b) => b.item === "指标达成")?.facts[1];
    expect(indicator?.text).toBe("「公办幼儿园在园幼儿占比」达标：实际 52%，目标 ≥ 50%");
  });

  it("scores 第二幼儿园: a late report, a blue 督办单 answered in time, target missed", () => {
    expect(items(second())).toEqual([
      ["任务完成", 24],
      ["报送纪律", 19.5],
      ["督办响应", 14],
      ["整改落实", 10],
      ["指标达成", 0],
      ["加减分", 0],
      ["一票否决", 0],
    ]);
    expect(pointed(second(), "报送纪律")).toEqual([
      ["基础分 20 分", 20],
      ["「2023年6月」迟报 2 天（2023-06-25 截止）（−0.5 分）", -0.5],
    ]);
    expect(pointed(second(), "督办响应")).toEqual([
      ["基础分 15 分", 15],
      ["收到蓝色督办单 督办〔2023〕1号（−1 分）", -1],
    ]);
  });

  it("scores 东城幼儿园: no report, a red 督办单 left unanswered, the 任务完成 floor", () => {
    expect(items(east())).toEqual([
      ["任务完成", 0],
      ["报送纪律", 19],
      ["督办响应", 10],
      ["整改落实", 10],
      ["指标达成", 0],
      ["加减分", 0],
      ["一票否决", 0],
    ]);
    expect(pointed(east(), "任务完成")).toEqual([
      ["1 项任务加权平均进度 0%，40 × 0% = 0 分", 0],
      ["任务 9「促进学前教育普及普惠发展」进度 0%，权重 1，黄灯（−1 分）", -1],
      ["扣分以本项分值为限，本项计 0 分（+1 分）", 1],
    ]);
    expect(pointed(east(), "报送纪律")).toEqual([
      ["基础分 20 分", 20],
      ["「2023年6月」缺报（2023-06-25 截止）（−1 分）", -1],
    ]);
    expect(pointed(east(), "督办响应")).toEqual([
      ["基础分 15 分", 15],
      ["收到红色督办单 督办〔2023〕2号（−4 分）", -4],
      ["督办单 督办〔2023〕2号 逾期未回复（2023-06-28 截止）（−1 分）", -1],
    ]);
    const indicator = east()?.breakdown.find((b) => b.item === "指标达成")?.facts[1];
    expect(indicator?.text).toBe("「公办幼儿园在园幼儿占比」未达标：未报送，目标 ≥ 50%");
  });
});
