import type { PublicPlan, PublicSettings, PublicSettingsInput } from "@duban/domain";
import { useQuery } from "@tanstack/react-query";
import { apiRequest } from "./client";

/** The query key of a plan's public settings. */
export const publicSettingsKey = (planId: string) => ["plans", planId, "public-settings"] as const;

/** What a plan publishes on its public page, with whether the user may change it. */
export function usePublicSettings(planId: string) {
  return useQuery({
    queryKey: publicSettingsKey(planId),
    queryFn: ({ signal }) => apiRequest<PublicSettings>(`/plans/${planId}/public-settings`, { signal }),
  });
}

/** Saves the plan switch and exactly the sections, tasks and indicators made public. */
export function savePublicSettings(planId: string, input: PublicSettingsInput): Promise<PublicSettings> {
  return apiRequest<PublicSettings>(`/plans/${planId}/public-settings`, { method: "PUT", body: input });
}

/** The public page of a plan, read without signing in. */
export function usePublicPlan(tenantSlug: string, planId: string) {
  return useQuery({
    queryKey: ["public", tenantSlug, planId],
    queryFn: ({ signal }) => apiRequest<PublicPlan>(`/public/${tenantSlug}/plans/${planId}`, { signal }),
    retry: false,
  });
}
