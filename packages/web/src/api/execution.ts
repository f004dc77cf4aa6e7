import type {
  Assignment,
  AssignmentCreateInput,
  AssignmentCreateResult,
  AssignmentPage,
  AssignmentQuery,
  AssignmentRemoveInput,
  Cycle,
  FileRef,
  MyWork,
  PlanSettingsInput,
  Report,
  ReportPage,
  ReportReviewInput,
  ReportSaveBody,
  UnitWork,
} from "@duban/domain";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiRequest } from "./client";
import { type FiltersOf, fetchAllItems, type Paging } from "./paging";

export type { Cycle, FileRef, MyWork };

/** Root query key of assignments, reports, cycles and 我的工作: one write refreshes them all. */
export const executionKey = ["execution"] as const;

/** One page of what the signed-in user must do now, most urgent first. */
export function useMyWork(paging: Paging) {
  return useQuery({
    queryKey: [...executionKey, "my-work", paging],
    queryFn: ({ signal }) => apiRequest<MyWork>("/my-work", { signal, query: { ...paging } }),
    placeholderData: keepPreviousData,
  });
}

/** The assignments of a task, removed ones included; nothing is asked while `nodeId` is empty. */
export function useNodeAssignments(nodeId: string) {
  return useQuery({
    queryKey: [...executionKey, "node-assignments", nodeId],
    queryFn: ({ signal }) => fetchAllItems<Assignment>(`/nodes/${nodeId}/assignments`, { signal }),
    enabled: nodeId !== "",
  });
}

/** The filters of a task's assignment table. */
export type AssignmentFilters = FiltersOf<AssignmentQuery>;

/** One page of a task's assignments, filtered; the previous page stays shown while the next loads. */
export function useNodeAssignmentPage(nodeId: string, filters: AssignmentFilters, paging: Paging) {
  return useQuery({
    queryKey: [...executionKey, "node-assignments", nodeId, "page", filters, paging],
    queryFn: ({ signal }) =>
      apiRequest<AssignmentPage>(`/nodes/${nodeId}/assignments`, {
        query: { ...filters, ...paging },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

/** One assignment. */
export function useAssignment(id: string) {
  return useQuery({
    queryKey: [...executionKey, "assignment", id],
    queryFn: ({ signal }) => apiRequest<Assignment>(`/assignments/${id}`, { signal }),
  });
}

/** The report timeline of several assignments, keyed by assignment id. */
export function useReportsOf(assignmentIds: string[]) {
  return useQuery({
    queryKey: [...executionKey, "reports", assignmentIds],
    queryFn: async ({ signal }) => {
      const lists = await Promise.all(
        assignmentIds.map((id) => fetchAllItems<Report>(`/assignments/${id}/reports`, { signal })),
      );
      return lists.flat();
    },
    enabled: assignmentIds.length > 0,
  });
}

/** A plan's reporting cycles, newest first as the server sends them. */
export function useCycles(planId: string) {
  return useQuery({
    queryKey: [...executionKey, "cycles", planId],
    queryFn: ({ signal }) => fetchAllItems<Cycle>(`/plans/${planId}/cycles`, { signal }),
  });
}

/** A unit's assignments. */
export function useUnitAssignments(unitId: string) {
  return useQuery({
    queryKey: [...executionKey, "unit", unitId],
    queryFn: ({ signal }) => apiRequest<UnitWork>(`/units/${unitId}/assignments`, { signal }),
  });
}

/** Assigns a task to units and groups; units already assigned are skipped. */
export function createAssignments(
  nodeId: string,
  input: AssignmentCreateInput,
): Promise<AssignmentCreateResult> {
  return apiRequest(`/nodes/${nodeId}/assignments`, { method: "POST", body: input });
}

/** 签收. */
export function acknowledgeAssignment(id: string, version: number): Promise<Assignment> {
  return apiRequest<Assignment>(`/assignments/${id}/acknowledge`, { method: "POST", body: { version } });
}

/** Withdraws an assignment with a reason; it stays in the history. */
export function removeAssignment(id: string, input: AssignmentRemoveInput): Promise<Assignment> {
  return apiRequest<Assignment>(`/assignments/${id}/remove`, { method: "POST", body: input });
}

/** Saves (or submits) this cycle's report of an assignment. */
export function saveReport(assignmentId: string, input: ReportSaveBody): Promise<Report> {
  return apiRequest<Report>(`/assignments/${assignmentId}/reports`, { method: "POST", body: input });
}

/** Approves or returns a submitted report. */
export function reviewReport(id: string, input: ReportReviewInput): Promise<Report> {
  return apiRequest<Report>(`/reports/${id}/review`, { method: "POST", body: input });
}

/** Sets a plan's cadence and light tolerance. */
export function updatePlanSettings(planId: string, input: PlanSettingsInput): Promise<void> {
  return apiRequest<void>(`/plans/${planId}/settings`, { method: "PUT", body: input });
}

/** Opens the plan's default cycle of its cadence. */
export function openCycle(planId: string): Promise<Cycle> {
  return apiRequest<Cycle>(`/plans/${planId}/cycles`, { method: "POST", body: {} });
}

/** Closes a cycle; it then refuses reports. */
export function closeCycle(id: string, version: number): Promise<void> {
  return apiRequest<void>(`/cycles/${id}/close`, { method: "POST", body: { version } });
}

/** URL of a stored file; inline shows images and PDFs in the browser. */
export function fileUrl(id: string, inline = false): string {
  return `/api/files/${id}${inline ? "?inline=1" : ""}`;
}

/** Uploads one evidence file. */
export function uploadEvidence(file: File): Promise<FileRef> {
  const body = new FormData();
  body.append("file", file);
  return apiRequest<FileRef>("/files", { method: "POST", body });
}

/** One report. */
export function useReport(id: string | null) {
  return useQuery({
    queryKey: [...executionKey, "report", id],
    queryFn: ({ signal }) => apiRequest<Report>(`/reports/${id}`, { signal }),
    enabled: id !== null,
  });
}

/** One page of a task's reports across its units, newest cycle first: the task page's history. */
export function useNodeReports(nodeId: string, paging: Paging) {
  return useQuery({
    queryKey: [...executionKey, "node-reports", nodeId, paging],
    queryFn: ({ signal }) =>
      apiRequest<ReportPage>(`/nodes/${nodeId}/reports`, { signal, query: { ...paging } }),
    placeholderData: keepPreviousData,
  });
}

/** Every approved report of a task, for its indicators' values over the cycles; asked only when `enabled`. */
export function useNodeApprovedReports(nodeId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...executionKey, "node-reports", nodeId, "approved"],
    queryFn: ({ signal }) =>
      fetchAllItems<Report>(`/nodes/${nodeId}/reports`, { signal, query: { status: "approved" } }),
    enabled,
  });
}
