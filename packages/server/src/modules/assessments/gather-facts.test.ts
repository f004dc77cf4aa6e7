import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.js";
import {
  assignments,
  rectifications,
  reportEvents,
  reports,
  supervisionNotices,
  units,
} from "../../db/schema.js";
import { type AssessmentBureau, buildAssessmentBureau } from "../../test/assessment-fixtures.js";
import { lastRequestTrace } from "../../test/rollback-faults.js";
import type { TestSession } from "../../test/session.js";
import { createTestApp, TEST_NOW, type TestApp } from "../../test/test-app.js";
import { recordPlanSnapshot } from "../snapshots/index.js";
import { gatherAssessmentFacts } from "./gather-facts.js";

let t: TestApp;
let b: AssessmentBureau;
let db: Db;
const ids = { report: "", notice: "", noticeCode: "", open: "", closed: "", entry: "" };

function ok<T = { id: string; version: number }>(res: { statusCode: number; body: string }, status = 200): T {
  expect(res.statusCode, res.body).toBe(status);
  return JSON.parse(res.body) as T;
}

async function version(s: TestSession, url: string): Promise<number> {
  return ok<{ version: number }>(await s.get(url)).version;
}

/**
 * The history this file pins, on the fixed day 2023-06-15: task 9 was handed to both kindergartens on 06-01 and
 * the June cycle ran 06-01 to 06-10. 西城幼儿园 reported
 * 60 % with the indicator at 60 % (target ≥ 50 %), first submitted on 06-12 (2 days late), approved today; it got a
 * red 督办单 due 06-13, replied today and returned; its 整改 item due today was closed today; the 督查室 gave it +2.
 * 第二幼儿园 never reported; its 整改 item due 06-10 is still open; the 督查室's −1 for it was revoked.
 */
beforeAll(async () => {
  t = await createTestApp();
  b = await buildAssessmentBureau(t, { startDate: "2023-06-01", dueDate: "2023-06-10" });
  db = t.database.db as Db;
  await db
    .update(assignments)
    .set({ createdAt: new Date("2023-06-01T09:00:00+08:00") })
    .where(and(eq(assignments.tenantId, b.tenant.id), eq(assignments.planId, b.planId)));
  const report = ok(
    await b.kg1.post(`/api/assignments/${b.assignment.id}/reports`, {
      cycleId: b.cycle.id,
      progress: 60,
      values: [{ indicatorId: b.indicatorId, value: 60 }],
      submit: true,
    }),
    201,
  );
  ids.report = report.id;
  const firstSubmit = new Date("2023-06-12T10:00:00+08:00");
  await db.update(reports).set({ submittedAt: firstSubmit }).where(eq(reports.id, report.id));
  await db.update(reportEvents).set({ createdAt: firstSubmit }).where(eq(reportEvents.reportId, report.id));
  ok(
    await b.lead.post(`/api/reports/${report.id}/review`, {
      decision: "approve",
      version: await version(b.lead, `/api/reports/${report.id}`),
    }),
  );

  const notice = ok<{ id: string }>(
    await b.supervisor.post("/api/notices", {
      nodeId: b.task9.id,
      assignmentId: b.assignment.id,
      level: "red",
      reason: "进展滞后，请说明原因",
      replyDue: "2023-06-20",
    }),
    201,
  );
  ids.notice = notice.id;
  ok(await b.kg1.post(`/api/notices/${notice.id}/reply`, { text: "已加快推进" }));
  await db
    .update(supervisionNotices)
    .set({ replyDue: "2023-06-13" })
    .where(eq(supervisionNotices.id, notice.id));
  ok(
    await b.supervisor.post(`/api/notices/${notice.id}/decision`, {
      decision: "return",
      reason: "措施不具体",
      version: await version(b.supervisor, `/api/notices/${notice.id}`),
    }),
  );
  ids.noticeCode = ok<{ documentNumber: string }>(
    await b.supervisor.get(`/api/notices/${notice.id}`),
  ).documentNumber;

  const item = (unitId: string, problem: string) =>
    b.supervisor.post("/api/rectifications", {
      unitId,
      problem,
      requirement: "限期整改",
      deadline: "2023-06-30",
      responsiblePerson: "园长",
      source: "safety",
    });
  ids.open = ok(await item(b.secondKindergarten.id, "消防通道堆放杂物"), 201).id;
  ids.closed = ok(await item(b.kindergarten.id, "灭火器过期"), 201).id;
  await db.update(rectifications).set({ deadline: "2023-06-10" }).where(eq(rectifications.id, ids.open));
  await db.update(rectifications).set({ deadline: "2023-06-15" }).where(eq(rectifications.id, ids.closed));
  ok(await b.kg1.post(`/api/rectifications/${ids.closed}/submit`, { measures: "已更换", version: 0 }));
  ok(await b.supervisor.post(`/api/rectifications/${ids.closed}/verify`, { decision: "accept", version: 1 }));

  const entries = `/api/plans/${b.planId}/assessment-entries`;
  ids.entry = ok(
    await b.supervisor.post(entries, {
      unitId: b.kindergarten.id,
      itemKey: "bonus",
      points: 2,
      reason: "市级表彰",
    }),
    201,
  ).id;
  const revoked = ok(
    await b.supervisor.post(entries, {
      unitId: b.secondKindergarten.id,
      itemKey: "bonus",
      points: -1,
      reason: "迟报",
    }),
    201,
  );
  ok(await b.supervisor.post(`/api/assessment-entries/${revoked.id}/revoke`, { reason: "录入有误" }));
}, 180_000);
afterAll(async () => t?.close());

