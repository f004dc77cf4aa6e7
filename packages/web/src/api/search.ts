import type { SearchKind, SearchPage } from "@duban/domain";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiRequest } from "./client";

/** One page of the header search's hits; asks nothing for an empty query. */
export function useSearch(query: {
  q: string;
  kind?: SearchKind | undefined;
  page: number;
  pageSize: number;
}) {
  return useQuery({
    queryKey: ["search", query],
    queryFn: ({ signal }) => apiRequest<SearchPage>("/search", { query: { ...query }, signal }),
    enabled: query.q.trim() !== "",
    placeholderData: keepPreviousData,
  });
}
