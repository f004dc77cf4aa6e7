import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.js";
import { assessments } from "../../db/schema.js";
import {
  type AssessmentBureau,
  auditActionsOf,
  buildAssessmentBureau,
  publishAssessment,
  runAssessment,
} from "../../test/assessment-fixtures.js";
import { buildPublishedPlan, type PublishedPlan } from "../../test/plan-fixtures.js";
import { armFault, disarmFault } from "../../test/rollback-faults.js";
import type { TestSession } from "../../test/session.js";
import { createTestApp, type TestApp } from "../../test/test-app.js";
import { finalisedMessage } from "./review.js";

let t: TestApp;
let b: AssessmentBureau;
let other: PublishedPlan;
beforeAll(async () => {
  t = await createTestApp();
  b = await buildAssessmentBureau(t);
  other = await buildPublishedPlan(t);
}, 180_000);
afterAll(async () => t?.close());
afterEach(() => disarmFault());

/** Each unit's [name, total, rank] in a run, as the 督查室 reads them. */
async function standings(id: string): Promise<[string, number, number][]> {
  const items = (await b.supervisor.get(`/api/assessments/${id}/results`)).json().items;
  return items.map((r: { unitId: string; total: number; rank: number }) => [
    r.unitId === b.kindergarten.id ? "西城" : "第二",
    r.total,
    r.rank,
  ]);
}

async function versionOf(id: string): Promise<number> {
  return (await b.supervisor.get(`/api/assessments/${id}`)).json().version;
}

async function appeal(s: TestSession, id: string, reason = "指标数据已报送，未计入") {
  return s.post(`/api/assessments/${id}/appeals`, { reason });
}

async function latestNotification(s: TestSession) {
  return (await s.get("/api/notifications")).json().items[0];
}

// On 2023-06-15 both kindergartens stand alike: task 9 at 0 % is yellow (任务完成 40 × 0 % − 1, floored at 0), no
// report due yet (报送纪律 20), no 督办单 (15) or 整改 item (10), the indicator not reported (指标达成 0): 45 each, the
// tie going to 第二幼儿园… by the unit register's order.
describe("the 督查室's review of a draft", () => {
  it("adjusts a unit's item with a reason, re-scores and re-ranks the run, and audits it", async () => {
    const id = await runAssessment(b, { asOf: "2023-06-15", final: false });
    expect(await standings(id)).toEqual([
      ["第二", 45, 1],
      ["西城", 45, 2],
    ]);
    const res = await b.supervisor.post(`/api/assessments/${id}/adjustments`, {
      unitId: b.kindergarten.id,
      itemKey: "bonus",
      points: 3,
      reason: "市级示范园",
      version: 0,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ itemKey: "bonus", points: 3, source: "review" });
    expect(await standings(id)).toEqual([
      ["西城", 48, 1],
      ["第二", 45, 2],
    ]);
    expect(await versionOf(id)).toBe(1);
    expect((await b.supervisor.get(`/api/assessments/${id}/adjustments`)).json().items).toHaveLength(1);
    expect(await auditActionsOf(t, b.tenant.id, id)).toEqual(["assessment.run", "assessment.adjust"]);
  });

  it("refuses a stale version, names the unit or item not in the run, and asks for a reason", async () => {
    const id = await runAssessment(b, { asOf: "2023-06-15", final: false });
    const body = { unitId: b.kindergarten.id, itemKey: "bonus", points: 1, reason: "复核", version: 0 };
    const post = (extra: Record<string, unknown>) =>
      b.supervisor.post(`/api/assessments/${id}/adjustments`, { ...body, ...extra });
    expect((await post({ version: 4 })).statusCode).toBe(409);
    const unit = await post({ unitId: b.preschool.id });
    expect(unit.json().error.details).toEqual([{ path: "unitId", message: "该单位不在本次考评中" }]);
    const item = await post({ itemKey: "nosuch" });
    expect(item.json().error.details).toEqual([{ path: "itemKey", message: "“幼儿园”类别没有该考评项" }]);
    expect((await post({ reason: "" })).json().error.details[0].path).toBe("reason");
  });

  it("refuses leaders with 403, units (a draft is unseen) and another bureau with 404", async () => {
    const id = await runAssessment(b, { asOf: "2023-06-15", final: false });
    const body = { unitId: b.kindergarten.id, itemKey: "bonus", points: 1, reason: "复核", version: 0 };
    expect((await b.leaderSession.post(`/api/assessments/${id}/adjustments`, body)).statusCode).toBe(403);
    for (const s of [b.kg1, b.admin, other.supervisor])
      expect((await s.post(`/api/assessments/${id}/adjustments`, body)).statusCode).toBe(404);
  });
});