describe("gathering the facts of a plan", () => {
  it("pins every unit's facts as of today", async () => {
    const facts = await gatherAssessmentFacts(db, b.tenant.id, b.planId, "2023-06-15", TEST_NOW);
    const task = { taskId: b.task9.id, taskTitle: "促进学前教育普及普惠发展", taskCode: "9", weight: 1 };
    const indicator = { indicatorId: b.indicatorId, name: "公办幼儿园在园幼儿占比" };
    expect(facts).toEqual({
      asOf: "2023-06-15",
      units: [
        {
          unitId: b.secondKindergarten.id,
          unitName: b.secondKindergarten.name,
          sortKey: b.secondKindergarten.name,
          unitKind: "school",
          schoolType: "kindergarten",
          // 0 % against 序时进度 45.48 % (tolerance 10): behind, yellow.
          assignments: [{ assignmentId: b.second.id, ...task, progress: 0, light: "yellow" }],
          reports: [{ assignmentId: b.second.id, cycleName: b.cycle.name, dueDate: "2023-06-10" }],
          notices: [],
          rectifications: [{ rectificationId: ids.open, title: "消防通道堆放杂物", dueDate: "2023-06-10" }],
          indicators: [{ ...indicator, met: false, detail: "未报送，目标 ≥ 50%" }],
          entries: [],
        },
        {
          unitId: b.kindergarten.id,
          unitName: "西城幼儿园",
          sortKey: "西城幼儿园",
          unitKind: "school",
          schoolType: "kindergarten",
          // The approved 60 % is above 序时进度 less the tolerance: green.
          assignments: [{ assignmentId: b.assignment.id, ...task, progress: 60, light: "green" }],
          reports: [
            {
              assignmentId: b.assignment.id,
              reportId: ids.report,
              cycleName: b.cycle.name,
              dueDate: "2023-06-10",
              submittedOn: "2023-06-12",
            },
          ],
          notices: [
            {
              noticeId: ids.notice,
              code: ids.noticeCode,
              level: "red",
              replyDue: "2023-06-13",
              firstRepliedOn: "2023-06-15",
              acceptedAtFirstReply: false,
            },
          ],
          rectifications: [
            {
              rectificationId: ids.closed,
              title: "灭火器过期",
              dueDate: "2023-06-15",
              closedOn: "2023-06-15",
            },
          ],
          indicators: [{ ...indicator, met: true, detail: "实际 60%，目标 ≥ 50%" }],
          entries: [{ entryId: ids.entry, itemKey: "bonus", points: 2, reason: "市级表彰" }],
        },
      ],
    });
  });

  it("counts nothing that did not exist yet on an earlier day with no snapshot recorded", async () => {
    // Task 9 was handed out on 06-01 and the entries made on 06-15: on 05-31 the plan held nothing to assess.
    expect(await gatherAssessmentFacts(db, b.tenant.id, b.planId, "2023-05-31", TEST_NOW)).toEqual({
      asOf: "2023-05-31",
      units: [],
    });
  });

  it("takes an earlier day's assignments, progress and lights from that day's recorded snapshot", async () => {
    // Recorded on the 14th from the rows as they stand (the assignments included), with that day's 序时进度.
    const now = new Date("2023-06-14T20:00:00+08:00");
    await recordPlanSnapshot(db, { tenantId: b.tenant.id, planId: b.planId, now });
    const facts = await gatherAssessmentFacts(db, b.tenant.id, b.planId, "2023-06-14", TEST_NOW);
    expect(facts.units.map((u) => [u.unitName, u.assignments.map((a) => [a.progress, a.light])])).toEqual([
      [b.secondKindergarten.name, [[0, "yellow"]]],
      ["西城幼儿园", [[60, "green"]]],
    ]);
    // By the 14th the kindergarten had first submitted (on the 12th) and the other had not.
    expect(facts.units.map((u) => u.reports.map((r) => r.submittedOn ?? "missing"))).toEqual([
      ["missing"],
      ["2023-06-12"],
    ]);
    // The 督办单 and the entry came on the 15th.
    expect(facts.units.map((u) => [u.notices.length, u.entries.length])).toEqual([
      [0, 0],
      [0, 0],
    ]);
  });

  it("answers 404 for another tenant's plan", async () => {
    await expect(
      gatherAssessmentFacts(db, b.tenant.id, "00000000-0000-4000-8000-000000000000", "2023-06-15"),
    ).rejects.toMatchObject({
      code: "not_found",
    });
  });
});

describe("gathering is set-based", () => {
  it("runs the same statements for 32 units as for 2", async () => {
    const run = () =>
      b.supervisor.post(`/api/plans/${b.planId}/assessments`, { asOf: "2023-06-15", final: false });
    ok(await run(), 201);
    const few = lastRequestTrace().statements;
    const added = await db
      .insert(units)
      .values(
        Array.from({ length: 30 }, (_, i) => ({
          tenantId: b.tenant.id,
          name: `批量幼儿园${i}-${b.tenant.code}`,
          kind: "school" as const,
          schoolType: "kindergarten" as const,
        })),
      )
      .returning({ id: units.id });
    await db.insert(assignments).values(
      added.map((u) => ({
        tenantId: b.tenant.id,
        planId: b.planId,
        nodeId: b.task9.id,
        unitId: u.id,
        role: "executor" as const,
        createdAt: TEST_NOW,
      })),
    );
    const res = ok<{ id: string }>(await run(), 201);
    expect(lastRequestTrace().statements).toBe(few);
    const [row] = await db
      .select({ n: assignments.id })
      .from(assignments)
      .where(and(eq(assignments.tenantId, b.tenant.id), eq(assignments.unitId, added[0]!.id)));
    expect(row).toBeDefined();
    expect(ok<{ unitCount: number }>(await b.supervisor.get(`/api/assessments/${res.id}`)).unitCount).toBe(
      32,
    );
  });
});
