import type {
  PendingImport,
  PlanDetail,
  PlanDraftEdit,
  PlanImport,
  PlanPage,
  PlanPublishInput,
  PlanPublishResult,
  PlanSummary,
} from "@duban/domain";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiRequest } from "./client";
import { fetchAllItems } from "./paging";

export type { PendingImport, PlanPage };

/** Root query key of everything about plans. */
export const plansKey = ["plans"] as const;
/** Root query key of imports under review. */
export const planImportsKey = ["plan-imports"] as const;

/** The plans of one year (or of the newest year when `year` is undefined). */
export function usePlans(year: number | undefined) {
  return useQuery({
    queryKey: [...plansKey, "list", year ?? null],
    queryFn: ({ signal }) =>
      apiRequest<PlanPage>("/plans", { query: { year, page: 1, pageSize: 200 }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** A published plan with its tree; nothing is asked while `id` is empty (e.g. no plan picked yet). */
export function usePlan(id: string) {
  return useQuery({
    queryKey: [...plansKey, "detail", id],
    queryFn: ({ signal }) => apiRequest<PlanDetail>(`/plans/${id}`, { signal }),
    enabled: id !== "",
  });
}

/** Imports under review; only asked when the user may import. */
export function usePendingImports(enabled: boolean) {
  return useQuery({
    queryKey: [...planImportsKey, "list"],
    queryFn: ({ signal }) => fetchAllItems<PendingImport>("/plan-imports", { signal }),
    enabled,
  });
}

/** One import with its source text and draft. */
export function usePlanImport(id: string) {
  return useQuery({
    queryKey: [...planImportsKey, "detail", id],
    queryFn: ({ signal }) => apiRequest<PlanImport>(`/plan-imports/${id}`, { signal }),
    // The draft is edited locally; a background refetch must not replace it under the user.
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Parses pasted text into a new import. */
export function pastePlanText(text: string): Promise<PlanImport> {
  return apiRequest<PlanImport>("/plan-imports", { method: "POST", body: { text } });
}

/** Uploads a .docx/.pdf/.txt file and parses it into a new import. */
export function uploadPlanFile(file: File): Promise<PlanImport> {
  const body = new FormData();
  body.append("file", file);
  return apiRequest<PlanImport>("/plan-imports/upload", { method: "POST", body });
}

/** Saves the whole edited draft; `version` is the version read. */
export function savePlanDraft(id: string, draft: PlanDraftEdit, version: number): Promise<PlanImport> {
  return apiRequest<PlanImport>(`/plan-imports/${id}`, { method: "PUT", body: { draft, version } });
}

/** Publishes an import as a plan. */
export function publishPlanImport(id: string, input: PlanPublishInput): Promise<PlanPublishResult> {
  return apiRequest<PlanPublishResult>(`/plan-imports/${id}/publish`, { method: "POST", body: input });
}

/** Discards an import under review. */
export function discardPlanImport(id: string, version: number): Promise<PlanImport> {
  return apiRequest<PlanImport>(`/plan-imports/${id}/discard`, { method: "POST", body: { version } });
}

/** Copies a plan into another year as a new draft under review. */
export function copyPlan(id: string, year: number): Promise<PlanImport> {
  return apiRequest<PlanImport>(`/plans/${id}/copy`, { method: "POST", body: { year } });
}

/** 归档 a published plan, or takes an archived one back（取消归档）, at the version read. */
export function changePlanArchive(
  id: string,
  action: "archive" | "unarchive",
  version: number,
): Promise<PlanSummary> {
  return apiRequest<PlanSummary>(`/plans/${id}/${action}`, { method: "POST", body: { version } });
}
