import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { planReminderSettings } from "../../db/schema.js";

/** A plan's saved 催办 settings. */
export type ReminderSettingsRow = typeof planReminderSettings.$inferSelect;

/** The three values a supervisor sets. */
export interface ReminderSettingsValues {
  remindDaysBefore: number;
  escalateAfterDays: number;
  remindWorkdaysOnly: boolean;
}

/** The plan's saved settings, or null while it uses the defaults. */
export async function findReminderSettings(
  db: DbOrTx,
  tenantId: string,
  planId: string,
): Promise<ReminderSettingsRow | null> {
  const [row] = await db
    .select()
    .from(planReminderSettings)
    .where(and(eq(planReminderSettings.tenantId, tenantId), eq(planReminderSettings.planId, planId)));
  return row ?? null;
}

/** Saves a plan's first settings at version 1; null when another writer saved first (the key is the plan). */
export async function insertReminderSettings(
  tx: DbOrTx,
  input: { tenantId: string; planId: string; values: ReminderSettingsValues; now: Date },
): Promise<ReminderSettingsRow | null> {
  const [row] = await tx
    .insert(planReminderSettings)
    .values({
      tenantId: input.tenantId,
      planId: input.planId,
      ...input.values,
      version: 1,
      updatedAt: input.now,
    })
    .onConflictDoNothing()
    .returning();
  return row ?? null;
}

/** Overwrites saved settings if still at `version`; null when they changed meanwhile. */
export async function updateReminderSettings(
  tx: DbOrTx,
  input: { tenantId: string; planId: string; version: number; values: ReminderSettingsValues; now: Date },
): Promise<ReminderSettingsRow | null> {
  const [row] = await tx
    .update(planReminderSettings)
    .set({ ...input.values, version: sql`${planReminderSettings.version} + 1`, updatedAt: input.now })
    .where(
      and(
        eq(planReminderSettings.tenantId, input.tenantId),
        eq(planReminderSettings.planId, input.planId),
        eq(planReminderSettings.version, input.version),
      ),
    )
    .returning();
  return row ?? null;
}
