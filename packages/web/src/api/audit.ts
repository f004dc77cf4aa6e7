import type { AuditEntry } from "@duban/domain";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiRequest } from "./client";
import type { ListPage, Paging } from "./paging";

/** Filters of the audit log; dates are `YYYY-MM-DD` (Asia/Shanghai). */
export interface AuditFilters {
  action?: string;
  entity?: string;
  q?: string;
  from?: string;
  to?: string;
}

/** One page of the audit log, newest first. */
export function useAuditLogs(filters: AuditFilters, paging: Paging) {
  return useQuery({
    queryKey: ["audit", filters, paging],
    queryFn: ({ signal }) =>
      apiRequest<ListPage<AuditEntry>>("/audit-logs", { query: { ...filters, ...paging }, signal }),
    placeholderData: keepPreviousData,
  });
}
