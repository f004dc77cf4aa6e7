import type { FormSubmissionStatus, Ownership } from "@duban/domain";
import { and, desc, eq } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/client.js";
import { indicatorComputedValues, indicatorFormulas } from "../../db/schema.js";
import { type AudienceUnit, insertForm, insertRound } from "../../test/computed-fixtures.js";
import { buildPublishedPlan, type PublishedPlan } from "../../test/plan-fixtures.js";
import { createTestApp, TEST_NOW, type TestApp } from "../../test/test-app.js";
import { onFormDataChanged, runFormDataChanged } from "../forms/index.js";
import { recomputeFormIndicators, recomputeOnFormDataChanged } from "./index.js";

let t: TestApp;
let p: PublishedPlan;
let db: Db;
beforeAll(async () => {
  t = await createTestApp();
  db = t.database.db as Db;
  p = await buildPublishedPlan(t);
}, 60_000);
afterAll(async () => t?.close());

const audienceUnit = fc.record<AudienceUnit>({
  ownership: fc.constantFrom<Ownership>("public", "private", "private_inclusive"),
  values: fc.integer({ min: 0, max: 900 }).map((children) => ({ children })),
  status: fc.constantFrom<FormSubmissionStatus>("draft", "submitted", "returned", "approved"),
});

/** What the 普惠 share should be, summed by hand over the approved rows only. */
function bruteForce(audience: AudienceUnit[]) {
  const approved = audience.filter((a) => a.status === "approved");
  const children = (a: AudienceUnit) => a.values.children as number;
  const inclusive = approved.filter((a) => a.ownership !== "private").reduce((s, a) => s + children(a), 0);
  const all = approved.reduce((s, a) => s + children(a), 0);
  return {
    value: all === 0 ? null : (inclusive / all) * 100,
    reported: approved.length,
    expected: audience.length,
  };
}

describe("recomputeFormIndicators", () => {
  it("records what a brute-force sum over the approved submissions of the latest round gives", async () => {
    const indicatorId = p.task9.indicators.find((i) => i.name === "普惠园覆盖率")!.id;
    const put = await p.supervisor.put(`/api/indicators/${indicatorId}/formula`, {
      formId: (await insertForm(db, { tenantId: p.tenant.id, planId: p.planId })).form.id,
      source: "sum(在园幼儿数 where 普惠) ÷ sum(在园幼儿数) × 100",
    });
    expect(put.statusCode, put.body).toBe(200);
    await fc.assert(
      fc.asyncProperty(fc.array(audienceUnit, { minLength: 0, maxLength: 12 }), async (audience) => {
        // Each run sends a fresh form and repoints the formula at it: an earlier run's rows never count.
        const { form, createdBy } = await insertForm(db, { tenantId: p.tenant.id, planId: p.planId });
        // An earlier round of the same form with other data: only the latest round counts.
        await insertRound(db, { tenantId: p.tenant.id, formId: form.id, createdBy }, [
          { ownership: "private", values: { children: 777 }, status: "approved" },
        ]);
        await insertRound(db, { tenantId: p.tenant.id, formId: form.id, createdBy }, audience);
        await db
          .update(indicatorFormulas)
          .set({ formId: form.id })
          .where(
            and(eq(indicatorFormulas.tenantId, p.tenant.id), eq(indicatorFormulas.indicatorId, indicatorId)),
          );
        await db.transaction((tx) =>
          recomputeFormIndicators(tx, { tenantId: p.tenant.id, formId: form.id, now: TEST_NOW }),
        );
        const [last] = await db
          .select()
          .from(indicatorComputedValues)
          .where(
            and(
              eq(indicatorComputedValues.tenantId, p.tenant.id),
              eq(indicatorComputedValues.indicatorId, indicatorId),
            ),
          )
          .orderBy(desc(indicatorComputedValues.id))
          .limit(1);
        expect({ value: last!.value, reported: last!.reported, expected: last!.expected }).toEqual(
          bruteForce(audience),
        );
      }),
      { numRuns: 15, seed: 20230615 },
    );
  }, 120_000);
});

describe("recomputeOnFormDataChanged", () => {
  it("is the forms module's data-changed hook the app registers: taken off, a change records nothing", async () => {
    const indicatorId = p.task9.indicators.find((i) => i.name === "公办幼儿园在园幼儿占比")!.id;
    const { form, createdBy } = await insertForm(db, { tenantId: p.tenant.id, planId: p.planId });
    const put = await p.supervisor.put(`/api/indicators/${indicatorId}/formula`, {
      formId: form.id,
      source: "sum(在园幼儿数 where 办学性质=公办) ÷ sum(在园幼儿数) × 100",
    });
    expect(put.statusCode, put.body).toBe(200);
    await insertRound(db, { tenantId: p.tenant.id, formId: form.id, createdBy }, [
      { ownership: "public", values: { children: 300 }, status: "approved" },
      { ownership: "private", values: { children: 100 }, status: "approved" },
    ]);
    const points = async () =>
      (
        await db
          .select({ value: indicatorComputedValues.value })
          .from(indicatorComputedValues)
          .where(eq(indicatorComputedValues.indicatorId, indicatorId))
          .orderBy(indicatorComputedValues.id)
      ).map((r) => r.value);
    const change = { tenantId: p.tenant.id, formId: form.id, now: TEST_NOW };
    const before = await points();
    // Registering the same function again is a no-op (the hooks are a set); taking it off removes the app's.
    const off = onFormDataChanged(recomputeOnFormDataChanged);
    off();
    try {
      await db.transaction((tx) => runFormDataChanged(tx, change));
      expect(await points()).toEqual(before);
    } finally {
      onFormDataChanged(recomputeOnFormDataChanged);
    }
    await db.transaction((tx) => runFormDataChanged(tx, change));
    expect(await points()).toEqual([...before, 75]);
  });
});
