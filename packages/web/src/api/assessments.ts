import type {
  AssessmentAdjustment,
  AssessmentAppealView,
  AssessmentEntryView,
  AssessmentResultView,
  AssessmentSchemeView,
  AssessmentView,
  CopyAssessmentSchemeInput,
  CreateAssessmentAdjustmentInput,
  CreateAssessmentAppealInput,
  CreateAssessmentEntryInput,
  CreateAssessmentInput,
  DecideAssessmentAppealInput,
  Page,
  SaveAssessmentSchemeInput,
} from "@duban/domain";
import { keepPreviousData, useQueries, useQuery } from "@tanstack/react-query";
import { apiRequest, apiUrl } from "./client";
import { defaultPaging, fetchAllItems, type Paging } from "./paging";

/** A page of a plan's manual entries with what the user may do there. */
export type AssessmentEntryList = Page<AssessmentEntryView, { create: boolean; seeAll: boolean }>;
/** An adjustment of a run as listed under it. */
export type AssessmentAdjustmentView = AssessmentAdjustment & { createdAt: string };
/** A page of a plan's runs with whether the user may start one. */
export type AssessmentList = Page<AssessmentView, { run: boolean }>;

/** Root query key of everything about 考评. */
export const assessmentsKey = ["assessments"] as const;

/** A plan's 考评方案 (the default one until the 督查室 saves one). */
export function useAssessmentScheme(planId: string) {
  return useQuery({
    queryKey: [...assessmentsKey, "scheme", planId],
    queryFn: ({ signal }) =>
      apiRequest<AssessmentSchemeView>(`/plans/${planId}/assessment-scheme`, { signal }),
    enabled: planId !== "",
  });
}

/** Saves the edited scheme at the version it was edited from. */
export function saveAssessmentScheme(planId: string, input: SaveAssessmentSchemeInput) {
  return apiRequest<AssessmentSchemeView>(`/plans/${planId}/assessment-scheme`, {
    method: "PUT",
    body: input,
  });
}

/** Replaces the scheme with another plan's (last year's). */
export function copyAssessmentScheme(planId: string, input: CopyAssessmentSchemeInput) {
  return apiRequest<AssessmentSchemeView>(`/plans/${planId}/assessment-scheme/copy`, {
    method: "POST",
    body: input,
  });
}

/** One page of the manual entries of a plan, revoked ones included. */
export function useAssessmentEntries(planId: string, paging: Paging) {
  return useQuery({
    queryKey: [...assessmentsKey, "entries", planId, paging],
    queryFn: ({ signal }) =>
      apiRequest<AssessmentEntryList>(`/plans/${planId}/assessment-entries`, {
        query: { ...paging },
        signal,
      }),
    placeholderData: keepPreviousData,
    enabled: planId !== "",
  });
}

/** Enters a 加分 / 扣分 / 一票否决 for a unit. */
export function createAssessmentEntry(planId: string, input: CreateAssessmentEntryInput) {
  return apiRequest<AssessmentEntryView>(`/plans/${planId}/assessment-entries`, {
    method: "POST",
    body: input,
  });
}

/** Revokes an entry with a reason. */
export function revokeAssessmentEntry(id: string, reason: string) {
  return apiRequest<AssessmentEntryView>(`/assessment-entries/${id}/revoke`, {
    method: "POST",
    body: { reason },
  });
}

const runsQuery = (planId: string, paging: Paging) => ({
  queryKey: [...assessmentsKey, "runs", planId, paging],
  queryFn: ({ signal }: { signal: AbortSignal }) =>
    apiRequest<AssessmentList>(`/plans/${planId}/assessments`, { query: { ...paging }, signal }),
  placeholderData: keepPreviousData,
  enabled: planId !== "",
});

/** One page of the runs（试评 and 正式考评）of a plan, newest first. */
export function usePlanAssessments(planId: string, paging: Paging) {
  return useQuery(runsQuery(planId, paging));
}

