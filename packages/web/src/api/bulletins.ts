import type { Bulletin, BulletinCreateInput, BulletinPage, BulletinUpdateInput } from "@duban/domain";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiRequest, apiUrl } from "./client";
import type { Paging } from "./paging";

/** Root query key of 督查通报. */
export const bulletinsKey = ["bulletins"] as const;

/** One page of a plan's bulletins; nothing is asked before a plan is picked. */
export function usePlanBulletins(planId: string, paging: Paging) {
  return useQuery({
    queryKey: [...bulletinsKey, "plan", planId, paging],
    queryFn: ({ signal }) =>
      apiRequest<BulletinPage>(`/plans/${planId}/bulletins`, { query: { ...paging }, signal }),
    placeholderData: keepPreviousData,
    enabled: planId !== "",
  });
}

/** One bulletin with its body. */
export function useBulletin(id: string) {
  return useQuery({
    queryKey: [...bulletinsKey, "one", id],
    queryFn: ({ signal }) => apiRequest<Bulletin>(`/bulletins/${id}`, { signal }),
  });
}

/** Drafts a 通报 for a period of the plan. */
export function createBulletin(planId: string, input: BulletinCreateInput): Promise<Bulletin> {
  return apiRequest<Bulletin>(`/plans/${planId}/bulletins`, { method: "POST", body: input });
}

/** Saves the edited title and body of a draft at the version it was edited from. */
export function updateBulletin(id: string, input: BulletinUpdateInput): Promise<Bulletin> {
  return apiRequest<Bulletin>(`/bulletins/${id}`, { method: "PUT", body: input });
}

/** Issues a draft: the server gives it its 文号. */
export function issueBulletin(id: string, version: number): Promise<Bulletin> {
  return apiRequest<Bulletin>(`/bulletins/${id}/issue`, { method: "POST", body: { version } });
}

/** Deletes a draft. */
export function deleteBulletin(id: string, version: number): Promise<void> {
  return apiRequest<void>(`/bulletins/${id}`, { method: "DELETE", body: { version } });
}

/** Where the .docx of a bulletin downloads from. */
export function bulletinDocumentUrl(id: string): string {
  return apiUrl(`/bulletins/${id}/document`);
}
