import type { CycleFiling, CycleUrgeResult } from "@duban/domain";
import { useQuery } from "@tanstack/react-query";
import { apiRequest, apiUrl } from "./client";

/** Query key of every 报送情况. */
export const filingKey = ["filing"] as const;

/** A cycle's 报送情况; nothing is asked while `cycleId` is empty. */
export function useCycleFiling(cycleId: string) {
  return useQuery({
    queryKey: [...filingKey, cycleId],
    queryFn: ({ signal }) => apiRequest<CycleFiling>(`/cycles/${cycleId}/filing`, { signal }),
    enabled: cycleId !== "",
  });
}

/** 一键催报: reminds every unit of the cycle whose report is missing, at most once a day each. */
export function urgeCycle(cycleId: string): Promise<CycleUrgeResult> {
  return apiRequest<CycleUrgeResult>(`/cycles/${cycleId}/urge`, { method: "POST" });
}

/** The download address of a plan's 工作台账 (.xlsx), today's or as of a past day. */
export function ledgerUrl(planId: string, asOf?: string): string {
  return apiUrl(`/plans/${planId}/ledger`, asOf ? { asOf } : undefined);
}
