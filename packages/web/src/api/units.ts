import type {
  SchoolType,
  SetEnabledInput,
  Unit,
  UnitCreateInput,
  UnitKind,
  UnitUpdateInput,
} from "@duban/domain";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiRequest, itemsOf } from "./client";
import type { ListPage, Paging } from "./paging";

/** Filters of the unit list. */
export interface UnitFilters {
  q?: string;
  kind?: string;
  schoolType?: string;
  ownership?: string;
  township?: string;
  enabled?: "true" | "false";
}

/** An enabled unit, as offered in selects. */
export interface UnitOption {
  id: string;
  name: string;
  kind: UnitKind;
  schoolType: SchoolType | null;
}

/** Result of an Excel import. */
export interface ImportResult {
  imported: number;
}

/** Root query key of everything about units. */
export const unitsKey = ["units"] as const;

/** One page of units. */
export function useUnits(filters: UnitFilters, paging: Paging) {
  return useQuery({
    queryKey: [...unitsKey, "list", filters, paging],
    queryFn: ({ signal }) =>
      apiRequest<ListPage<Unit>>("/units", { query: { ...filters, ...paging }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Every enabled unit, for selects. */
export function useUnitOptions() {
  return useQuery({
    queryKey: [...unitsKey, "options"],
    queryFn: async ({ signal }) =>
      itemsOf(await apiRequest<UnitOption[] | { items: UnitOption[] }>("/units/options", { signal })),
    staleTime: 60_000,
  });
}

/** The distinct townships of the tenant's units. */
export function useTownships() {
  return useQuery({
    queryKey: [...unitsKey, "townships"],
    queryFn: async ({ signal }) =>
      itemsOf(await apiRequest<string[] | { items: string[] }>("/units/townships", { signal })),
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
