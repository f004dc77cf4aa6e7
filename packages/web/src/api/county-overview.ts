import type { CountyOverview } from "@duban/domain";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { cascadeKey } from "./cascade";
import { apiRequest, apiUrl } from "./client";

/** The 县区总览 of one plan: its counties as units over what it handed down to them. */
export function useCountyOverview(planId: string | undefined) {
  return useQuery({
    queryKey: [...cascadeKey, "overview", planId],
    queryFn: ({ signal }) => apiRequest<CountyOverview>("/cascade/overview", { query: { planId }, signal }),
    enabled: !!planId,
    placeholderData: keepPreviousData,
  });
}

/** Where the plan's 上级通报 (.docx) of a day (today when left out) downloads from. */
export function countyBulletinUrl(planId: string, asOf?: string): string {
  return apiUrl("/cascade/bulletin-document", { planId, asOf });
}
