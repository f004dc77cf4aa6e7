import type { Cockpit } from "@duban/domain";
import { useQuery } from "@tanstack/react-query";
import { apiRequest } from "./client";

/** Root query key of the cockpit's figures. */
export const cockpitKey = ["cockpit"] as const;

/**
 * The 领导驾驶舱 of a plan as of a day (today when `asOf` is undefined); nothing is asked while `planId` is empty.
 * Another day of the same plan keeps the figures on screen until the new ones arrive; another plan does not.
 */
export function useCockpit(planId: string, asOf: string | undefined) {
  return useQuery({
    queryKey: [...cockpitKey, planId, asOf ?? null],
    queryFn: ({ signal }) => apiRequest<Cockpit>(`/plans/${planId}/cockpit`, { query: { asOf }, signal }),
    enabled: planId !== "",
    placeholderData: (previous, previousQuery) =>
      previousQuery?.queryKey[1] === planId ? previous : undefined,
  });
}
