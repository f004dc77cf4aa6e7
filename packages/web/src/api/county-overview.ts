import type { CountyOverview } from "@duban/domain";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { cascadeKey } from "./cascade";
import { apiRequest, apiUrl } from "./client";

/** The 县区总览 of one plan on a day (today when left out): its counties as units over what it handed down. */
export function useCountyOverview(planId: string | undefined, asOf?: string) {
  return useQuery({
    queryKey: [...cascadeKey, "overview", planId, asOf],
    queryFn: ({ signal }) =>
      apiRequest<CountyOverview>("/cascade/overview", { query: { planId, asOf }, signal }),
    enabled: !!planId,
    placeholderData: keepPreviousData,
  });
}

/** Where the plan's 上级通报 (.docx) of a day (today when left out) downloads from. */
export function countyBulletinUrl(planId: string, asOf?: string): string {
  return apiUrl("/cascade/bulletin-document", { planId, asOf });
}
