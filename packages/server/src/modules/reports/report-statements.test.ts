import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assignTask9AndOpenCycle, buildPublishedPlan } from "../../test/plan-fixtures.js";
import { png } from "../../test/rectification-fixtures.js";
import { lastRequestTrace } from "../../test/rollback-faults.js";
import { createTestApp, type TestApp } from "../../test/test-app.js";
import { uploadFile } from "../../test/upload.js";

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
    const photo = await uploadFile(p.kg1, "/api/files", {
      name: "现场照片.png",
      type: "image/png",
      content: png,
    });
    expect(photo.statusCode, photo.body).toBe(201);
    expectTrace("upload", { all: 6, statements: 5 });
    const submitted = await p.kg1.post(`/api/assignments/${assignment.id}/reports`, {
      cycleId: cycle.id,
      progress: 60,
      doneText: "新增学位120个",
      values: [{ indicatorId, value: 60 }],
      fileIds: [photo.json().id],
      submit: true,
    });
    expect(submitted.statusCode, submitted.body).toBe(201);
    expectTrace("submit", { all: 16, statements: 15 });
    const approved = await p.lead.post(`/api/reports/${submitted.json().id}/review`, {
      decision: "approve",
      version: submitted.json().version,
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expectTrace("approve", { all: 15, statements: 14 });
  });
});
