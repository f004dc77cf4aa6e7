import type {
  CascadeNotice,
  CascadeNoticeCreateInput,
  CascadeNoticeDecisionInput,
  CascadeNoticeReplyBody,
  CascadeNoticeStatus,
  IssuedCascadeNoticePage,
  ReceivedCascadeNoticePage,
} from "@duban/domain";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { cascadeKey } from "./cascade";
import { apiRequest, apiUrl } from "./client";
import type { Paging } from "./paging";

/** Query key of 上级督办, under 上下联动's so a write there refreshes both. */
export const cascadeNoticesKey = [...cascadeKey, "notices"] as const;

/** The 督办单 the bureau issued on one of its hand-downs (a few per county at most: one page). */
export function useHandDownNotices(handDownId: string) {
  return useQuery({
    queryKey: [...cascadeNoticesKey, "issued", handDownId],
    queryFn: ({ signal }) =>
      apiRequest<IssuedCascadeNoticePage>(`/hand-downs/${handDownId}/notices`, {
        query: { pageSize: 200 },
        signal,
      }),
  });
}

/** A page of the 督办单 superiors addressed to the bureau. */
export function useReceivedNotices(paging: Paging, status: CascadeNoticeStatus | undefined) {
  return useQuery({
    queryKey: [...cascadeNoticesKey, "received", paging, status],
    queryFn: ({ signal }) =>
      apiRequest<ReceivedCascadeNoticePage>("/cascade/notices", { query: { ...paging, status }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** One 督办单 addressed to the bureau (the one a notification opens, whatever page of the list it is on). */
export function useReceivedNotice(id: string | null) {
  return useQuery({
    queryKey: [...cascadeNoticesKey, "received", "one", id],
    queryFn: ({ signal }) => apiRequest<CascadeNotice>(`/cascade/notices/${id}`, { signal }),
    enabled: !!id,
  });
}

/** 督办: issues a 督办单 to a subordinate bureau on a hand-down. */
export function issueCascadeNotice(
  handDownId: string,
  body: CascadeNoticeCreateInput,
): Promise<CascadeNotice> {
  return apiRequest<CascadeNotice>(`/hand-downs/${handDownId}/notices`, { method: "POST", body });
}

/** The subordinate's answer to a superior's 督办单. */
export function replyCascadeNotice(id: string, body: CascadeNoticeReplyBody): Promise<CascadeNotice> {
  return apiRequest<CascadeNotice>(`/cascade/notices/${id}/reply`, { method: "POST", body });
}

/** The superior accepts or returns a subordinate's answer. */
export function decideCascadeNotice(id: string, body: CascadeNoticeDecisionInput): Promise<CascadeNotice> {
  return apiRequest<CascadeNotice>(`/hand-down-notices/${id}/decision`, { method: "POST", body });
}

/** The download address of a notice's 督办通知单: the issuing side's or the addressed side's route. */
export function cascadeNoticeDocumentUrl(notice: CascadeNotice): string {
  return notice.handDownId
    ? apiUrl(`/hand-down-notices/${notice.id}/document`)
    : apiUrl(`/cascade/notices/${notice.id}/document`);
}
