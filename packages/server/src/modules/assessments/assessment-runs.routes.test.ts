import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  type AssessmentBureau,
  auditActionsOf,
  buildAssessmentBureau,
  publishAssessment,
  runAssessment,
} from "../../test/assessment-fixtures.js";
import { buildPublishedPlan, type PublishedPlan } from "../../test/plan-fixtures.js";
import { armFault, disarmFault } from "../../test/rollback-faults.js";
import { createTestApp, TEST_NOW, type TestApp } from "../../test/test-app.js";

let t: TestApp;
let b: AssessmentBureau;
let other: PublishedPlan;
beforeAll(async () => {
  t = await createTestApp();
  b = await buildAssessmentBureau(t);
  other = await buildPublishedPlan(t);
}, 180_000);
afterAll(async () => t?.close());
afterEach(() => {
  disarmFault();
  t?.clock.set(TEST_NOW);
});

const runsUrl = () => `/api/plans/${b.planId}/assessments`;

describe("running an assessment", () => {
  it("computes a trial run as of today and opens it as a draft the 督查室 may delete", async () => {
    const id = await runAssessment(b, { asOf: "2023-06-15", final: false });
    const res = await b.supervisor.get(`/api/assessments/${id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      id,
      planId: b.planId,
      asOf: "2023-06-15",
      final: false,
      status: "draft",
      appealUntil: null,
      publishedAt: null,
      finalisedAt: null,
      version: 0,
      createdAt: "2023-06-15T01:00:00.000Z",
      // The two kindergartens task 9 is handed to.
      unitCount: 2,
      pendingAppeals: 0,
      abilities: {
        adjust: true,
        publish: false,
        finalise: false,
        delete: true,
        appeal: false,
        decide: false,
      },
    });
    expect(await auditActionsOf(t, b.tenant.id, id)).toEqual(["assessment.run"]);
  });

  it("refuses a day after today, naming asOf, and a missing final", async () => {
    const future = await b.supervisor.post(runsUrl(), { asOf: "2023-06-16", final: false });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.details).toEqual([
      { path: "asOf", message: "考评日期不能晚于今天（2023-06-15）" },
    ]);
    const missing = await b.supervisor.post(runsUrl(), { asOf: "2023-06-15" });
    expect([missing.statusCode, missing.json().error.details[0].path]).toEqual([400, "final"]);
  });

  it("refuses every role but the 督查室 with 403, another bureau with 404, and asks for a session", async () => {
    const body = { asOf: "2023-06-15", final: false };
    for (const s of [b.admin, b.leaderSession, b.lead, b.kg1, b.inspector])
      expect((await s.post(runsUrl(), body)).statusCode).toBe(403);
    expect((await other.supervisor.post(runsUrl(), body)).statusCode).toBe(404);
    expect((await t.app.inject({ method: "POST", url: runsUrl(), payload: body })).statusCode).toBe(401);
  });

  it("leaves no run, result or lock behind when its last write fails", async () => {
    const before = (await b.supervisor.get(runsUrl())).json().items.length;
    const scheme = (await b.supervisor.get(`/api/plans/${b.planId}/assessment-scheme`)).json();
    // The formal run writes the run, clears and writes its results, locks the scheme, then audits: the 5th write.
    armFault({ nth: 5, count: "writes" });
    const failed = await b.supervisor.post(runsUrl(), { asOf: "2023-06-15", final: true });
    disarmFault();
    expect(failed.statusCode).toBe(500);
    expect((await b.supervisor.get(runsUrl())).json().items.length).toBe(before);
    expect((await b.supervisor.get(`/api/plans/${b.planId}/assessment-scheme`)).json()).toEqual(scheme);
  });
});

describe("listing and reading runs", () => {
  it("lists every run for the 督查室 and leaders, and only published ones for a unit", async () => {
    const trial = await runAssessment(b, { asOf: "2023-06-15", final: false });
    const formal = await runAssessment(b);
    await publishAssessment(b, formal);
    const ids = async (s: typeof b.supervisor) =>
      (await s.get(runsUrl())).json().items.map((r: { id: string }) => r.id);
    expect(await ids(b.supervisor)).toEqual(expect.arrayContaining([trial, formal]));
    expect(await ids(b.leaderSession)).toEqual(expect.arrayContaining([trial, formal]));
    const schoolSees = await ids(b.kg1);
    expect(schoolSees).toContain(formal);
    expect(schoolSees).not.toContain(trial);
    expect((await b.kg1.get(`/api/assessments/${trial}`)).statusCode).toBe(404);
    const mine = (await b.kg1.get(`/api/assessments/${formal}`)).json();
    // Published today with the default 5 appeal days; the kindergarten was scored and has not appealed.
    expect(mine).toMatchObject({ status: "published", appealUntil: "2023-06-20" });
    expect(mine.abilities).toEqual({
      adjust: false,
      publish: false,
      finalise: false,
      delete: false,
      appeal: true,
      decide: false,
    });
  });

  it("refuses admins and inspectors, hides runs from another bureau, and asks for a session", async () => {
    const id = await runAssessment(b, { asOf: "2023-06-15", final: false });
    for (const s of [b.admin, b.inspector]) {
      expect((await s.get(runsUrl())).statusCode).toBe(403);
      expect((await s.get(`/api/assessments/${id}`)).statusCode).toBe(404);
    }
    expect((await other.supervisor.get(`/api/assessments/${id}`)).statusCode).toBe(404);
    expect((await other.supervisor.get(runsUrl())).statusCode).toBe(404);
    expect((await t.app.inject({ method: "GET", url: `/api/assessments/${id}` })).statusCode).toBe(401);
  });
});

describe("deleting a run", () => {
  it("deletes a trial run at its version and keeps a formal one (409)", async () => {
    const trial = await runAssessment(b, { asOf: "2023-06-15", final: false });
    const stale = await b.supervisor.request("DELETE", `/api/assessments/${trial}`, { version: 3 });
    expect(stale.statusCode).toBe(409);
    const gone = await b.supervisor.request("DELETE", `/api/assessments/${trial}`, { version: 0 });
    expect(gone.statusCode, gone.body).toBe(204);
    expect((await b.supervisor.get(`/api/assessments/${trial}`)).statusCode).toBe(404);
    const formal = await runAssessment(b);
    const kept = await b.supervisor.request("DELETE", `/api/assessments/${formal}`, { version: 0 });
    expect([kept.statusCode, kept.json().error.message]).toEqual([409, "正式考评不能删除，只有试评可以删除"]);
  });

  it("refuses leaders with 403 and another bureau with 404", async () => {
    const trial = await runAssessment(b, { asOf: "2023-06-15", final: false });
    expect(
      (await b.leaderSession.request("DELETE", `/api/assessments/${trial}`, { version: 0 })).statusCode,
    ).toBe(403);
    expect(
      (await other.supervisor.request("DELETE", `/api/assessments/${trial}`, { version: 0 })).statusCode,
    ).toBe(404);
  });
});

describe("a run's results", () => {
  it("shows the 督查室 every unit ranked in its category, each breakdown adding up to the total", async () => {
    const id = await runAssessment(b, { asOf: "2023-06-15", final: false });
    const res = await b.supervisor.get(`/api/assessments/${id}/results`);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as {
      unitId: string;
      category: string;
      categoryLabel: string;
      rank: number;
      categorySize: number;
      total: number;
      breakdown: { points: number }[];
    }[];
    expect(items.map((r) => [r.unitId, r.category, r.categoryLabel, r.rank, r.categorySize])).toEqual([
      // Equal totals: the unit register's order (name, as no code is set) decides, 第二… before 西城….
      [b.secondKindergarten.id, "kindergarten", "幼儿园", 1, 2],
      [b.kindergarten.id, "kindergarten", "幼儿园", 2, 2],
    ]);
    for (const r of items)
      expect(Math.round(r.breakdown.reduce((s, i) => s + i.points * 100, 0))).toBe(Math.round(r.total * 100));
  });

  it("shows a unit nothing of a draft, and its own row alone once published", async () => {
    const id = await runAssessment(b);
    expect((await b.kg1.get(`/api/assessments/${id}/results`)).statusCode).toBe(404);
    await publishAssessment(b, id);
    const own = (await b.kg1.get(`/api/assessments/${id}/results`)).json().items;
    expect(own.map((r: { unitId: string; categorySize: number }) => [r.unitId, r.categorySize])).toEqual([
      [b.kindergarten.id, 2],
    ]);
    // The department leads task 9 but holds no assignment: it has no result of its own to see.
    expect((await b.lead.get(`/api/assessments/${id}/results`)).statusCode).toBe(404);
  });

  it("hides results from admins, inspectors and another bureau with 404", async () => {
    const id = await runAssessment(b, { asOf: "2023-06-15", final: false });
    for (const s of [b.admin, b.inspector, other.supervisor])
      expect((await s.get(`/api/assessments/${id}/results`)).statusCode).toBe(404);
    expect((await b.leaderSession.get(`/api/assessments/${id}/results`)).statusCode).toBe(200);
  });
});
