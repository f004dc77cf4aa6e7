import type {
  ImportResult,
  SetEnabledInput,
  Unit,
  UnitCreateInput,
  UnitOption,
  UnitPage,
  UnitQuery,
  UnitUpdateInput,
} from "@duban/domain";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiRequest } from "./client";
import { type FiltersOf, fetchAllItems, type Paging } from "./paging";

export type { ImportResult, UnitOption };

/** Filters of the unit list. */
export type UnitFilters = FiltersOf<UnitQuery>;

/** Root query key of everything about units. */
export const unitsKey = ["units"] as const;

/** One page of units. */
export function useUnits(filters: UnitFilters, paging: Paging) {
  return useQuery({
    queryKey: [...unitsKey, "list", filters, paging],
    queryFn: ({ signal }) => apiRequest<UnitPage>("/units", { query: { ...filters, ...paging }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Every enabled unit, for selects. */
export function useUnitOptions() {
  return useQuery({
    queryKey: [...unitsKey, "options"],
    queryFn: ({ signal }) => fetchAllItems<UnitOption>("/units/options", { signal }),
    staleTime: 60_000,
  });
}

/** The distinct townships of the tenant's units. */
export function useTownships() {
  return useQuery({
    queryKey: [...unitsKey, "townships"],
    queryFn: ({ signal }) => fetchAllItems<string>("/units/townships", { signal }),
    staleTime: 60_000,
  });
}

/** Creates a unit. */
export function createUnit(input: UnitCreateInput): Promise<Unit> {
  return apiRequest<Unit>("/units", { method: "POST", body: input });
}

/** Updates a unit; `input.version` is the version read. */
export function updateUnit(id: string, input: UnitUpdateInput): Promise<Unit> {
  return apiRequest<Unit>(`/units/${id}`, { method: "PUT", body: input });
}

/** Enables or disables a unit. */
export function setUnitEnabled(id: string, input: SetEnabledInput): Promise<Unit> {
  return apiRequest<Unit>(`/units/${id}/enabled`, { method: "PUT", body: input });
}

/** Imports units from an .xlsx file; any bad row rejects the whole file. */
export function importUnits(file: File): Promise<ImportResult> {
  const body = new FormData();
  body.append("file", file);
  return apiRequest<ImportResult>("/units/import", { method: "POST", body });
}
