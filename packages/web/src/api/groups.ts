import type {
  Group,
  GroupCreateInput,
  GroupMember,
  GroupPage,
  GroupRule,
  GroupUpdateInput,
  SetEnabledInput,
} from "@duban/domain";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiRequest } from "./client";
import { fetchAllItems, type Paging } from "./paging";

/** Root query key of everything about groups. */
export const groupsKey = ["groups"] as const;

/** One page of groups. */
export function useGroups(q: string, paging: Paging) {
  return useQuery({
    queryKey: [...groupsKey, "list", q, paging],
    queryFn: ({ signal }) => apiRequest<GroupPage>("/groups", { query: { q, ...paging }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** The units a group resolves to now. */
export function useGroupMembers(id: string | null) {
  return useQuery({
    queryKey: [...groupsKey, "members", id],
    queryFn: ({ signal }) => fetchAllItems<GroupMember>(`/groups/${id}/members`, { signal }),
    enabled: id !== null,
  });
}

/** The units a rule would select, for the live preview of the rule editor. */
export function useGroupPreview(rule: GroupRule | null) {
  return useQuery({
    queryKey: [...groupsKey, "preview", rule],
    queryFn: ({ signal }) =>
      fetchAllItems<GroupMember>("/groups/preview", { method: "POST", body: { rule }, signal }),
    enabled: rule !== null,
    placeholderData: keepPreviousData,
  });
}

/** Creates a group. */
export function createGroup(input: GroupCreateInput): Promise<Group> {
  return apiRequest<Group>("/groups", { method: "POST", body: input });
}

/** Updates a group; `input.version` is the version read. */
export function updateGroup(id: string, input: GroupUpdateInput): Promise<Group> {
  return apiRequest<Group>(`/groups/${id}`, { method: "PUT", body: input });
}

/** Enables or disables a group. */
export function setGroupEnabled(id: string, input: SetEnabledInput): Promise<Group> {
  return apiRequest<Group>(`/groups/${id}/enabled`, { method: "PUT", body: input });
}
