import type { UnitKeywordDictionary, UnitKeywordEntry, UnitKeywordsInput } from "@duban/domain";
import { useQuery } from "@tanstack/react-query";
import { apiRequest } from "./client";

export type { UnitKeywordDictionary, UnitKeywordEntry };

/** Query key of the dictionary. */
export const unitKeywordsKey = ["unit-keywords"] as const;

/** The keyword → department dictionary of the tenant. */
export function useUnitKeywords() {
  return useQuery({
    queryKey: unitKeywordsKey,
    queryFn: ({ signal }) => apiRequest<UnitKeywordDictionary>("/unit-keywords", { signal }),
  });
}

/** Replaces the whole dictionary. */
export function saveUnitKeywords(input: UnitKeywordsInput): Promise<UnitKeywordDictionary> {
  return apiRequest<UnitKeywordDictionary>("/unit-keywords", { method: "PUT", body: input });
}
