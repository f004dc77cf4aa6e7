import type { PlanReminderSettings, PlanReminderSettingsUpdateInput } from "@duban/domain";
import { useQuery } from "@tanstack/react-query";
import { apiRequest } from "./client";
import { plansKey } from "./plans";

/** Query key of a plan's 催办 settings; under the plans key, so a plan refresh refreshes them too. */
export function reminderSettingsKey(planId: string) {
  return [...plansKey, "reminder-settings", planId] as const;
}

/** A plan's 催办 settings (the defaults, marked `isDefault`, while none are saved). */
export function useReminderSettings(planId: string) {
  return useQuery({
    queryKey: reminderSettingsKey(planId),
    queryFn: ({ signal }) =>
      apiRequest<PlanReminderSettings>(`/plans/${planId}/reminder-settings`, { signal }),
  });
}

/** Saves a plan's 催办 settings at the version read. */
export function saveReminderSettings(
  planId: string,
  input: PlanReminderSettingsUpdateInput,
): Promise<PlanReminderSettings> {
  return apiRequest<PlanReminderSettings>(`/plans/${planId}/reminder-settings`, {
    method: "PUT",
    body: input,
  });
}
