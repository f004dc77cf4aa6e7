import type { PlanDetail, PlanTreeNode } from "@duban/domain";
import mammoth from "mammoth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.js";
import { buildTenant, buildUser, TEST_PASSWORD } from "../../test/factories.js";
import { dayFromToday } from "../../test/notice-fixtures.js";
import { assignTask9AndOpenCycle, buildPublishedPlan, flattenTree } from "../../test/plan-fixtures.js";
import { signIn, type TestSession } from "../../test/session.js";
import { createTestApp, TEST_NOW, type TestApp } from "../../test/test-app.js";

let t: TestApp;
let p: Awaited<ReturnType<typeof buildPublishedPlan>>;
let plan: PlanDetail;
let leader: TestSession;
let inspector: TestSession;
let stranger: TestSession;
let noticeNumber: string;

/** Files a submitted report of an assignment for a cycle and returns it. */
async function file(s: TestSession, assignmentId: string, body: Record<string, unknown>) {
  const res = await s.post(`/api/assignments/${assignmentId}/reports`, { submit: true, ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number };
}

/** The lead department approves a report, a minute after the last approval. */
async function approve(report: { id: string; version: number }) {
  t.clock.advance(60_000);
  const res = await p.lead.post(`/api/reports/${report.id}/review`, {
    decision: "approve",
    version: report.version,
  });
  expect(res.statusCode, res.body).toBe(200);
}

/** The paragraphs of a downloaded .docx. */
async function paragraphsOf(bytes: Buffer): Promise<string[]> {
  return (await mammoth.extractRawText({ buffer: bytes })).value.split("\n").filter(Boolean);
}

// Task 9 reported by both kindergartens: the first three times (April, May and June, June repeating May's words),
// the second once, a returned report left out; a red 督办单 and the 整改 item raised from it still open.
beforeAll(async () => {
  t = await createTestApp();
  p = await buildPublishedPlan(t);
  const g = await assignTask9AndOpenCycle(p, {
    name: "2023年4月",
    startDate: "2023-04-01",
    dueDate: "2023-04-25",
  });
  const close = async (cycle: { id: string; version: number }) =>
    expect(
      (await p.supervisor.post(`/api/cycles/${cycle.id}/close`, { version: cycle.version })).statusCode,
    ).toBe(204);
  const open = async (body: Record<string, string>) => {
    const res = await p.supervisor.post(`/api/plans/${p.planId}/cycles`, body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; version: number };
  };
  const mine = g.assignment.id;
  await approve(
    await file(p.kg1, mine, {
      cycleId: g.cycle.id,
      progress: 10,
      doneText: "完成分园选址。",
      problemsText: "资金未到位。",
    }),
  );
  await close(g.cycle);
  const may = await open({ name: "2023年5月", startDate: "2023-05-01", dueDate: "2023-05-25" });
  await approve(await file(p.kg1, mine, { cycleId: may.id, progress: 30, doneText: "分园开工建设。" }));
  const returned = await file(p.kg2, g.second.id, { cycleId: may.id, progress: 20, doneText: "尚未开工。" });
  const back = await p.lead.post(`/api/reports/${returned.id}/review`, {
    decision: "return",
    reason: "请补充照片",
    version: returned.version,
  });
  expect(back.statusCode, back.body).toBe(200);
  await close(may);
  const june = await open({});
  await approve(
    await file(p.kg2, g.second.id, {
      cycleId: june.id,
      progress: 50,
      doneText: "新增公办学位60个。",
      values: [{ indicatorId: g.indicatorId, value: 55 }],
    }),
  );
  await approve(
    await file(p.kg1, mine, {
      cycleId: june.id,
      progress: 40,
      doneText: "分园开工建设。",
      problemsText: "分园装修滞后。",
      values: [{ indicatorId: g.indicatorId, value: 48 }],
    }),
  );
  t.clock.set(TEST_NOW);
  const notice = await p.supervisor.post("/api/notices", {
    nodeId: p.task9.id,
    assignmentId: mine,
    level: "red",
    reason: "分园装修滞后于序时进度，请说明原因",
    replyDue: dayFromToday(t, 5),
  });
  expect(notice.statusCode, notice.body).toBe(201);
  noticeNumber = notice.json().documentNumber;
  const item = await p.supervisor.post("/api/rectifications", {
    unitId: p.kindergarten.id,
    problem: "分园装修进度滞后",
    requirement: "7月底前完成装修",
    deadline: "2023-07-31",
    responsiblePerson: "王园长",
    source: "supervision",
    sourceId: notice.json().id,
  });
  expect(item.statusCode, item.body).toBe(201);
  plan = (await p.supervisor.get(`/api/plans/${p.planId}`)).json();
  const db = t.database.db as Db;
  const [leaderUser, inspectorUser] = await Promise.all([
    buildUser(db, { tenantId: p.tenant.id, role: "leader" }),
    buildUser(db, { tenantId: p.tenant.id, role: "inspector" }),
  ]);
  leader = await signIn(t.app, leaderUser.login, TEST_PASSWORD);
  inspector = await signIn(t.app, inspectorUser.login, TEST_PASSWORD);
  const other = await buildTenant(db);
  stranger = await signIn(
    t.app,
    (await buildUser(db, { tenantId: other.id, role: "supervisor" })).login,
    TEST_PASSWORD,
  );
}, 120_000);
afterAll(async () => t?.close());

const url = (planId: string, query = "") => `/api/plans/${planId}/summary-document${query}`;
const headingOf = (n: PlanTreeNode) => `${n.label ?? ""}${n.title}`;

describe("GET /api/plans/:id/summary-document", () => {
  let paragraphs: string[];
  beforeAll(async () => {
    const res = await p.supervisor.get(url(p.planId));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-disposition"]).toContain("annual-summary-2023-draft.docx");
    paragraphs = await paragraphsOf(res.rawPayload);
  });

  it("opens with the draft's title, marked 初稿, and no 版头", () => {
    expect(paragraphs[0]).toBe(`${plan.issuer}2023年度工作总结（初稿）`);
    expect(paragraphs[1]).toMatch(new RegExp(`^2023年，${plan.issuer}认真落实《${plan.title}》各项部署`));
  });

  it("follows the plan's own structure: every section and task heading, in the plan's order", () => {
    const headings = flattenTree(plan.nodes).map(headingOf);
    const positions = headings.map((h) => paragraphs.indexOf(h));
    expect(positions.every((at) => at > 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((x, y) => x - y));
  });

  it("puts under task 9 each unit's approved reports, newest first, repeated words once", () => {
    const nodes = flattenTree(plan.nodes);
    const task9 = nodes.find((n) => n.id === p.task9.id)!;
    const next = nodes[nodes.indexOf(task9) + 1]!;
    const section = paragraphs.slice(
      paragraphs.indexOf(headingOf(task9)),
      paragraphs.indexOf(headingOf(next)),
    );
    expect(section).toEqual([
      "9.促进学前教育普及普惠发展",
      "完成情况：",
      "西城幼儿园：分园开工建设。",
      "完成分园选址。",
      `${p.secondKindergarten.name}：新增公办学位60个。`,
      "指标完成情况：",
      // The mean of the two kindergartens' approved values, 48 % and 55 %.
      "公办幼儿园在园幼儿占比：目标≥50%，当前51.5%（已报 2/2），已达成。",
      "普惠园覆盖率：目标≥85%，暂无数据。",
      "存在问题：",
      "西城幼儿园：分园装修滞后。",
      `督办单未办结：${noticeNumber}（西城幼儿园，红色督办）分园装修滞后于序时进度，请说明原因`,
      "整改未销号：西城幼儿园，分园装修进度滞后（整改期限2023-07-31）",
    ]);
    expect(paragraphs.join("\n")).not.toContain("尚未开工");
  });

  it("says so under a task nobody has reported on, and has no problems to list there", () => {
    const nodes = flattenTree(plan.nodes);
    const other = nodes.find((n) => n.level === "task" && n.id !== p.task9.id && n.indicators.length === 0)!;
    const at = paragraphs.indexOf(headingOf(other));
    expect(paragraphs.slice(at + 1, at + 3)).toEqual(["完成情况：暂无审核通过的报送。", "存在问题：暂无。"]);
  });

  it("ends with the bureau's name and today's date", () => {
    expect(paragraphs.slice(-2)).toEqual([plan.issuer, "2023年6月15日"]);
  });

  it("gathers only the reports approved in the year asked for", async () => {
    const res = await leader.get(url(p.planId, "?year=2024"));
    expect(res.statusCode, res.body).toBe(200);
    const text = await paragraphsOf(res.rawPayload);
    expect(text[0]).toBe(`${plan.issuer}2024年度工作总结（初稿）`);
    const at = text.indexOf("9.促进学前教育普及普惠发展");
    expect(text[at + 1]).toBe("完成情况：暂无审核通过的报送。");
  });

  it("answers 400 naming the year when it is not one", async () => {
    const res = await p.supervisor.get(url(p.planId, "?year=abc"));
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json().error.details)).toContain("year");
  });

  it("asks for a session", async () => {
    expect((await t.app.inject({ method: "GET", url: url(p.planId) })).statusCode).toBe(401);
  });

  it("refuses admins, departments, schools and inspectors with 403", async () => {
    for (const session of [p.admin, p.lead, p.kg1, inspector]) {
      const res = await session.get(url(p.planId));
      expect(res.statusCode).toBe(403);
      expect(res.json().error).toEqual({
        code: "forbidden",
        message: "只有督查室和局领导可以生成年度工作总结初稿",
      });
    }
  });

  it("answers 404 for another bureau's plan", async () => {
    const res = await stranger.get(url(p.planId));
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe("not_found");
  });
});
