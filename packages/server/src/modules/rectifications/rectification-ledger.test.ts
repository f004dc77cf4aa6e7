import { shanghaiDate } from "@duban/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildAssignedPlan } from "../../test/notice-fixtures.js";
import { buildLedgerBureau, itemBody, type LedgerBureau } from "../../test/rectification-fixtures.js";
import { createTestApp, type TestApp } from "../../test/test-app.js";
import { readXlsx } from "../../test/upload.js";

let t: TestApp;
let b: LedgerBureau;
let accepted: { createdAt: string };
beforeAll(async () => {
  t = await createTestApp();
  b = await buildLedgerBureau(t);
  const raise = async (overrides: Record<string, unknown>) => {
    const res = await b.supervisor.post("/api/rectifications", itemBody(b, overrides));
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const fire = await raise({});
  await raise({ problem: "食堂留样记录不全", requirement: "补齐留样台账", unitId: b.otherSchool.id });
  const returned = await raise({ problem: "实验室危化品未双人双锁", requirement: "落实双人双锁" });
  const answer = async (item: { id: string }, measures: string, version: number) => {
    const res = await b.schoolUser.post(`/api/rectifications/${item.id}/submit`, { measures, version });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().version as number;
  };
  const v1 = await answer(fire, "已清理通道，每日巡查", 0);
  const ok = await b.supervisor.post(`/api/rectifications/${fire.id}/verify`, {
    decision: "accept",
    version: v1,
  });
  expect(ok.statusCode, ok.body).toBe(200);
  accepted = ok.json();
  const v2 = await answer(returned, "已购置保险柜", 0);
  const back = await b.supervisor.post(`/api/rectifications/${returned.id}/verify`, {
    decision: "return",
    reason: "缺少双人签字记录",
    version: v2,
  });
  expect(back.statusCode, back.body).toBe(200);
});
afterAll(() => t.close());

/** The exported 整改台账's rows after the header. */
async function exported(q: string): Promise<string[][]> {
  const res = await b.supervisor.get(`/api/rectifications/export.xlsx?q=${encodeURIComponent(q)}`);
  expect(res.statusCode, res.body).toBe(200);
  return (await readXlsx(res.rawPayload)).整改台账!.slice(1);
}

describe("the 整改台账's export", () => {
  it("prints the issue date, the measures, the reply date, the 验收 verdict and the close date", async () => {
    const issued = shanghaiDate(new Date(accepted.createdAt));
    // Answered and accepted on the app's clock, 2023-06-15; issued on the database's.
    expect((await exported("消防")).map((r) => r.slice(10))).toEqual([
      [issued, "已清理通道，每日巡查", "2023-06-15", "通过", "2023-06-15"],
    ]);
    expect((await exported("危化品")).map((r) => r.slice(10))).toEqual([
      [issued, "已购置保险柜", "2023-06-15", "退回：缺少双人签字记录", ""],
    ]);
  });

  it("names the 牵头科室 of the task behind an item found through a 督办单", async () => {
    const p = await buildAssignedPlan(t);
    const notice = await p.supervisor.post("/api/notices", {
      nodeId: p.task9.id,
      assignmentId: p.assignmentId,
      level: "yellow",
      reason: "公办学位扩增滞后",
      replyDue: "2023-06-30",
    });
    expect(notice.statusCode, notice.body).toBe(201);
    const item = await p.supervisor.post("/api/rectifications", {
      unitId: p.kindergarten.id,
      problem: "公办学位扩增进度滞后于序时",
      requirement: "制定扩增计划并按月报送",
      deadline: "2023-07-31",
      source: "supervision",
      sourceId: notice.json().id,
    });
    expect(item.statusCode, item.body).toBe(201);
    const safety = await p.supervisor.post("/api/rectifications", {
      unitId: p.kindergarten.id,
      problem: "园舍围栏破损",
      requirement: "一周内修复",
      deadline: "2023-07-31",
      source: "safety",
    });
    expect(safety.statusCode, safety.body).toBe(201);
    const res = await p.supervisor.get("/api/rectifications/export.xlsx");
    expect(res.statusCode, res.body).toBe(200);
    const rows = (await readXlsx(res.rawPayload)).整改台账!;
    expect(rows[0]![2]).toBe("牵头科室");
    // Task 9 is led by 学前教育科 (the plan fixture's keyword 学前); the 安全隐患 item has no task behind it.
    expect(rows.slice(1).map((r) => [r[3], r[2]])).toEqual([
      ["公办学位扩增进度滞后于序时", "学前教育科"],
      ["园舍围栏破损", ""],
    ]);
  });

  it("honours the keyword as the list does: problem, requirement or unit", async () => {
    const list = async (q: string) =>
      (await b.supervisor.get(`/api/rectifications?q=${encodeURIComponent(q)}`)).json().total;
    expect([await list("留样"), (await exported("留样")).length]).toEqual([1, 1]);
    expect([await list("双人双锁"), (await exported("双人双锁")).length]).toEqual([1, 1]);
    expect([await list(b.school.name), (await exported(b.school.name)).length]).toEqual([2, 2]);
    expect([await list("无此问题"), (await exported("无此问题")).length]).toEqual([0, 0]);
  });
});
