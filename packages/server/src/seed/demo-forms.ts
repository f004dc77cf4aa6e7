import { parseFormula } from "@duban/domain";
import { and, eq, inArray } from "drizzle-orm";
import type { Db, DbOrTx } from "../db/client.js";
import { readTogether } from "../db/read-together.js";
import {
  formRounds,
  formSubmissionEvents,
  formSubmissions,
  forms,
  indicatorFormulas,
  indicators,
  units,
  users,
} from "../db/schema.js";
import { recomputeFormIndicators } from "../modules/indicator-formulas/index.js";
import { type DemoForm, demoForms } from "./demo-forms-data.js";

// Fixed instants of the plan year, before the browser tests' 2023-06-15: the figures show on that day and today.
const SENT = new Date("2023-05-22T09:00:00+08:00");
const FIRST_REVIEW = new Date("2023-06-05T10:00:00+08:00");
const SECOND_REVIEW = new Date("2023-06-12T10:00:00+08:00");

/** Ids by name of the bureau's units, indicators of the plan, and the staff who define and review forms. */
async function lookups(db: DbOrTx, at: { tenantId: string; planId: string }) {
  const [unitRows, indicatorRows, userRows] = await readTogether(db, [
    db.select({ id: units.id, name: units.name }).from(units).where(eq(units.tenantId, at.tenantId)),
    db
      .select({ id: indicators.id, name: indicators.name })
      .from(indicators)
      .where(and(eq(indicators.tenantId, at.tenantId), eq(indicators.planId, at.planId))),
    db
      .select({ id: users.id, login: users.login, unitId: users.unitId })
      .from(users)
      .where(and(eq(users.tenantId, at.tenantId), inArray(users.login, ["ducha", "xueqian"]))),
  ]);
  const need = <T>(map: Map<string, T>, key: string, what: string): T => {
    const v = map.get(key);
    if (v === undefined) throw new Error(`演示数据缺少${what}：${key}`);
    return v;
  };
  const unitIds = new Map(unitRows.map((u) => [u.name, u.id]));
  const indicatorIds = new Map(indicatorRows.map((i) => [i.name, i.id]));
  const staff = new Map(userRows.map((u) => [u.login, u]));
  return {
    unit: (name: string) => need(unitIds, name, "单位"),
    indicator: (name: string) => need(indicatorIds, name, "指标"),
    office: need(staff, "ducha", "账号"),
    preschool: staff.get("xueqian") ?? null,
  };
}

type Lookups = Awaited<ReturnType<typeof lookups>>;

/** One form, its round to its units, their submissions and history, and the formulas computed from it. */
async function seedForm(tx: DbOrTx, at: { tenantId: string; planId: string }, demo: DemoForm, ids: Lookups) {
  const { tenantId } = at;
  // The 学前教育科's own account defines and reviews its form; the 督查室 stands in for the other departments.
  const reviewer = demo.owner === "学前教育科" && ids.preschool ? ids.preschool.id : ids.office.id;
  const [form] = await tx
    .insert(forms)
    .values({
      tenantId,
      planId: at.planId,
      ownerUnitId: ids.unit(demo.owner),
      title: demo.title,
      fields: demo.fields,
      status: "active",
      createdBy: reviewer,
    })
    .returning({ id: forms.id });
  const [round] = await tx
    .insert(formRounds)
    .values({
      tenantId,
      formId: form!.id,
      name: "2023年春季学期",
      deadline: "2023-06-20",
      createdBy: reviewer,
    })
    .returning({ id: formRounds.id });
  const submitted = (early: boolean) => (early ? FIRST_REVIEW : SECOND_REVIEW);
  const rows = await tx
    .insert(formSubmissions)
    .values(
      demo.units.map(([name, values]) => ({
        tenantId,
        roundId: round!.id,
        formId: form!.id,
        unitId: ids.unit(name),
        // Every unit starts awaiting review; approvals follow in two batches below.
        status: "submitted" as const,
        values,
        submittedAt: new Date(submitted(demo.early.includes(name)).getTime() - 86_400_000),
      })),
    )
    .returning({ id: formSubmissions.id, unitId: formSubmissions.unitId });
  await tx.insert(formSubmissionEvents).values(
    rows.map((r, i) => ({
      tenantId,
      submissionId: r.id,
      action: "submitted" as const,
      values: demo.units[i]![1],
      createdAt: SENT,
    })),
  );
  for (const f of demo.formulas) {
    const parsed = parseFormula(f[1], demo.fields);
    if (!parsed.ok) throw new Error(`演示公式有误：${f[1]}：${parsed.message}`);
    await tx.insert(indicatorFormulas).values({
      indicatorId: ids.indicator(f[0]),
      tenantId,
      formId: form!.id,
      source: f[1],
      ast: parsed.ast,
      updatedBy: ids.office.id,
    });
  }
  // Two review batches make two points of the value's history, as approvals would have recorded them.
  for (const [when, early] of [
    [FIRST_REVIEW, true],
    [SECOND_REVIEW, false],
  ] as const) {
    const batch = rows.filter((_, i) => {
      const [name, , approved] = demo.units[i]!;
      return approved && demo.early.includes(name) === early;
    });
    if (batch.length === 0) continue;
    const batchIds = batch.map((r) => r.id);
    await tx
      .update(formSubmissions)
      .set({ status: "approved", reviewedAt: when, reviewedBy: reviewer, version: 1 })
      .where(and(eq(formSubmissions.tenantId, tenantId), inArray(formSubmissions.id, batchIds)));
    await tx
      .insert(formSubmissionEvents)
      .values(
        batch.map((r) => ({ tenantId, submissionId: r.id, action: "approved" as const, actorId: reviewer })),
      );
    await recomputeFormIndicators(tx, { tenantId, formId: form!.id, now: when });
  }
}

/**
 * Fills the demo plan's 数据填报: four forms sent in May, filled in and mostly approved in June, with the seed
 * plan's ratios and counts computed from them (its other targets stay reported). Run it once the plan is
 * published — in the demo seed, right after the plan's story and before its monthly snapshots are recorded.
 * Idempotent: a plan that already has forms is left alone. Returns how many forms it wrote.
 */
export async function seedDemoForms(db: Db, at: { tenantId: string; planId: string }): Promise<number> {
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: forms.id })
      .from(forms)
      .where(and(eq(forms.tenantId, at.tenantId), eq(forms.planId, at.planId)))
      .limit(1);
    if (existing) return 0;
    const ids = await lookups(tx, at);
    for (const demo of demoForms) await seedForm(tx, at, demo, ids);
    return demoForms.length;
  });
}
