import { z } from "zod";
import { reminderSettingsAbilitiesSchema } from "../policies/reminder-settings.js";
import { versionSchema } from "./common.js";

/**
 * What a plan without 催办 settings uses: the one place these values live (the scheduler, the API and the web
 * app all read them from here).
 */
export const defaultPlanReminderSettings = {
  remindDaysBefore: 3,
  escalateAfterDays: 3,
  remindWorkdaysOnly: false,
} as const;

/** Bounds of the 催办 settings: a month's notice at most, and escalation within two months. */
export const reminderSettingLimits = {
  remindDaysBeforeMax: 30,
  escalateAfterDaysMin: 1,
  escalateAfterDaysMax: 60,
} as const;

const { remindDaysBeforeMax, escalateAfterDaysMin, escalateAfterDaysMax } = reminderSettingLimits;

/** Body of `PUT /api/plans/:id/reminder-settings`; `version` is 0 while the plan still uses the defaults. */
export const planReminderSettingsUpdateSchema = z.strictObject({
  remindDaysBefore: z
    .number({ error: "提前提醒天数必须是整数" })
    .int({ error: "提前提醒天数必须是整数" })
    .min(0, { error: "提前提醒天数不能小于 0" })
    .max(remindDaysBeforeMax, { error: `提前提醒天数不能超过 ${remindDaysBeforeMax} 天` }),
  escalateAfterDays: z
    .number({ error: "逾期升级天数必须是整数" })
    .int({ error: "逾期升级天数必须是整数" })
    .min(escalateAfterDaysMin, { error: `逾期升级天数不能小于 ${escalateAfterDaysMin} 天` })
    .max(escalateAfterDaysMax, { error: `逾期升级天数不能超过 ${escalateAfterDaysMax} 天` }),
  remindWorkdaysOnly: z.boolean({ error: "请选择是否仅在工作日提醒" }),
  version: versionSchema,
});
/** 催办 settings update input. */
export type PlanReminderSettingsUpdateInput = z.infer<typeof planReminderSettingsUpdateSchema>;

/** A plan's 催办 settings as the API returns them; `isDefault` while none have been saved for the plan. */
export const planReminderSettingsSchema = z.object({
  planId: z.string(),
  remindDaysBefore: z.number().int(),
  escalateAfterDays: z.number().int(),
  remindWorkdaysOnly: z.boolean(),
  isDefault: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string().nullable(),
  abilities: reminderSettingsAbilitiesSchema,
});
/** A plan's 催办 settings. */
export type PlanReminderSettings = z.infer<typeof planReminderSettingsSchema>;
