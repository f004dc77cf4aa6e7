import type { WorkCalendarOverview, WorkCalendarYear, WorkCalendarYearUpdateInput } from "@duban/domain";
import { useQuery } from "@tanstack/react-query";
import { apiRequest } from "./client";

export type { WorkCalendarOverview, WorkCalendarYear };

/** Query key of everything the calendar answers; a save refreshes all of it. */
export const workCalendarKey = ["work-calendar"] as const;

/** The years with a table and the years that matter today but have none. */
export function useWorkCalendarOverview() {
  return useQuery({
    queryKey: [...workCalendarKey, "overview"],
    queryFn: ({ signal }) => apiRequest<WorkCalendarOverview>("/work-calendar", { signal }),
  });
}

/** One year's listed days. */
export function useWorkCalendarYear(year: number) {
  return useQuery({
    queryKey: [...workCalendarKey, year],
    queryFn: ({ signal }) => apiRequest<WorkCalendarYear>(`/work-calendar/${year}`, { signal }),
  });
}

/** Saves the bureau's own table for a year. */
export function saveWorkCalendarYear(year: number, input: WorkCalendarYearUpdateInput) {
  return apiRequest<WorkCalendarYear>(`/work-calendar/${year}`, { method: "PUT", body: input });
}

/** Drops the bureau's own table: the year goes back to the State Council arrangement, or Monday to Friday. */
export function resetWorkCalendarYear(year: number) {
  return apiRequest<WorkCalendarYear>(`/work-calendar/${year}/reset`, { method: "POST", body: {} });
}
