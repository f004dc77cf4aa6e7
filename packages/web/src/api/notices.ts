import type {
  Notice,
  NoticeCreateInput,
  NoticeDecisionInput,
  NoticeListQueryParams,
  NoticePage,
  NoticeReplyBody,
  NoticeScanResult,
} from "@duban/domain";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiRequest, apiUrl } from "./client";
import type { FiltersOf, Paging } from "./paging";

/** Filters of the 督办台账, shared by the list and the Excel export. */
export type NoticeFilters = FiltersOf<NoticeListQueryParams>;

/** Counts of one 立即扫描. */
export type ScanResult = NoticeScanResult;

/** Root query key of everything about 督办单. */
export const noticesKey = ["notices"] as const;

/** One page of the 督办台账. */
export function useNotices(filters: NoticeFilters, paging: Paging) {
  return useQuery({
    queryKey: [...noticesKey, "list", filters, paging],
    queryFn: ({ signal }) => apiRequest<NoticePage>("/notices", { query: { ...filters, ...paging }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** One notice with its history. */
export function useNotice(id: string) {
  return useQuery({
    queryKey: [...noticesKey, "detail", id],
    queryFn: ({ signal }) => apiRequest<Notice>(`/notices/${id}`, { signal }),
  });
}

/** The download address of the ledger as .xlsx with the same filters. */
export function noticesExportUrl(filters: NoticeFilters): string {
  return apiUrl("/notices/export.xlsx", { ...filters });
}

/** The download address of a notice's 督办通知单 (.docx, GB/T 9704). */
export function noticeDocumentUrl(id: string): string {
  return apiUrl(`/notices/${id}/document`);
}

/** Raises a 督办单 by hand. */
export function createNotice(input: NoticeCreateInput): Promise<Notice> {
  return apiRequest<Notice>("/notices", { method: "POST", body: input });
}

/** Runs the automatic raise/upgrade/close pass now. */
export function scanNotices(): Promise<ScanResult> {
  return apiRequest<ScanResult>("/notices/scan", { method: "POST" });
}

/** The unit's reply: 办理情况, measures, evidence. */
export function replyNotice(id: string, input: NoticeReplyBody): Promise<Notice> {
  return apiRequest<Notice>(`/notices/${id}/reply`, { method: "POST", body: input });
}

/** The supervisor accepts a reply or sends it back with a reason. */
export function decideNotice(id: string, input: NoticeDecisionInput): Promise<Notice> {
  return apiRequest<Notice>(`/notices/${id}/decision`, { method: "POST", body: input });
}
