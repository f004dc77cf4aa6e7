import type {
  HandDown,
  UpwardCompose,
  UpwardReport,
  UpwardReportCreateBody,
  UpwardReportPage,
} from "@duban/domain";
import { useQuery } from "@tanstack/react-query";
import { cascadeKey } from "./cascade";
import { apiRequest } from "./client";

/** What the 向上报送 form starts from for a received hand-down, and what was sent on it. */
export function useUpwardCompose(receivedId: string | null) {
  return useQuery({
    queryKey: [...cascadeKey, "upward", receivedId],
    queryFn: ({ signal }) => apiRequest<UpwardCompose>(`/cascade/inbox/${receivedId}/upward`, { signal }),
    enabled: !!receivedId,
  });
}

/** The counties' upward reports on a hand-down, optionally one county's, newest first. */
export function useHandDownUpwardReports(handDownId: string | null, tenantId?: string) {
  return useQuery({
    queryKey: [...cascadeKey, "upward-reports", handDownId, tenantId],
    queryFn: ({ signal }) =>
      apiRequest<UpwardReportPage>(`/hand-downs/${handDownId}/upward-reports`, {
        query: { tenantId, pageSize: 200 },
        signal,
      }),
    enabled: !!handDownId,
  });
}

/** 向上报送: sends an upward report on a linked hand-down. */
export function submitUpwardReport(receivedId: string, body: UpwardReportCreateBody): Promise<UpwardReport> {
  return apiRequest<UpwardReport>(`/cascade/inbox/${receivedId}/upward-reports`, { method: "POST", body });
}

/** URL of a file attached to an upward report: the only way a superior reaches a county's file. */
export function upwardFileUrl(reportId: string, fileId: string): string {
  return `/api/upward-reports/${reportId}/files/${fileId}`;
}

/** One hand-down with its roll-up, e.g. the one a notification opens. */
export function useHandDown(id: string | null) {
  return useQuery({
    queryKey: [...cascadeKey, "hand-down", id],
    queryFn: ({ signal }) => apiRequest<HandDown>(`/hand-downs/${id}`, { signal }),
    enabled: !!id,
  });
}
