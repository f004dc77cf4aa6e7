import type { FormSubmissionStatus } from "@duban/domain";
import { and, asc, count, desc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { formRounds, formSubmissionEvents, formSubmissions, forms, units, users } from "../../db/schema.js";
import type { VersionedKey } from "./forms.repository.js";

/** A submission row. */
export type FormSubmissionRow = typeof formSubmissions.$inferSelect;

/** What a submission is read with: its round, its form and its unit's name. */
const withContext = {
  submission: formSubmissions,
  round: formRounds,
  form: forms,
  unitName: units.name,
};

/** One submission of the tenant with its round, form and unit name, or null. */
export async function findSubmission(db: DbOrTx, tenantId: string, id: string) {
  const [row] = await db
    .select(withContext)
    .from(formSubmissions)
    .innerJoin(formRounds, eq(formRounds.id, formSubmissions.roundId))
    .innerJoin(forms, eq(forms.id, formSubmissions.formId))
    .innerJoin(units, eq(units.id, formSubmissions.unitId))
    .where(and(eq(formSubmissions.tenantId, tenantId), eq(formSubmissions.id, id)));
  return row ?? null;
}

/** A submission with its round, form and unit name. */
export type SubmissionInContext = NonNullable<Awaited<ReturnType<typeof findSubmission>>>;

/** A page of one unit's submissions: open rounds first, then by deadline, newest rounds first within a day. */
export async function findUnitSubmissions(
  db: DbOrTx,
  key: { tenantId: string; unitId: string; status?: FormSubmissionStatus | undefined },
  page: { page: number; pageSize: number },
) {
  const where = and(
    eq(formSubmissions.tenantId, key.tenantId),
    eq(formSubmissions.unitId, key.unitId),
    key.status ? eq(formSubmissions.status, key.status) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select(withContext)
      .from(formSubmissions)
      .innerJoin(formRounds, eq(formRounds.id, formSubmissions.roundId))
      .innerJoin(forms, eq(forms.id, formSubmissions.formId))
      .innerJoin(units, eq(units.id, formSubmissions.unitId))
      .where(where)
      .orderBy(
        sql`${formRounds.status} = 'closed'`,
        asc(formRounds.deadline),
        desc(formRounds.createdAt),
        asc(formSubmissions.id),
      )
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    db.select({ n: count() }).from(formSubmissions).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** Every submission of a round with its unit's name, by unit name. */
export async function findRoundSubmissions(db: DbOrTx, tenantId: string, roundId: string) {
  return db
    .select({ submission: formSubmissions, unitName: units.name })
    .from(formSubmissions)
    .innerJoin(units, eq(units.id, formSubmissions.unitId))
    .where(and(eq(formSubmissions.tenantId, tenantId), eq(formSubmissions.roundId, roundId)))
    .orderBy(asc(units.name), asc(formSubmissions.id));
}

/** Inserts one draft submission per unit of a round's audience. */
export async function insertDraftSubmissions(
  db: DbOrTx,
  values: { tenantId: string; roundId: string; formId: string; unitIds: string[]; now: Date },
): Promise<void> {
  if (values.unitIds.length === 0) return;
  await db.insert(formSubmissions).values(
    values.unitIds.map((unitId) => ({
      tenantId: values.tenantId,
      roundId: values.roundId,
      formId: values.formId,
      unitId,
      createdAt: values.now,
      updatedAt: values.now,
    })),
  );
}

/** Writes a submission's change when it is still at `version` (and in `from`); null when it moved meanwhile. */
export async function updateSubmission(
  db: DbOrTx,
  key: VersionedKey & { from: FormSubmissionStatus },
  values: Partial<Omit<FormSubmissionRow, "id" | "tenantId" | "version">> & { updatedAt: Date },
): Promise<FormSubmissionRow | null> {
  const [row] = await db
    .update(formSubmissions)
    .set({ ...values, version: sql`${formSubmissions.version} + 1` })
    .where(
      and(
        eq(formSubmissions.tenantId, key.tenantId),
        eq(formSubmissions.id, key.id),
        eq(formSubmissions.status, key.from),
        eq(formSubmissions.version, key.version),
      ),
    )
    .returning();
  return row ?? null;
}

/** Appends one entry to a submission's history（填报记录）. */
export async function insertSubmissionEvent(db: DbOrTx, values: typeof formSubmissionEvents.$inferInsert) {
  await db.insert(formSubmissionEvents).values(values);
}

/** A submission's history, oldest first, with who acted. */
export async function findSubmissionEvents(db: DbOrTx, tenantId: string, submissionId: string) {
  return db
    .select({ event: formSubmissionEvents, actorName: users.name })
    .from(formSubmissionEvents)
    .leftJoin(users, eq(users.id, formSubmissionEvents.actorId))
    .where(
      and(eq(formSubmissionEvents.tenantId, tenantId), eq(formSubmissionEvents.submissionId, submissionId)),
    )
    .orderBy(asc(formSubmissionEvents.id));
}