describe("publication", () => {
  it("publishes a formal run once, opens the appeal window and tells each unit", async () => {
    const id = await runAssessment(b);
    const trial = await runAssessment(b, { asOf: "2023-06-15", final: false });
    const refused = await b.supervisor.post(`/api/assessments/${trial}/publish`, { version: 0 });
    expect([refused.statusCode, refused.json().error.message]).toEqual([
      409,
      "试评结果不能发布，请进行正式考评后发布",
    ]);
    const published = await b.supervisor.post(`/api/assessments/${id}/publish`, { version: 0 });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({
      status: "published",
      appealUntil: "2023-06-20",
      publishedAt: "2023-06-15T01:00:00.000Z",
      version: 1,
    });
    const twice = await b.supervisor.post(`/api/assessments/${id}/publish`, { version: 1 });
    expect([twice.statusCode, twice.json().error.message]).toEqual([409, "该考评结果已发布，不能重复发布"]);
    expect(await latestNotification(b.kg2)).toMatchObject({
      kind: "assessment.published",
      link: `/assessments/${id}`,
      title: "考评结果已发布：贵单位不合格，如有异议请于 2023-06-20 前提出申诉",
    });
    const edit = await b.supervisor.post(`/api/assessments/${id}/adjustments`, {
      unitId: b.kindergarten.id,
      itemKey: "bonus",
      points: 1,
      reason: "复核",
      version: 1,
    });
    expect([edit.statusCode, edit.json().error.message]).toEqual([
      409,
      "考评结果已发布，得分只能通过申诉调整",
    ]);
  });

  it("refuses leaders and units with 403 and another bureau with 404", async () => {
    const id = await runAssessment(b);
    expect((await b.leaderSession.post(`/api/assessments/${id}/publish`, { version: 0 })).statusCode).toBe(
      403,
    );
    expect((await other.supervisor.post(`/api/assessments/${id}/publish`, { version: 0 })).statusCode).toBe(
      404,
    );
    await publishAssessment(b, id);
    expect((await b.kg1.post(`/api/assessments/${id}/finalise`, { version: 1 })).statusCode).toBe(403);
  });
});

describe("appeals, end to end", () => {
  it("takes a unit's appeal, re-ranks on its acceptance with +3, then finalises and changes nothing after", async () => {
    const id = await runAssessment(b);
    await publishAssessment(b, id);
    const filed = await appeal(b.kg1, id);
    expect(filed.statusCode, filed.body).toBe(201);
    expect(filed.json()).toMatchObject({
      unitId: b.kindergarten.id,
      unitName: "西城幼儿园",
      status: "pending",
    });
    expect(await latestNotification(b.supervisor)).toMatchObject({ kind: "assessment.appeal_submitted" });
    expect((await b.kg1.get(`/api/assessments/${id}`)).json().abilities.appeal).toBe(false);
    // Another unit learns nothing of it; the 督查室 sees it waiting.
    expect((await b.kg2.get(`/api/assessments/${id}`)).json().pendingAppeals).toBe(0);
    expect((await b.supervisor.get(`/api/assessments/${id}`)).json().pendingAppeals).toBe(1);

    const early = await b.supervisor.post(`/api/assessments/${id}/finalise`, { version: 1 });
    expect([early.statusCode, early.json().error.message]).toEqual([
      409,
      "还有 1 条申诉未处理，请处理完所有申诉后再定档",
    ]);

    const decided = await b.supervisor.post(`/api/assessment-appeals/${filed.json().id}/decision`, {
      decision: "accept",
      reason: "指标数据属实",
      adjustment: { itemKey: "bonus", points: 3 },
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json()).toMatchObject({ status: "accepted", decisionReason: "指标数据属实" });
    expect(await standings(id)).toEqual([
      ["西城", 48, 1],
      ["第二", 45, 2],
    ]);
    expect(await latestNotification(b.kg1)).toMatchObject({ kind: "assessment.appeal_decided" });
    const again = await b.supervisor.post(`/api/assessment-appeals/${filed.json().id}/decision`, {
      decision: "reject",
      reason: "重复",
    });
    expect([again.statusCode, again.json().error.message]).toEqual([409, "该申诉已处理，不能重复处理"]);

    const version = await versionOf(id);
    const done = await b.supervisor.post(`/api/assessments/${id}/finalise`, { version });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: "finalised", finalisedAt: "2023-06-15T01:00:00.000Z" });
    const after = [
      await b.supervisor.post(`/api/assessments/${id}/finalise`, { version: version + 1 }),
      await b.supervisor.post(`/api/assessments/${id}/publish`, { version: version + 1 }),
      await b.supervisor.post(`/api/assessments/${id}/adjustments`, {
        unitId: b.kindergarten.id,
        itemKey: "bonus",
        points: 1,
        reason: "复核",
        version: version + 1,
      }),
      await b.supervisor.request("DELETE", `/api/assessments/${id}`, { version: version + 1 }),
      await appeal(b.kg2, id),
    ];
    expect(after.map((r) => r.statusCode)).toEqual([409, 409, 409, 409, 409]);
    expect(after[0]!.json().error.message).toBe(finalisedMessage);
    expect(await standings(id)).toEqual([
      ["西城", 48, 1],
      ["第二", 45, 2],
    ]);
    expect(await auditActionsOf(t, b.tenant.id, filed.json().id)).toEqual([
      "assessment_appeal.create",
      "assessment_appeal.accept",
    ]);
  });

  it("refuses a second appeal of the same unit and one after the window with 409", async () => {
    const id = await runAssessment(b);
    await publishAssessment(b, id);
    expect((await appeal(b.kg2, id)).statusCode).toBe(201);
    const twice = await appeal(b.kg2, id, "再次申诉");
    expect([twice.statusCode, twice.json().error.message]).toEqual([
      409,
      "贵单位已就本次考评提出申诉，不能重复申诉",
    ]);
    // The window closed yesterday.
    await (t.database.db as Db)
      .update(assessments)
      .set({ appealUntil: "2023-06-14" })
      .where(and(eq(assessments.tenantId, b.tenant.id), eq(assessments.id, id)));
    const late = await appeal(b.kg1, id);
    expect([late.statusCode, late.json().error.message]).toEqual([
      409,
      "申诉期已于 2023-06-14 结束，不能再提出申诉",
    ]);
  });

  it("refuses the 督查室 and leaders with 403, a draft, another bureau and an unassessed unit with 404", async () => {
    const draft = await runAssessment(b);
    expect((await appeal(b.kg1, draft)).statusCode).toBe(404);
    await publishAssessment(b, draft);
    for (const s of [b.supervisor, b.leaderSession]) expect((await appeal(s, draft)).statusCode).toBe(403);
    expect((await appeal(b.lead, draft)).statusCode).toBe(404);
    expect((await appeal(other.kg1, draft)).statusCode).toBe(404);
    const blank = await b.kg1.post(`/api/assessments/${draft}/appeals`, { reason: "" });
    expect([blank.statusCode, blank.json().error.details[0].path]).toEqual([400, "reason"]);
  });

  it("lists every appeal for the 督查室 and a unit's own for the unit", async () => {
    const id = await runAssessment(b);
    await publishAssessment(b, id);
    await appeal(b.kg1, id);
    await appeal(b.kg2, id);
    expect((await b.supervisor.get(`/api/assessments/${id}/appeals`)).json().items).toHaveLength(2);
    const own = (await b.kg1.get(`/api/assessments/${id}/appeals`)).json().items;
    expect(own.map((a: { unitId: string }) => a.unitId)).toEqual([b.kindergarten.id]);
    expect((await other.supervisor.get(`/api/assessments/${id}/appeals`)).statusCode).toBe(404);
  });
});

