import type {
  Extension,
  ExtensionCreateInput,
  ExtensionDecisionInput,
  ExtensionListQuery,
  ExtensionPage,
  ExtensionStatus,
} from "@duban/domain";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiRequest } from "./client";
import type { FiltersOf, Paging } from "./paging";

export type { ExtensionStatus };

/** Filters of the extension list. */
export type ExtensionFilters = FiltersOf<ExtensionListQuery>;

/** Root query key of everything about 延期申请. */
export const extensionsKey = ["extensions"] as const;

/** One page of extension requests the user may see. */
export function useExtensions(filters: ExtensionFilters, paging: Paging) {
  return useQuery({
    queryKey: [...extensionsKey, "list", filters, paging],
    queryFn: ({ signal }) =>
      apiRequest<ExtensionPage>("/extensions", { query: { ...filters, ...paging }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Asks for a later due date on an assignment. */
export function createExtension(input: ExtensionCreateInput): Promise<Extension> {
  return apiRequest<Extension>("/extensions", { method: "POST", body: input });
}

/** The lead department's or the supervisor's 同意/不同意. */
export function decideExtension(id: string, input: ExtensionDecisionInput): Promise<Extension> {
  return apiRequest<Extension>(`/extensions/${id}/decision`, { method: "POST", body: input });
}
