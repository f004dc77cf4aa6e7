import type {
  Form,
  FormCreateInput,
  FormPage,
  FormRound,
  FormRoundCreateInput,
  FormRoundSummary,
  FormRoundUrgeResult,
  FormSubmission,
  FormSubmissionPage,
  FormUpdateInput,
  FormValues,
  ImportResult,
} from "@duban/domain";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiRequest, apiUrl } from "./client";
import type { Paging } from "./paging";

/** Root query key of 数据填报: forms, rounds and submissions refresh together. */
export const formsKey = ["forms"] as const;

/** One page of a plan's forms (archived ones with `includeArchived`); nothing is asked before a plan is picked. */
export function usePlanForms(planId: string, paging: Paging, includeArchived = false) {
  return useQuery({
    queryKey: [...formsKey, "plan", planId, paging, includeArchived],
    queryFn: ({ signal }) =>
      apiRequest<FormPage>(`/plans/${planId}/forms`, {
        query: { ...paging, ...(includeArchived ? { includeArchived: "true" } : {}) },
        signal,
      }),
    placeholderData: keepPreviousData,
    enabled: planId !== "",
  });
}

/** One form with its fields, rules and rounds; nothing is asked while `id` is empty. */
export function useForm(id: string) {
  return useQuery({
    queryKey: [...formsKey, "one", id],
    queryFn: ({ signal }) => apiRequest<Form>(`/forms/${id}`, { signal }),
    enabled: id !== "",
  });
}

/** Defines a new draft form of the plan. */
export function createForm(planId: string, input: FormCreateInput): Promise<Form> {
  return apiRequest<Form>(`/plans/${planId}/forms`, { method: "POST", body: input });
}

/** Saves a form's definition at the version it was edited from. */
export function updateForm(id: string, input: FormUpdateInput): Promise<Form> {
  return apiRequest<Form>(`/forms/${id}`, { method: "PUT", body: input });
}

/** Deletes a form that was never sent. */
export function deleteForm(id: string, version: number): Promise<void> {
  return apiRequest<void>(`/forms/${id}`, { method: "DELETE", body: { version } });
}

/** Archives a form no longer collected, or brings an archived one back. */
export function changeFormArchive(id: string, action: "archive" | "restore", version: number): Promise<Form> {
  return apiRequest<Form>(`/forms/${id}/${action}`, { method: "POST", body: { version } });
}

/** Sends the form to units（下发）: one draft submission per audience unit. */
export function createRound(formId: string, input: FormRoundCreateInput): Promise<FormRoundSummary> {
  return apiRequest<FormRoundSummary>(`/forms/${formId}/rounds`, { method: "POST", body: input });
}

/** A round with every audience unit's standing（填报情况）. */
export function useFormRound(id: string) {
  return useQuery({
    queryKey: [...formsKey, "round", id],
    queryFn: ({ signal }) => apiRequest<FormRound>(`/form-rounds/${id}`, { signal }),
  });
}

/** 一键催报: reminds every unit of the round that has not submitted, once a day each. */
export function urgeRound(id: string): Promise<FormRoundUrgeResult> {
  return apiRequest<FormRoundUrgeResult>(`/form-rounds/${id}/urge`, { method: "POST" });
}

/** Closes a round: its data counts as final. */
export function closeRound(id: string, version: number): Promise<FormRoundSummary> {
  return apiRequest<FormRoundSummary>(`/form-rounds/${id}/close`, { method: "POST", body: { version } });
}

/** Where a round's Excel template (one row per audience unit) downloads from. */
export function roundTemplateUrl(id: string): string {
  return apiUrl(`/form-rounds/${id}/template`);
}

/** Uploads a filled template; all rows are saved or none (400 with the rows' problems). */
export function importRound(id: string, file: File): Promise<ImportResult> {
  const body = new FormData();
  body.append("file", file);
  return apiRequest<ImportResult>(`/form-rounds/${id}/import`, { method: "POST", body });
}

/** A page of the signed-in unit's submissions（我的填报）. */
export function useMySubmissions(paging: Paging) {
  return useQuery({
    queryKey: [...formsKey, "mine", paging],
    queryFn: ({ signal }) =>
      apiRequest<FormSubmissionPage>("/my/form-submissions", { query: { ...paging }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** One submission with its form's fields and its history. */
export function useSubmission(id: string) {
  return useQuery({
    queryKey: [...formsKey, "submission", id],
    queryFn: ({ signal }) => apiRequest<FormSubmission>(`/form-submissions/${id}`, { signal }),
  });
}

/** Saves a submission's values as a draft. */
export function saveSubmission(id: string, values: FormValues, version: number): Promise<FormSubmission> {
  return apiRequest<FormSubmission>(`/form-submissions/${id}`, { method: "PUT", body: { values, version } });
}

/** Hands a submission in for review. */
export function submitSubmission(id: string, version: number): Promise<FormSubmission> {
  return apiRequest<FormSubmission>(`/form-submissions/${id}/submit`, { method: "POST", body: { version } });
}

/** Approves a submission: it is locked and counts in computed indicators. */
export function approveSubmission(id: string, version: number): Promise<FormSubmission> {
  return apiRequest<FormSubmission>(`/form-submissions/${id}/approve`, { method: "POST", body: { version } });
}

/** Returns a submission to its unit with the reason. */
export function returnSubmission(id: string, version: number, reason: string): Promise<FormSubmission> {
  return apiRequest<FormSubmission>(`/form-submissions/${id}/return`, {
    method: "POST",
    body: { version, reason },
  });
}