describe("deciding an appeal", () => {
  async function pendingAppeal() {
    const id = await runAssessment(b);
    await publishAssessment(b, id);
    return { id, appealId: (await appeal(b.kg1, id)).json().id as string };
  }

  it("rejects with a reason and tells the unit", async () => {
    const { id, appealId } = await pendingAppeal();
    const res = await b.supervisor.post(`/api/assessment-appeals/${appealId}/decision`, {
      decision: "reject",
      reason: "依据不足",
    });
    expect(res.json()).toMatchObject({ status: "rejected", decisionReason: "依据不足" });
    expect(await latestNotification(b.kg1)).toMatchObject({
      kind: "assessment.appeal_decided",
      title: "贵单位的考评申诉未予采纳",
    });
    expect(await standings(id)).toEqual([
      ["第二", 45, 1],
      ["西城", 45, 2],
    ]);
  });

  it("names the adjustment's item when the unit's category has none such", async () => {
    const { appealId } = await pendingAppeal();
    const res = await b.supervisor.post(`/api/assessment-appeals/${appealId}/decision`, {
      decision: "accept",
      reason: "属实",
      adjustment: { itemKey: "nosuch", points: 3 },
    });
    expect(res.json().error.details).toEqual([
      { path: "adjustment.itemKey", message: "“幼儿园”类别没有该考评项" },
    ]);
  });

  it("refuses leaders and the appealing unit with 403, another unit and another bureau with 404", async () => {
    const { appealId } = await pendingAppeal();
    const body = { decision: "reject", reason: "依据不足" };
    const url = `/api/assessment-appeals/${appealId}/decision`;
    for (const s of [b.leaderSession, b.kg1]) expect((await s.post(url, body)).statusCode).toBe(403);
    for (const s of [b.kg2, other.supervisor, b.admin])
      expect((await s.post(url, body)).statusCode).toBe(404);
  });

  it("leaves the appeal pending and the results as they were when a write fails", async () => {
    const { id, appealId } = await pendingAppeal();
    const before = await standings(id);
    const version = await versionOf(id);
    // Decide, move the run, store the adjustment, clear the results, write them again: the 5th write fails.
    armFault({ nth: 5, count: "writes" });
    const failed = await b.supervisor.post(`/api/assessment-appeals/${appealId}/decision`, {
      decision: "accept",
      reason: "属实",
      adjustment: { itemKey: "bonus", points: 3 },
    });
    disarmFault();
    expect(failed.statusCode).toBe(500);
    expect(await standings(id)).toEqual(before);
    expect(await versionOf(id)).toBe(version);
    const appeals = (await b.supervisor.get(`/api/assessments/${id}/appeals`)).json().items;
    expect(appeals.map((a: { status: string }) => a.status)).toEqual(["pending"]);
    expect((await b.supervisor.get(`/api/assessments/${id}/adjustments`)).json().items).toEqual([]);
  });
});
