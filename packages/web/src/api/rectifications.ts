import type {
  Rectification,
  RectificationCounts,
  RectificationCreateInput,
  RectificationFilter,
  RectificationPage,
  RectificationStats,
  RectificationSubmitBody,
  RectificationVerifyInput,
} from "@duban/domain";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiRequest, apiUrl } from "./client";
import type { Paging } from "./paging";

export type { RectificationCounts, RectificationStats };

/** Filters of the 整改台账, shared by the list, the statistics and the export. */
export type RectificationFilters = RectificationFilter;

/** Root query key of everything about 整改. */
export const rectificationsKey = ["rectifications"] as const;

/** One page of the 整改台账. */
export function useRectifications(filters: RectificationFilters, paging: Paging) {
  return useQuery({
    queryKey: [...rectificationsKey, "list", filters, paging],
    queryFn: ({ signal }) =>
      apiRequest<RectificationPage>("/rectifications", { query: { ...filters, ...paging }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Statistics of the ledger under the same filters. */
export function useRectificationStats(filters: RectificationFilters) {
  return useQuery({
    queryKey: [...rectificationsKey, "stats", filters],
    queryFn: ({ signal }) =>
      apiRequest<RectificationStats>("/rectifications/stats", { query: { ...filters }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** One 整改 item. */
export function useRectification(id: string) {
  return useQuery({
    queryKey: [...rectificationsKey, "detail", id],
    queryFn: ({ signal }) => apiRequest<Rectification>(`/rectifications/${id}`, { signal }),
  });
}

/** The download address of the ledger as .xlsx. */
export function rectificationsExportUrl(filters: RectificationFilters): string {
  return apiUrl("/rectifications/export.xlsx", { ...filters });
}

/** Enters a 整改 item by hand. */
export function createRectification(input: RectificationCreateInput): Promise<Rectification> {
  return apiRequest<Rectification>("/rectifications", { method: "POST", body: input });
}

/** The unit submits measures and evidence. */
export function submitRectification(id: string, input: RectificationSubmitBody): Promise<Rectification> {
  return apiRequest<Rectification>(`/rectifications/${id}/submit`, { method: "POST", body: input });
}

/** The verifier's 销号 or 退回. */
export function verifyRectification(id: string, input: RectificationVerifyInput): Promise<Rectification> {
  return apiRequest<Rectification>(`/rectifications/${id}/verify`, { method: "POST", body: input });
}
