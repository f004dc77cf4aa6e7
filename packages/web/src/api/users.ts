import type {
  ImportResult,
  ResetPasswordInput,
  SetEnabledInput,
  User,
  UserCreateBody,
  UserPage,
  UserQuery,
  UserUpdateBody,
} from "@duban/domain";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiRequest } from "./client";
import type { FiltersOf, Paging } from "./paging";

/** Filters of the user list. */
export type UserFilters = FiltersOf<UserQuery>;

/** Root query key of everything about users. */
export const usersKey = ["users"] as const;

/** One page of users. */
export function useUsers(filters: UserFilters, paging: Paging) {
  return useQuery({
    queryKey: [...usersKey, "list", filters, paging],
    queryFn: ({ signal }) => apiRequest<UserPage>("/users", { query: { ...filters, ...paging }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Creates a user, who must change the initial password at first login. */
export function createUser(input: UserCreateBody): Promise<User> {
  return apiRequest<User>("/users", { method: "POST", body: input });
}

/** Updates a user; `input.version` is the version read. */
export function updateUser(id: string, input: UserUpdateBody): Promise<User> {
  return apiRequest<User>(`/users/${id}`, { method: "PUT", body: input });
}

/** Enables or disables a user. */
export function setUserEnabled(id: string, input: SetEnabledInput): Promise<User> {
  return apiRequest<User>(`/users/${id}/enabled`, { method: "PUT", body: input });
}

/** Sets a new password the user must change at next login. */
export function resetUserPassword(id: string, input: ResetPasswordInput): Promise<void> {
  return apiRequest<void>(`/users/${id}/reset-password`, { method: "POST", body: input });
}

/** Clears a lockout after repeated failed logins. */
export function unlockUser(id: string): Promise<void> {
  return apiRequest<void>(`/users/${id}/unlock`, { method: "POST" });
}

/** Imports users from an .xlsx file; any bad row rejects the whole file. */
export function importUsers(file: File): Promise<ImportResult> {
  const body = new FormData();
  body.append("file", file);
  return apiRequest<ImportResult>("/users/import", { method: "POST", body });
}
