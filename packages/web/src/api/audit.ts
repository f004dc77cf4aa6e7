import type { AuditPage, AuditQuery } from "@duban/domain";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiRequest } from "./client";
import type { FiltersOf, Paging } from "./paging";

/** Filters of the audit log; dates are `YYYY-MM-DD` (Asia/Shanghai). */
export type AuditFilters = FiltersOf<AuditQuery>;

/** One page of the audit log, newest first. */
export function useAuditLogs(filters: AuditFilters, paging: Paging) {
  return useQuery({
    queryKey: ["audit", filters, paging],
    queryFn: ({ signal }) =>
      apiRequest<AuditPage>("/audit-logs", { query: { ...filters, ...paging }, signal }),
    placeholderData: keepPreviousData,
  });
}