/** The newest runs of several plans, for a unit's 我的考评 (a unit sees only the published ones). */
export function useRunsOfPlans(planIds: string[]) {
  return useQueries({ queries: planIds.map((id) => runsQuery(id, defaultPaging)) });
}

/** Computes a run as of a day: a trial（试评）or the formal one, which locks the scheme. */
export function createAssessment(planId: string, input: CreateAssessmentInput) {
  return apiRequest<{ id: string }>(`/plans/${planId}/assessments`, { method: "POST", body: input });
}

/** One run. */
export function useAssessment(id: string) {
  return useQuery({
    queryKey: [...assessmentsKey, "run", id],
    queryFn: ({ signal }) => apiRequest<AssessmentView>(`/assessments/${id}`, { signal }),
  });
}

/** Deletes a trial run. */
export function deleteAssessment(id: string, version: number) {
  return apiRequest<void>(`/assessments/${id}`, { method: "DELETE", body: { version } });
}

/** Every result of a run: all units for the 督查室 and leaders, the unit's own row for a school or department. */
export function useAssessmentResults(id: string) {
  return useQuery({
    queryKey: [...assessmentsKey, "results", id],
    queryFn: ({ signal }) => fetchAllItems<AssessmentResultView>(`/assessments/${id}/results`, { signal }),
  });
}

/** Every adjustment of a run, in the order they were made. */
export function useAssessmentAdjustments(id: string) {
  return useQuery({
    queryKey: [...assessmentsKey, "adjustments", id],
    queryFn: ({ signal }) =>
      fetchAllItems<AssessmentAdjustmentView>(`/assessments/${id}/adjustments`, { signal }),
  });
}

/** Changes a unit's item by some points, with a reason (draft runs only). */
export function createAssessmentAdjustment(id: string, input: CreateAssessmentAdjustmentInput) {
  return apiRequest<unknown>(`/assessments/${id}/adjustments`, { method: "POST", body: input });
}

/** Publishes a formal run to the units; the appeal window starts. */
export function publishAssessment(id: string, version: number) {
  return apiRequest<AssessmentView>(`/assessments/${id}/publish`, { method: "POST", body: { version } });
}

/** Finalises a published run: locked for good. */
export function finaliseAssessment(id: string, version: number) {
  return apiRequest<AssessmentView>(`/assessments/${id}/finalise`, { method: "POST", body: { version } });
}

/** One page of the appeals of a run (the unit's own for a school or department). */
export function useAssessmentAppeals(id: string, paging: Paging = defaultPaging) {
  return useQuery({
    queryKey: [...assessmentsKey, "appeals", id, paging],
    queryFn: ({ signal }) =>
      apiRequest<Page<AssessmentAppealView>>(`/assessments/${id}/appeals`, {
        query: { ...paging },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

/** A unit appeals its published result. */
export function createAssessmentAppeal(id: string, input: CreateAssessmentAppealInput) {
  return apiRequest<AssessmentAppealView>(`/assessments/${id}/appeals`, { method: "POST", body: input });
}

/** Accepts (with the points it changes) or rejects an appeal. */
export function decideAssessmentAppeal(appealId: string, input: DecideAssessmentAppealInput) {
  return apiRequest<AssessmentAppealView>(`/assessment-appeals/${appealId}/decision`, {
    method: "POST",
    body: input,
  });
}

/** Where a run's results table (.xlsx) downloads from. */
export function assessmentResultsXlsxUrl(id: string): string {
  return apiUrl(`/assessments/${id}/results.xlsx`);
}

/** Where a run's 考评结果通报 (.docx) downloads from. */
export function assessmentDocumentUrl(id: string): string {
  return apiUrl(`/assessments/${id}/document`);
}

/** Where a plan's 年度工作总结（初稿）(.docx) downloads from. */
export function summaryDocumentUrl(planId: string): string {
  return apiUrl(`/plans/${planId}/summary-document`);
}
