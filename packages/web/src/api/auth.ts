import type { ChangePasswordInput, LoginInput, Me } from "@duban/domain";
import { useQuery } from "@tanstack/react-query";
import { ApiError, apiRequest, setCsrfToken } from "./client";

/** Query key of the signed-in user. */
export const meKey = ["auth", "me"] as const;

/** Fetches the signed-in user, or null when there is no valid session. */
export async function fetchMe(): Promise<Me | null> {
  try {
    const me = await apiRequest<Me>("/auth/me");
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

/** The signed-in user (null when signed out); the single source of the session in the app. */
export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 60_000 });
}

/** Signs in and returns the user with the session's CSRF token. */
export async function login(input: LoginInput): Promise<Me> {
  const me = await apiRequest<Me>("/auth/login", { method: "POST", body: input });
  setCsrfToken(me.csrfToken);
  return me;
}

/** Ends the current session. */
export async function logout(): Promise<void> {
  await apiRequest<void>("/auth/logout", { method: "POST" });
  setCsrfToken(null);
}

/** Ends every session of the current user, on every device. */
export async function logoutAll(): Promise<void> {
  await apiRequest<void>("/auth/logout-all", { method: "POST" });
  setCsrfToken(null);
}

/** Changes the current user's password. */
export function changePassword(input: ChangePasswordInput): Promise<void> {
  return apiRequest<void>("/auth/change-password", { method: "POST", body: input });
}
