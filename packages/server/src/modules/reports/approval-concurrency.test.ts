import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.js";
import { planNodes } from "../../db/schema.js";
import { assignTask9AndOpenCycle, buildPublishedPlan } from "../../test/plan-fixtures.js";
import { createTestApp, type TestApp } from "../../test/test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

/**
 * Two reviewers approving two kindergartens' reports on one task at the same moment. On PostgreSQL the two
 * approvals run on two connections and meet on the task's row; when the task's progress was read in the
 * approval's own statement, the one that waited wrote a progress without the other's assignment (3 rounds in 8
 * were 40 or 20 instead of 60). On PGlite they run one after the other.
 */
describe("approvals of one task at the same moment", () => {
  it("both count in the task's progress, round after round", async () => {
    const progress: number[] = [];
    for (let round = 0; round < 10; round++) {
      const p = await buildPublishedPlan(t);
      const { assignment, second, cycle } = await assignTask9AndOpenCycle(p);
      const submit = async (s: typeof p.kg1, assignmentId: string, value: number) => {
        const res = await s.post(`/api/assignments/${assignmentId}/reports`, {
          cycleId: cycle.id,
          progress: value,
          submit: true,
        });
        expect(res.statusCode, res.body).toBe(201);
        return res.json() as { id: string; version: number };
      };
      const [r1, r2] = [await submit(p.kg1, assignment.id, 40), await submit(p.kg2, second.id, 80)];
      const approvals = await Promise.all(
        [r1, r2].map((r) =>
          p.lead.post(`/api/reports/${r.id}/review`, { decision: "approve", version: r.version }),
        ),
      );
      expect(approvals.map((a) => a.statusCode)).toEqual([200, 200]);
      const [node] = await (t.database.db as Db)
        .select({ progress: planNodes.progress })
        .from(planNodes)
        .where(and(eq(planNodes.tenantId, p.tenant.id), eq(planNodes.id, p.task9.id)));
      progress.push(node!.progress);
    }
    // (40 + 80) / 2, each assignment weighing 1.
    expect(progress).toEqual(Array(10).fill(60));
  }, 120_000);
});
