import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assignTask9AndOpenCycle, buildPublishedPlan } from "../../test/plan-fixtures.js";
import { createTestApp, type TestApp } from "../../test/test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe("indicator values in a report are range-checked", () => {
  // 公办幼儿园在园幼儿占比 is a percentage with a 50 % target: 0–100 is all it can be.
  it("refuses 150 % and −20 % naming the field, and accepts 100 %", async () => {
    const p = await buildPublishedPlan(t);
    const { assignment, cycle, indicatorId } = await assignTask9AndOpenCycle(p);
    const url = `/api/assignments/${assignment.id}/reports`;
    for (const value of [150, -20]) {
      const res = await p.kg1.post(url, {
        cycleId: cycle.id,
        progress: 40,
        values: [{ indicatorId, value }],
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toEqual({
        code: "validation_failed",
        message: "提交的数据有误，请检查标出的字段",
        details: [{ path: "values.0.value", message: "百分比应为 0–100" }],
      });
    }
    const ok = await p.kg1.post(url, {
      cycleId: cycle.id,
      progress: 40,
      values: [{ indicatorId, value: 100 }],
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().values).toEqual([{ indicatorId, value: 100 }]);
  });
});
