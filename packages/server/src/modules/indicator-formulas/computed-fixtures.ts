import type { FormField, FormSubmissionStatus, FormValues, Ownership } from "@duban/domain";
import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { formRounds, formSubmissions, forms, users } from "../../db/schema.js";
import { buildUnit, uniq } from "../../test/factories.js";

/** The kindergarten form's one field: children enrolled（在园幼儿数）. */
export const childrenField: FormField = {
  key: "children",
  label: "在园幼儿数",
  type: "integer",
  required: true,
  min: 0,
  unit: "人",
};

/** A form of a plan written straight to the tables, so these tests do not depend on the forms API. */
export async function insertForm(
  db: Db,
  at: { tenantId: string; planId: string },
  fields: FormField[] = [childrenField],
) {
  const [creator] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.tenantId, at.tenantId))
    .limit(1);
  const [form] = await db
    .insert(forms)
    .values({
      tenantId: at.tenantId,
      planId: at.planId,
      title: `幼儿园基本情况${uniq()}`,
      fields,
      status: "active",
      createdBy: creator!.id,
    })
    .returning();
  return { form: form!, createdBy: creator!.id };
}

/** One unit of a round's audience: its ownership, what it filled in and where its submission stands. */
export interface AudienceUnit {
  ownership: Ownership;
  values: FormValues;
  status: FormSubmissionStatus;
}

/** A round of a form sent to new kindergartens, one submission each as given. */
export async function insertRound(
  db: Db,
  at: { tenantId: string; formId: string; createdBy: string },
  audience: AudienceUnit[],
) {
  const [round] = await db
    .insert(formRounds)
    .values({
      tenantId: at.tenantId,
      formId: at.formId,
      name: `2023年春季${uniq()}`,
      deadline: "2023-06-30",
      createdBy: at.createdBy,
    })
    .returning();
  const units = [];
  for (const [i, a] of audience.entries()) {
    const unit = await buildUnit(db, at.tenantId, {
      name: `幼儿园${i + 1}-${uniq()}`,
      schoolType: "kindergarten",
      ownership: a.ownership,
      township: i % 2 === 0 ? "共济街道" : "岗店街道",
      sortOrder: i + 1,
    });
    units.push(unit);
    await db.insert(formSubmissions).values({
      tenantId: at.tenantId,
      roundId: round!.id,
      formId: at.formId,
      unitId: unit.id,
      status: a.status,
      values: a.values,
    });
  }
  return { round: round!, units };
}

/** Sets a submission's status (an approval as the forms module records it, without its history). */
export async function setSubmissionStatus(
  db: Db,
  at: { tenantId: string; roundId: string; unitId: string },
  status: FormSubmissionStatus,
) {
  await db
    .update(formSubmissions)
    .set({ status })
    .where(
      and(
        eq(formSubmissions.tenantId, at.tenantId),
        eq(formSubmissions.roundId, at.roundId),
        eq(formSubmissions.unitId, at.unitId),
      ),
    );
}

/** Closes a round at an instant, as `POST /api/form-rounds/:id/close` does. */
export async function closeRound(db: Db, at: { tenantId: string; roundId: string; closedAt: Date }) {
  await db
    .update(formRounds)
    .set({ status: "closed", closedAt: at.closedAt })
    .where(and(eq(formRounds.tenantId, at.tenantId), eq(formRounds.id, at.roundId)));
}
