import type { FormValues } from "@duban/domain";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import {
  formRounds,
  formSubmissions,
  forms,
  indicatorComputedValues,
  indicatorFormulas,
  indicators,
  planNodes,
  plans,
  units,
} from "../../db/schema.js";

/** A stored formula row. */
export type FormulaRecord = typeof indicatorFormulas.$inferSelect;

/** An indicator with what deciding on its formula needs: its task's lead unit and status, and its plan. */
export async function findIndicatorInTask(db: DbOrTx, tenantId: string, indicatorId: string) {
  const [row] = await db
    .select({
      indicator: indicators,
      task: { id: planNodes.id, leadUnitId: planNodes.leadUnitId, status: planNodes.status },
      plan: { id: plans.id, year: plans.year, status: plans.status, lightTolerance: plans.lightTolerance },
    })
    .from(indicators)
    .innerJoin(planNodes, eq(planNodes.id, indicators.nodeId))
    .innerJoin(plans, eq(plans.id, indicators.planId))
    .where(and(eq(indicators.tenantId, tenantId), eq(indicators.id, indicatorId)));
  return row ?? null;
}

/** The formula of an indicator, or null while it is reported directly. */
export async function findFormula(db: DbOrTx, tenantId: string, indicatorId: string) {
  const [row] = await db
    .select()
    .from(indicatorFormulas)
    .where(and(eq(indicatorFormulas.tenantId, tenantId), eq(indicatorFormulas.indicatorId, indicatorId)));
  return row ?? null;
}

/** Every formula computed from a form, with the indicator's plan (a form's formulas are few). */
export async function findFormulasOfForm(db: DbOrTx, tenantId: string, formId: string) {
  return db
    .select()
    .from(indicatorFormulas)
    .where(and(eq(indicatorFormulas.tenantId, tenantId), eq(indicatorFormulas.formId, formId)))
    .orderBy(asc(indicatorFormulas.indicatorId));
}

