import type { ComputedIndicator, IndicatorFormulaPutInput } from "@duban/domain";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiRequest, apiUrl } from "./client";
import type { Paging } from "./paging";

/** Root query key of computed indicators; an approval or a new formula refreshes them. */
export const computedKey = ["indicators", "computed"] as const;

/** How the drill-down rows are sorted: by unit name (no key) or a field's key. */
export interface ComputedSort {
  sort?: string;
  order: "asc" | "desc";
}

/** A computed indicator: value, coverage, status, formula in words, history and a page of its unit rows. */
export function useComputedIndicator(id: string, paging: Paging, sort: ComputedSort) {
  return useQuery({
    queryKey: [...computedKey, id, paging, sort],
    queryFn: ({ signal }) =>
      apiRequest<ComputedIndicator>(`/indicators/${id}/computed`, { query: { ...paging, ...sort }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Defines or replaces the indicator's formula over a form's approved data. */
export function putFormula(id: string, input: IndicatorFormulaPutInput): Promise<ComputedIndicator> {
  return apiRequest<ComputedIndicator>(`/indicators/${id}/formula`, { method: "PUT", body: input });
}

/** Removes the formula: the indicator is reported directly again. */
export function deleteFormula(id: string): Promise<void> {
  return apiRequest<void>(`/indicators/${id}/formula`, { method: "DELETE" });
}

/** Where the unit rows behind the value download from (.xlsx). */
export function computedRowsUrl(id: string): string {
  return apiUrl(`/indicators/${id}/computed/rows.xlsx`);
}
