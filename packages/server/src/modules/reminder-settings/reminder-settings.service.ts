import {
  defaultPlanReminderSettings,
  type PlanReminderSettings,
  type PlanReminderSettingsUpdateInput,
  reminderSettingsAbilities,
} from "@duban/domain";
import { notFound, staleVersion } from "../../errors.js";
import { authorize } from "../../http/authorize.js";
import type { ServiceContext } from "../../http/context.js";
import { audit } from "../audit/index.js";
import { findPlan } from "../plans/index.js";
import * as repo from "./reminder-settings.repository.js";

/** Throws 404 unless the plan belongs to the actor's tenant. */
async function assertPlanVisible(ctx: ServiceContext, planId: string): Promise<void> {
  const found = await findPlan(ctx.database.db, ctx.actor.tenantId, planId);
  if (!found) throw notFound("计划");
}

/** The API shape: saved values, or the defaults at version 0 while nothing is saved. */
function toSettings(
  ctx: ServiceContext,
  planId: string,
  row: repo.ReminderSettingsRow | null,
): PlanReminderSettings {
  const values = row ?? defaultPlanReminderSettings;
  return {
    planId,
    remindDaysBefore: values.remindDaysBefore,
    escalateAfterDays: values.escalateAfterDays,
    remindWorkdaysOnly: values.remindWorkdaysOnly,
    isDefault: row === null,
    version: row?.version ?? 0,
    updatedAt: row?.updatedAt.toISOString() ?? null,
    abilities: reminderSettingsAbilities(ctx.actor),
  };
}

/** A plan's 催办 settings, the defaults when none are saved. */
export async function getReminderSettings(ctx: ServiceContext, planId: string) {
  await assertPlanVisible(ctx, planId);
  const row = await repo.findReminderSettings(ctx.database.db, ctx.actor.tenantId, planId);
  return toSettings(ctx, planId, row);
}

/**
 * Saves a plan's 催办 settings. The first save inserts (the client read version 0, the defaults); later ones
 * update at the version read. Either way a concurrent save makes this one stale rather than silently lost.
 */
export async function updateReminderSettings(
  ctx: ServiceContext,
  planId: string,
  input: PlanReminderSettingsUpdateInput,
) {
  await assertPlanVisible(ctx, planId);
  authorize(reminderSettingsAbilities(ctx.actor), "update");
  const { tenantId } = ctx.actor;
  const values = {
    remindDaysBefore: input.remindDaysBefore,
    escalateAfterDays: input.escalateAfterDays,
    remindWorkdaysOnly: input.remindWorkdaysOnly,
  };
  const now = ctx.clock.now();
  const row = await ctx.database.db.transaction(async (tx) => {
    const before = await repo.findReminderSettings(tx, tenantId, planId);
    const write = { tenantId, planId, values, now };
    let saved: repo.ReminderSettingsRow | null = null;
    // No row yet: the client read the defaults at version 0, so only version 0 may make the first save.
    if (before) saved = await repo.updateReminderSettings(tx, { ...write, version: input.version });
    else if (input.version === 0) saved = await repo.insertReminderSettings(tx, write);
    if (!saved) throw staleVersion();
    await audit(ctx, tx, {
      action: "plan.reminder_settings",
      entity: "plan",
      entityId: planId,
      summary: values,
    });
    return saved;
  });
  return toSettings(ctx, planId, row);
}