/** Saves a first formula at version 0; null when another writer saved one first (the key is the indicator). */
export async function insertFormula(tx: DbOrTx, values: typeof indicatorFormulas.$inferInsert) {
  const [row] = await tx.insert(indicatorFormulas).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

/** Replaces a formula at the version read; null when it moved. */
export async function updateFormula(
  tx: DbOrTx,
  target: { tenantId: string; indicatorId: string; version: number },
  values: Pick<FormulaRecord, "formId" | "source" | "ast" | "updatedBy">,
) {
  const [row] = await tx
    .update(indicatorFormulas)
    .set({ ...values, version: sql`${indicatorFormulas.version} + 1`, updatedAt: sql`now()` })
    .where(
      and(
        eq(indicatorFormulas.tenantId, target.tenantId),
        eq(indicatorFormulas.indicatorId, target.indicatorId),
        eq(indicatorFormulas.version, target.version),
      ),
    )
    .returning();
  return row ?? null;
}

/** Removes a formula and its value history; the indicator goes back to reported values. */
export async function deleteFormula(tx: DbOrTx, tenantId: string, indicatorId: string): Promise<boolean> {
  await tx
    .delete(indicatorComputedValues)
    .where(
      and(
        eq(indicatorComputedValues.tenantId, tenantId),
        eq(indicatorComputedValues.indicatorId, indicatorId),
      ),
    );
  const removed = await tx
    .delete(indicatorFormulas)
    .where(and(eq(indicatorFormulas.tenantId, tenantId), eq(indicatorFormulas.indicatorId, indicatorId)))
    .returning({ id: indicatorFormulas.indicatorId });
  return removed.length > 0;
}

/** A form of the tenant: its plan, title and fields. */
export async function findForm(db: DbOrTx, tenantId: string, formId: string) {
  const [row] = await db
    .select({ id: forms.id, planId: forms.planId, title: forms.title, fields: forms.fields })
    .from(forms)
    .where(and(eq(forms.tenantId, tenantId), eq(forms.id, formId)));
  return row ?? null;
}

/**
 * The form's latest round（填报批次）: the one whose approved data computed indicators read. Rounds are ordered
 * by creation, then by deadline (the later period) and id where two were sent at one instant.
 */
export async function findLatestRound(db: DbOrTx, tenantId: string, formId: string) {
  const [row] = await db
    .select({
      id: formRounds.id,
      name: formRounds.name,
      deadline: formRounds.deadline,
      status: formRounds.status,
      closedAt: formRounds.closedAt,
    })
    .from(formRounds)
    .where(and(eq(formRounds.tenantId, tenantId), eq(formRounds.formId, formId)))
    .orderBy(desc(formRounds.createdAt), desc(formRounds.deadline), desc(formRounds.id))
    .limit(1);
  return row ?? null;
}

/**
 * Every audience unit's submission of a round, with the unit's register attributes, in the register's order;
 * of the values only the fields `keys` names leave the database (a form has tens of fields, a formula reads a
 * few: most of the load's time over thousands of units was the whole jsonb).
 */
export async function findRoundSubmissions(db: DbOrTx, tenantId: string, roundId: string, keys: string[]) {
  const wanted = keys.length
    ? sql`array[${sql.join(
        keys.map((k) => sql`${k}`),
        sql`, `,
      )}]`
    : sql`array[]`;
  return db
    .select({
      status: formSubmissions.status,
      values: sql<FormValues>`coalesce((select jsonb_object_agg(k, ${formSubmissions.values} -> k) from unnest(${wanted}::text[]) k where ${formSubmissions.values} ? k), '{}'::jsonb)`,
      unit: {
        id: units.id,
        name: units.name,
        kind: units.kind,
        schoolType: units.schoolType,
        ownership: units.ownership,
        township: units.township,
      },
    })
    .from(formSubmissions)
    .innerJoin(units, eq(units.id, formSubmissions.unitId))
    .where(and(eq(formSubmissions.tenantId, tenantId), eq(formSubmissions.roundId, roundId)))
    .orderBy(asc(units.sortOrder), asc(units.name), asc(units.id));
}

/** A computed indicator's value history, oldest first. */
export async function findHistory(db: DbOrTx, tenantId: string, indicatorId: string) {
  return db
    .select()
    .from(indicatorComputedValues)
    .where(
      and(
        eq(indicatorComputedValues.tenantId, tenantId),
        eq(indicatorComputedValues.indicatorId, indicatorId),
      ),
    )
    .orderBy(asc(indicatorComputedValues.computedAt), asc(indicatorComputedValues.id));
}

/** The latest history point of an indicator, or null before its first computation. */
export async function findLatestPoint(db: DbOrTx, tenantId: string, indicatorId: string) {
  const [row] = await db
    .select()
    .from(indicatorComputedValues)
    .where(
      and(
        eq(indicatorComputedValues.tenantId, tenantId),
        eq(indicatorComputedValues.indicatorId, indicatorId),
      ),
    )
    .orderBy(desc(indicatorComputedValues.computedAt), desc(indicatorComputedValues.id))
    .limit(1);
  return row ?? null;
}

/** Appends a point to an indicator's value history. */
export async function insertPoint(tx: DbOrTx, values: typeof indicatorComputedValues.$inferInsert) {
  await tx.insert(indicatorComputedValues).values(values);
}

/** What plan readers take of one computed indicator: its value as of a moment and whether its round is closed. */
export interface ComputedPoint {
  indicatorId: string;
  value: number | null;
  reported: number;
  expected: number;
  /** The form's latest round was closed by then: its figure is final whoever is missing. */
  closed: boolean;
}

/**
 * For each computed indicator of a plan, its latest history point up to `until` and whether the form's latest
 * round was closed by then, in one statement; an indicator computed only after `until` is left out.
 */
export async function findPlanPoints(
  db: DbOrTx,
  at: { tenantId: string; planId: string; until: Date },
): Promise<ComputedPoint[]> {
  const until = at.until.toISOString();
  const result = (await db.execute(sql`
    select "f"."indicator_id", "v"."value", "v"."reported", "v"."expected",
      coalesce("r"."status" = 'closed' and "r"."closed_at" <= ${until}::timestamptz, false) as "closed"
    from "indicator_formulas" "f"
    join "indicators" "i" on "i"."id" = "f"."indicator_id"
    join lateral (
      select "cv"."value", "cv"."reported", "cv"."expected" from "indicator_computed_values" "cv"
      where "cv"."tenant_id" = ${at.tenantId} and "cv"."indicator_id" = "f"."indicator_id"
        and "cv"."computed_at" <= ${until}::timestamptz
      order by "cv"."computed_at" desc, "cv"."id" desc limit 1
    ) "v" on true
    left join lateral (
      select "fr"."status", "fr"."closed_at" from "form_rounds" "fr"
      where "fr"."tenant_id" = ${at.tenantId} and "fr"."form_id" = "f"."form_id"
      order by "fr"."created_at" desc, "fr"."deadline" desc, "fr"."id" desc limit 1
    ) "r" on true
    where "f"."tenant_id" = ${at.tenantId} and "i"."plan_id" = ${at.planId}`)) as unknown as {
    rows: {
      indicator_id: string;
      value: number | null;
      reported: number;
      expected: number;
      closed: boolean;
    }[];
  };
  return result.rows.map((r) => ({
    indicatorId: r.indicator_id,
    value: r.value === null ? null : Number(r.value),
    reported: Number(r.reported),
    expected: Number(r.expected),
    closed: r.closed === true,
  }));
}
