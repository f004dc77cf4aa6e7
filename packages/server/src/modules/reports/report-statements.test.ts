import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assignTask9AndOpenCycle, buildPublishedPlan } from "../../test/plan-fixtures.js";
import { lastRequestTrace } from "../../test/rollback-faults.js";
import { createTestApp, type TestApp } from "../../test/test-app.js";
import { multipartForm, png, uploadPhoto } from "../../test/upload.js";

/**
 * The round trips of the deadline-day path, pinned: a change that adds a statement to an upload, a submission or
 * an approval fails here with the new count in the message, so it is a decision, not an accident. Counted through
 * the test database's Drizzle logger, without transaction control (begin, commit), for the whole request
 * (session lookup included) and for the route handler alone.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

function expectTrace(step: string, expected: { all: number; statements: number }) {
  const { all, handlerQueries: statements } = lastRequestTrace();
  expect(
    { all, statements },
    `${step}: ${all} statements in the request, ${statements} in the handler`,
  ).toEqual(expected);
}

describe("statements per step of a school's report", () => {
  it("uploads a photo, submits the report with it and a value, and has it approved in a pinned number of statements", async () => {
    const p = await buildPublishedPlan(t);
    const { assignment, cycle, indicatorId } = await assignTask9AndOpenCycle(p);
    const photo = await uploadPhoto(p.kg1);
    expectTrace("upload", { all: 3, statements: 2 });
    const submitted = await p.kg1.post(`/api/assignments/${assignment.id}/reports`, {
      cycleId: cycle.id,
      progress: 60,
      doneText: "新增学位120个",
      values: [{ indicatorId, value: 60 }],
      fileIds: [photo],
      submit: true,
    });
    expect(submitted.statusCode, submitted.body).toBe(201);
    expectTrace("submit", { all: 3, statements: 2 });
    const approved = await p.lead.post(`/api/reports/${submitted.json().id}/review`, {
      decision: "approve",
      version: submitted.json().version,
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expectTrace("approve", { all: 3, statements: 2 });
  });

  it("submits a report with a new photo in one form in one statement fewer than an upload and a submission", async () => {
    const p = await buildPublishedPlan(t);
    const { assignment, cycle, indicatorId } = await assignTask9AndOpenCycle(p);
    const report = {
      cycleId: cycle.id,
      progress: 60,
      values: [{ indicatorId, value: 60 }],
      submit: true,
    };
    const { body, contentType } = multipartForm({ report }, [
      { name: "现场照片.png", type: "image/png", content: png },
    ]);
    const res = await p.kg1.request("POST", `/api/assignments/${assignment.id}/reports/with-files`, body, {
      "content-type": contentType,
    });
    expect(res.statusCode, res.body).toBe(201);
    // The save's read, the quota's read before the file is stored, the file's record, the save's write.
    expectTrace("upload and submit in one form", { all: 5, statements: 4 });
  });

  it("returns a report, takes it again and approves it in as many statements as the first time round", async () => {
    const p = await buildPublishedPlan(t);
    const { assignment, cycle, indicatorId } = await assignTask9AndOpenCycle(p);
    const body = { cycleId: cycle.id, progress: 40, values: [{ indicatorId, value: 40 }], submit: true };
    const first = await p.kg1.post(`/api/assignments/${assignment.id}/reports`, body);
    expect(first.statusCode, first.body).toBe(201);
    const returned = await p.lead.post(`/api/reports/${first.json().id}/review`, {
      decision: "return",
      reason: "请补充佐证材料",
      version: first.json().version,
    });
    expect(returned.statusCode, returned.body).toBe(200);
    expectTrace("return", { all: 3, statements: 2 });
    const again = await p.kg1.post(`/api/assignments/${assignment.id}/reports`, {
      ...body,
      progress: 50,
      values: [{ indicatorId, value: 50 }],
      version: returned.json().version,
    });
    expect(again.statusCode, again.body).toBe(200);
    expectTrace("resubmit", { all: 3, statements: 2 });
    const approved = await p.lead.post(`/api/reports/${first.json().id}/review`, {
      decision: "approve",
      version: again.json().version,
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().history.map((h: { action: string }) => h.action)).toEqual([
      "submit",
      "return",
      "resubmit",
      "approve",
    ]);
    expectTrace("approve after a return", { all: 3, statements: 2 });
  });
});
