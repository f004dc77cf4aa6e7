import type { FormRoundCounts } from "@duban/domain";
import { and, asc, count, desc, eq, isNotNull, ne, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { formRounds, formSubmissions, forms, indicatorFormulas, indicators, units } from "../../db/schema.js";

/** A form row. */
export type FormRow = typeof forms.$inferSelect;
/** A round row. */
export type FormRoundRow = typeof formRounds.$inferSelect;

/** Identifies one record of a tenant at the version the user saw. */
export interface VersionedKey {
  tenantId: string;
  id: string;
  version: number;
}

/** One form of the tenant with its owner department's name, or null. */
export async function findForm(db: DbOrTx, tenantId: string, id: string) {
  const [row] = await db
    .select({ form: forms, ownerName: units.name })
    .from(forms)
    .leftJoin(units, eq(units.id, forms.ownerUnitId))
    .where(and(eq(forms.tenantId, tenantId), eq(forms.id, id)));
  return row ?? null;
}

/** A page of a plan's forms (archived ones only when asked for), newest first, each with its owner's name and number of rounds. */
export async function findPlanForms(
  db: DbOrTx,
  key: { tenantId: string; planId: string },
  page: { page: number; pageSize: number; includeArchived?: boolean | undefined },
) {
  const where = and(
    eq(forms.tenantId, key.tenantId),
    eq(forms.planId, key.planId),
    page.includeArchived ? undefined : ne(forms.status, "archived"),
  );
  const rounds = db
    .select({ formId: formRounds.formId, n: count().as("n") })
    .from(formRounds)
    .where(eq(formRounds.tenantId, key.tenantId))
    .groupBy(formRounds.formId)
    .as("rounds");
  const [rows, [total]] = await Promise.all([
    db
      .select({ form: forms, ownerName: units.name, roundCount: sql<number>`coalesce(${rounds.n}, 0)::int` })
      .from(forms)
      .leftJoin(units, eq(units.id, forms.ownerUnitId))
      .leftJoin(rounds, eq(rounds.formId, forms.id))
      .where(where)
      // A stopped test clock gives many rows one instant: the id breaks the tie.
      .orderBy(desc(forms.createdAt), desc(forms.id))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    db.select({ n: count() }).from(forms).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** Inserts a draft form. */
export async function insertForm(db: DbOrTx, values: typeof forms.$inferInsert): Promise<FormRow> {
  const [row] = await db.insert(forms).values(values).returning();
  return row!;
}

/** Writes a form's edit (or its activation) when it is still at `version`; false when it moved meanwhile. */
export async function updateForm(
  db: DbOrTx,
  key: VersionedKey,
  values: Partial<
    Pick<FormRow, "title" | "description" | "fields" | "rules" | "ownerUnitId" | "status" | "autoRound">
  > & {
    updatedAt: Date;
  },
): Promise<boolean> {
  const rows = await db
    .update(forms)
    .set({ ...values, version: sql`${forms.version} + 1` })
    .where(and(eq(forms.tenantId, key.tenantId), eq(forms.id, key.id), eq(forms.version, key.version)))
    .returning({ id: forms.id });
  return rows.length > 0;
}

/** Deletes a form at `version` that has no round; false when it moved or was sent meanwhile. */
export async function deleteForm(db: DbOrTx, key: VersionedKey): Promise<boolean> {
  const rows = await db
    .delete(forms)
    .where(
      and(
        eq(forms.tenantId, key.tenantId),
        eq(forms.id, key.id),
        eq(forms.version, key.version),
        sql`not exists (select 1 from ${formRounds} where ${formRounds.tenantId} = ${key.tenantId} and ${formRounds.formId} = ${key.id})`,
      ),
    )
    .returning({ id: forms.id });
  return rows.length > 0;
}

/** The computed indicators whose formulas read this form, with their stored ASTs. */
export async function findFormFormulas(db: DbOrTx, tenantId: string, formId: string) {
  return db
    .select({ indicatorId: indicatorFormulas.indicatorId, name: indicators.name, ast: indicatorFormulas.ast })
    .from(indicatorFormulas)
    .innerJoin(indicators, eq(indicators.id, indicatorFormulas.indicatorId))
    .where(and(eq(indicatorFormulas.tenantId, tenantId), eq(indicatorFormulas.formId, formId)))
    .orderBy(asc(indicators.name));
}

/** Counts per submission status of each of the given rounds（"who has filled"）. */
function countsSelect() {
  const n = (status: string) =>
    sql<number>`count(*) filter (where ${formSubmissions.status} = ${status})::int`;
  return {
    roundId: formSubmissions.roundId,
    expected: sql<number>`count(*)::int`,
    draft: n("draft"),
    submitted: n("submitted"),
    returned: n("returned"),
    approved: n("approved"),
  };
}

/** A form's rounds, newest first, each with its submission counts. */
export async function findFormRounds(db: DbOrTx, tenantId: string, formId: string) {
  const [rounds, counts] = await Promise.all([
    db
      .select()
      .from(formRounds)
      .where(and(eq(formRounds.tenantId, tenantId), eq(formRounds.formId, formId)))
      .orderBy(desc(formRounds.createdAt), desc(formRounds.deadline), desc(formRounds.id)),
    db
      .select(countsSelect())
      .from(formSubmissions)
      .where(and(eq(formSubmissions.tenantId, tenantId), eq(formSubmissions.formId, formId)))
      .groupBy(formSubmissions.roundId),
  ]);
  const byRound = new Map(counts.map(({ roundId, ...c }) => [roundId, c as FormRoundCounts]));
  return rounds.map((round) => ({ round, counts: byRound.get(round.id) ?? emptyCounts }));
}

const emptyCounts: FormRoundCounts = { expected: 0, draft: 0, submitted: 0, returned: 0, approved: 0 };

/** One round of the tenant with its form, or null. */
export async function findRound(db: DbOrTx, tenantId: string, id: string) {
  const [row] = await db
    .select({ round: formRounds, form: forms })
    .from(formRounds)
    .innerJoin(forms, eq(forms.id, formRounds.formId))
    .where(and(eq(formRounds.tenantId, tenantId), eq(formRounds.id, id)));
  return row ?? null;
}

/** Inserts a round; null when the form already has one for that cycle (another process or call sent it). */
export async function insertRound(
  db: DbOrTx,
  values: typeof formRounds.$inferInsert,
): Promise<FormRoundRow | null> {
  const [row] = await db.insert(formRounds).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

/** The plan's active forms filled every reporting cycle（每个填报周期自动发放）, oldest first. */
export async function findAutoRoundForms(db: DbOrTx, tenantId: string, planId: string): Promise<FormRow[]> {
  return db
    .select()
    .from(forms)
    .where(
      and(
        eq(forms.tenantId, tenantId),
        eq(forms.planId, planId),
        eq(forms.status, "active"),
        isNotNull(forms.autoRound),
      ),
    )
    .orderBy(asc(forms.createdAt), asc(forms.id));
}

/** Closes an open round at `version`; false when it moved or was closed meanwhile. */
export async function closeRound(db: DbOrTx, key: VersionedKey, closedAt: Date): Promise<boolean> {
  const rows = await db
    .update(formRounds)
    .set({ status: "closed", closedAt, version: sql`${formRounds.version} + 1` })
    .where(
      and(
        eq(formRounds.tenantId, key.tenantId),
        eq(formRounds.id, key.id),
        eq(formRounds.status, "open"),
        eq(formRounds.version, key.version),
      ),
    )
    .returning({ id: formRounds.id });
  return rows.length > 0;
}
